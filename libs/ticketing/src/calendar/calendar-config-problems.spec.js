"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const calendar_config_problems_1 = require("./calendar-config-problems");
const calendar_fixtures_1 = require("./calendar-fixtures");
const withChanges = (changes) => ({ ...calendar_fixtures_1.CITY_HALL, ...changes });
describe('calendar configuration problems', () => {
    it('given a valid calendar, then there are none', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)(calendar_fixtures_1.CITY_HALL)).toEqual([]);
    });
    it('given something other than an object, then it says so', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)([])).toEqual([{ path: '', message: 'must be an object (got a list)' }]);
    });
    it('given missing fields and an unknown one, then it names each', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)({ timezone: 'America/New_York' })).toEqual([
            { path: 'timezone', message: 'unknown field (known fields: timeZone, hours, holidays)' },
            { path: 'timeZone', message: 'is required' },
            { path: 'hours', message: 'is required' },
            { path: 'holidays', message: 'is required' },
        ]);
    });
    it('given an unknown time zone, then it asks for an IANA name', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)(withChanges({ timeZone: 'Eastern' }))).toEqual([
            { path: 'timeZone', message: 'unknown time zone "Eastern" (use an IANA name such as "America/New_York")' },
        ]);
    });
    it('given malformed clock times and a day that closes before it opens, then it reports each', () => {
        const hours = { monday: { open: '8:30', close: '16:30' }, tuesday: { open: '09:00', close: '25:00' }, friday: { open: '17:00', close: '08:30' } };
        expect((0, calendar_config_problems_1.calendarConfigProblems)(withChanges({ hours }))).toEqual([
            { path: 'hours.monday.open', message: `must be a local time 'HH:MM' from 00:00 to 24:00 (got "8:30")` },
            { path: 'hours.tuesday.close', message: `must be a local time 'HH:MM' from 00:00 to 24:00 (got "25:00")` },
            { path: 'hours.friday', message: 'opens at 17:00 but closes at 08:30: opening must be before closing' },
        ]);
    });
    it('given an abbreviated weekday, then it is an unknown field rather than a silently closed day', () => {
        const problems = (0, calendar_config_problems_1.calendarConfigProblems)(withChanges({ hours: { ...calendar_fixtures_1.CITY_HALL.hours, sat: { open: '09:00', close: '12:00' } } }));
        expect(problems).toEqual([{ path: 'hours.sat', message: expect.stringContaining('unknown field (known fields: monday,') }]);
    });
    it('given no open weekday at all, then it refuses (no SLA could ever fall due)', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)(withChanges({ hours: {} }))).toEqual([
            { path: 'hours', message: 'no weekday is open: give at least one weekday opening hours' },
        ]);
    });
    it('accepts 24:00 as a closing time', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)(withChanges({ hours: { saturday: { open: '00:00', close: '24:00' } } }))).toEqual([]);
    });
    it('given impossible, malformed and duplicate holidays, then it reports each', () => {
        expect((0, calendar_config_problems_1.calendarConfigProblems)(withChanges({ holidays: ['2026-02-30', '07/04/2026', '2026-12-25', 20261225, '2026-12-25'] }))).toEqual([
            { path: 'holidays[0]', message: `must be an existing date 'YYYY-MM-DD' (got "2026-02-30")` },
            { path: 'holidays[1]', message: `must be an existing date 'YYYY-MM-DD' (got "07/04/2026")` },
            { path: 'holidays[3]', message: 'must be a string (got number 20261225)' },
            { path: 'holidays[4]', message: 'duplicate holiday "2026-12-25" (first at holidays[2])' },
        ]);
    });
});
//# sourceMappingURL=calendar-config-problems.spec.js.map