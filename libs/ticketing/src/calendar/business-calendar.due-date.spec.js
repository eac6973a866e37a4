"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const business_calendar_1 = require("./business-calendar");
const calendar_fixtures_1 = require("./calendar-fixtures");
describe('dueDate on a city hall open Mon–Fri 08:30–16:30, Thursdays to 19:00', () => {
    const calendar = (0, business_calendar_1.createBusinessCalendar)(calendar_fixtures_1.CITY_HALL);
    describe('business_hours', () => {
        it('adds whole hours of business time', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T10:00-05:00'), { amount: 4, unit: 'business_hours' })).toEqual((0, calendar_fixtures_1.at)('2026-03-02T14:00-05:00'));
        });
        it('carries a day’s worth of hours to the next day', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T10:00-05:00'), { amount: 8, unit: 'business_hours' })).toEqual((0, calendar_fixtures_1.at)('2026-03-03T10:00-05:00'));
        });
        it('accepts fractions of an hour', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T10:00-05:00'), { amount: 0.5, unit: 'business_hours' })).toEqual((0, calendar_fixtures_1.at)('2026-03-02T10:30-05:00'));
        });
    });
    describe('business_days', () => {
        const days = (amount) => ({ amount, unit: 'business_days' });
        it('given a start within hours, then it is due at the same time on the next business day', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T10:00-05:00'), days(1))).toEqual((0, calendar_fixtures_1.at)('2026-03-03T10:00-05:00'));
        });
        it('given a start at opening, then it is due at opening of the next business day', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T08:30-05:00'), days(1))).toEqual((0, calendar_fixtures_1.at)('2026-03-03T08:30-05:00'));
        });
        it('given a late Thursday start, then it is due at Friday’s earlier closing', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-05T18:00-05:00'), days(1))).toEqual((0, calendar_fixtures_1.at)('2026-03-06T16:30-05:00'));
        });
        it('given a Friday evening start, then it is due at Monday’s closing', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-13T20:00-04:00'), days(1))).toEqual((0, calendar_fixtures_1.at)('2026-03-16T16:30-04:00'));
        });
        it('given a start exactly at closing, then it is due at the next business day’s closing', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T16:30-05:00'), days(1))).toEqual((0, calendar_fixtures_1.at)('2026-03-03T16:30-05:00'));
        });
        it('given a start before opening, then that day counts as the first business day', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T07:00-05:00'), days(2))).toEqual((0, calendar_fixtures_1.at)('2026-03-03T16:30-05:00'));
        });
        it('given Thanksgiving week, then the holiday is not a business day', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-11-25T10:00-05:00'), days(5))).toEqual((0, calendar_fixtures_1.at)('2026-12-03T10:00-05:00'));
        });
        it('given a spring-forward weekend in between, then the local time of day is kept', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-06T10:00-05:00'), days(1))).toEqual((0, calendar_fixtures_1.at)('2026-03-09T10:00-04:00'));
        });
        it('given a 90-business-day SLA, then it skips weekends and three holidays', () => {
            // 93 weekdays from Monday 5 January: 18 weeks and 3 days (MLK, Presidents', Patriots' Day are closed).
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-01-05T10:00-05:00'), days(90))).toEqual((0, calendar_fixtures_1.at)('2026-05-14T10:00-04:00'));
        });
        it('walks day by day, not minute by minute', () => {
            const zoneLookups = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
            (0, business_calendar_1.createBusinessCalendar)(calendar_fixtures_1.CITY_HALL).dueDate((0, calendar_fixtures_1.at)('2026-01-05T10:00-05:00'), days(90));
            expect(zoneLookups.mock.calls.length).toBeLessThan(1000);
            zoneLookups.mockRestore();
        });
        it('rejects a fractional number of days', () => {
            expect(() => calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T10:00-05:00'), days(1.5))).toThrow(RangeError);
        });
    });
    it('rejects an SLA amount that is not positive', () => {
        expect(() => calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-02T10:00-05:00'), { amount: 0, unit: 'business_hours' })).toThrow(RangeError);
    });
});
//# sourceMappingURL=business-calendar.due-date.spec.js.map