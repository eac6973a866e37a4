"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const fast_check_1 = __importDefault(require("fast-check"));
const business_calendar_1 = require("./business-calendar");
const calendar_fixtures_1 = require("./calendar-fixtures");
const FROM = Date.parse('2026-01-01T00:00Z');
const TO = Date.parse('2027-12-31T00:00Z');
const instant = fast_check_1.default.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const businessTime = fast_check_1.default.integer({ min: 0, max: 300 * calendar_fixtures_1.HOUR });
describe.each([
    ['a city hall open Mon–Fri with holidays', calendar_fixtures_1.CITY_HALL],
    ['a service open every day 01:30–04:00, touching both DST changes', (0, calendar_fixtures_1.everyDay)('01:30', '04:00')],
    ['a service open Mon–Sun 09:00–17:00 in London', (0, calendar_fixtures_1.everyDay)('09:00', '17:00', 'Europe/London')],
])('business calendar properties: %s', (_name, config) => {
    const calendar = (0, business_calendar_1.createBusinessCalendar)(config);
    it('measures back exactly the business time it adds', () => {
        fast_check_1.default.assert(fast_check_1.default.property(instant, businessTime, (start, ms) => {
            expect(calendar.businessTimeBetween(start, calendar.addBusinessTime(start, ms))).toBe(ms);
        }));
    });
    it('lands on the end again when adding the business time measured up to it', () => {
        // An end just after the opening instant (not at it): the same amount also runs out at the
        // previous closing, which is the same business moment and is where addBusinessTime stops.
        const endInBusinessHours = (start, end) => end > start && calendar.isBusinessTime(end) && calendar.isBusinessTime(new Date(end.getTime() - 1));
        fast_check_1.default.assert(fast_check_1.default.property(instant, instant, (start, end) => {
            fast_check_1.default.pre(endInBusinessHours(start, end));
            expect(calendar.addBusinessTime(start, calendar.businessTimeBetween(start, end))).toEqual(end);
        }));
    });
    it('makes business-days SLAs fall due within business hours or at a closing', () => {
        fast_check_1.default.assert(fast_check_1.default.property(instant, fast_check_1.default.integer({ min: 1, max: 90 }), (start, amount) => {
            const due = calendar.dueDate(start, { amount, unit: 'business_days' });
            expect(calendar.isBusinessTime(due) || calendar.isBusinessTime(new Date(due.getTime() - 1))).toBe(true);
            expect(due.getTime()).toBeGreaterThan(start.getTime());
        }), { numRuns: 50 });
    });
});
//# sourceMappingURL=business-calendar.properties.spec.js.map