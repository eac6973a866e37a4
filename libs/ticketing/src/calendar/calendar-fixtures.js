"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MINUTE = exports.HOUR = exports.CITY_HALL = void 0;
exports.everyDay = everyDay;
exports.at = at;
/** Test fixture: a New England city hall, open late on Thursdays, with its 2026 holidays. */
exports.CITY_HALL = {
    timeZone: 'America/New_York',
    hours: {
        monday: { open: '08:30', close: '16:30' },
        tuesday: { open: '08:30', close: '16:30' },
        wednesday: { open: '08:30', close: '16:30' },
        thursday: { open: '08:30', close: '19:00' },
        friday: { open: '08:30', close: '16:30' },
    },
    holidays: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-20', '2026-07-03', '2026-11-11', '2026-11-26', '2026-12-25'],
};
/** Test fixture: a service open every day of the week, so that DST Sundays are business days. */
function everyDay(open, close, timeZone = 'America/New_York') {
    const hours = { open, close };
    return {
        timeZone,
        hours: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: hours, saturday: hours, sunday: hours },
        holidays: [],
    };
}
/** An instant written as an ISO local time with its offset, e.g. '2026-03-06T16:00-05:00'. */
function at(isoWithOffset) {
    return new Date(isoWithOffset);
}
exports.HOUR = 3_600_000;
exports.MINUTE = 60_000;
//# sourceMappingURL=calendar-fixtures.js.map