"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const business_calendar_1 = require("./business-calendar");
const calendar_fixtures_1 = require("./calendar-fixtures");
describe('business calendar across daylight saving time changes (America/New_York, 2026)', () => {
    describe('given a city hall open Mon–Fri', () => {
        const calendar = (0, business_calendar_1.createBusinessCalendar)(calendar_fixtures_1.CITY_HALL);
        it('when time carries over the spring-forward weekend, then Monday opens at 08:30 daylight time', () => {
            expect(calendar.addBusinessTime((0, calendar_fixtures_1.at)('2026-03-06T16:00-05:00'), calendar_fixtures_1.HOUR)).toEqual((0, calendar_fixtures_1.at)('2026-03-09T09:00-04:00'));
        });
        it('when time carries over the fall-back weekend, then Monday opens at 08:30 standard time', () => {
            expect(calendar.addBusinessTime((0, calendar_fixtures_1.at)('2026-10-30T16:00-04:00'), calendar_fixtures_1.HOUR)).toEqual((0, calendar_fixtures_1.at)('2026-11-02T09:00-05:00'));
        });
        it('counts the same business hours on both sides of the change', () => {
            expect(calendar.businessTimeBetween((0, calendar_fixtures_1.at)('2026-03-06T08:30-05:00'), (0, calendar_fixtures_1.at)('2026-03-09T16:30-04:00'))).toBe(16 * calendar_fixtures_1.HOUR);
            expect(calendar.businessTimeBetween((0, calendar_fixtures_1.at)('2026-10-30T08:30-04:00'), (0, calendar_fixtures_1.at)('2026-11-02T16:30-05:00'))).toBe(16 * calendar_fixtures_1.HOUR);
        });
    });
    describe('given a service open every day 08:30–17:00, so the change falls on a business day', () => {
        const calendar = (0, business_calendar_1.createBusinessCalendar)((0, calendar_fixtures_1.everyDay)('08:30', '17:00'));
        it('keeps the wall-clock hours on spring-forward Sunday', () => {
            expect(calendar.businessTimeBetween((0, calendar_fixtures_1.at)('2026-03-07T17:00-05:00'), (0, calendar_fixtures_1.at)('2026-03-09T08:30-04:00'))).toBe(8.5 * calendar_fixtures_1.HOUR);
            expect(calendar.isBusinessTime((0, calendar_fixtures_1.at)('2026-03-08T08:30-04:00'))).toBe(true);
            expect(calendar.isBusinessTime((0, calendar_fixtures_1.at)('2026-03-08T08:29-04:00'))).toBe(false);
        });
        it('keeps the wall-clock hours on fall-back Sunday', () => {
            expect(calendar.businessTimeBetween((0, calendar_fixtures_1.at)('2026-10-31T17:00-04:00'), (0, calendar_fixtures_1.at)('2026-11-02T08:30-05:00'))).toBe(8.5 * calendar_fixtures_1.HOUR);
            expect(calendar.addBusinessTime((0, calendar_fixtures_1.at)('2026-10-31T16:00-04:00'), 2 * calendar_fixtures_1.HOUR)).toEqual((0, calendar_fixtures_1.at)('2026-11-01T09:30-05:00'));
        });
        it('keeps the local time of day of a business-days SLA across the change', () => {
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-07T10:15-05:00'), { amount: 2, unit: 'business_days' })).toEqual((0, calendar_fixtures_1.at)('2026-03-09T10:15-04:00'));
            expect(calendar.dueDate((0, calendar_fixtures_1.at)('2026-10-31T10:15-04:00'), { amount: 1, unit: 'business_days' })).toEqual((0, calendar_fixtures_1.at)('2026-11-01T10:15-05:00'));
        });
    });
    describe('given hours that touch the transition itself', () => {
        it('when opening falls in the spring-forward gap (02:30), then it opens the gap length later (03:30 daylight time)', () => {
            const calendar = (0, business_calendar_1.createBusinessCalendar)((0, calendar_fixtures_1.everyDay)('02:30', '06:00'));
            expect(calendar.isBusinessTime((0, calendar_fixtures_1.at)('2026-03-08T03:29-04:00'))).toBe(false);
            expect(calendar.isBusinessTime((0, calendar_fixtures_1.at)('2026-03-08T03:30-04:00'))).toBe(true);
            expect(calendar.businessTimeBetween((0, calendar_fixtures_1.at)('2026-03-08T00:00-05:00'), (0, calendar_fixtures_1.at)('2026-03-09T00:00-04:00'))).toBe(150 * calendar_fixtures_1.MINUTE);
        });
        it('when opening falls in the repeated fall-back hour (01:30), then it opens at the first 01:30', () => {
            const calendar = (0, business_calendar_1.createBusinessCalendar)((0, calendar_fixtures_1.everyDay)('01:30', '04:00'));
            expect(calendar.isBusinessTime((0, calendar_fixtures_1.at)('2026-11-01T01:30-04:00'))).toBe(true);
            expect(calendar.businessTimeBetween((0, calendar_fixtures_1.at)('2026-11-01T00:00-04:00'), (0, calendar_fixtures_1.at)('2026-11-02T00:00-05:00'))).toBe(3.5 * calendar_fixtures_1.HOUR);
        });
    });
});
//# sourceMappingURL=business-calendar.dst.spec.js.map