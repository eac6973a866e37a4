"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.calendarConfigProblems = calendarConfigProblems;
exports.checkCalendarConfig = checkCalendarConfig;
const config_reader_1 = require("./config-reader");
const local_date_1 = require("./local-date");
const weekday_1 = require("./weekday");
const zoned_time_1 = require("./zoned-time");
const CALENDAR_FIELDS = ['timeZone', 'hours', 'holidays'];
/** Everything wrong with a calendar configuration given as untrusted data. */
function calendarConfigProblems(value) {
    const reader = new config_reader_1.ConfigReader();
    checkCalendarConfig(reader, value, '');
    return reader.problems;
}
/** Reports to `reader` everything wrong with the calendar configuration at `path`. */
function checkCalendarConfig(reader, value, path) {
    const calendar = reader.object(value, path, CALENDAR_FIELDS);
    if (!calendar)
        return;
    checkTimeZone(reader, calendar.timeZone, (0, config_reader_1.fieldPath)(path, 'timeZone'));
    checkHours(reader, calendar.hours, (0, config_reader_1.fieldPath)(path, 'hours'));
    checkHolidays(reader, calendar.holidays, (0, config_reader_1.fieldPath)(path, 'holidays'));
}
function checkTimeZone(reader, value, path) {
    const timeZone = reader.string(value, path);
    if (timeZone !== undefined && !(0, zoned_time_1.isKnownTimeZone)(timeZone)) {
        reader.report(path, `unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as "America/New_York")`);
    }
}
function checkHours(reader, value, path) {
    const hours = reader.object(value, path, weekday_1.WEEKDAYS);
    if (!hours)
        return;
    const openDays = weekday_1.WEEKDAYS.filter((weekday) => hours[weekday] !== undefined);
    // Without one open weekday no SLA could ever fall due: calendar walks would never end.
    if (openDays.length === 0)
        reader.report(path, 'no weekday is open: give at least one weekday opening hours');
    for (const weekday of openDays) {
        const dayPath = (0, config_reader_1.fieldPath)(path, weekday);
        const day = reader.object(hours[weekday], dayPath, ['open', 'close']);
        if (!day)
            continue;
        const open = clockTime(reader, day.open, (0, config_reader_1.fieldPath)(dayPath, 'open'));
        const close = clockTime(reader, day.close, (0, config_reader_1.fieldPath)(dayPath, 'close'));
        if (open !== undefined && close !== undefined && open >= close) {
            reader.report(dayPath, `opens at ${day.open} but closes at ${day.close}: opening must be before closing`);
        }
    }
}
function clockTime(reader, value, path) {
    const text = reader.string(value, path);
    if (text === undefined)
        return undefined;
    const minutes = (0, local_date_1.parseClockTime)(text);
    if (minutes === undefined)
        reader.report(path, `must be a local time 'HH:MM' from 00:00 to 24:00 (got ${JSON.stringify(text)})`);
    return minutes;
}
function checkHolidays(reader, value, path) {
    const holidays = reader.list(value, path);
    if (!holidays)
        return;
    const checkRepeat = reader.repeatCheck('holiday');
    holidays.forEach((holiday, index) => {
        const holidayPath = (0, config_reader_1.elementPath)(path, index);
        const date = reader.string(holiday, holidayPath);
        if (date === undefined)
            return;
        if ((0, local_date_1.parseIsoDate)(date) === undefined) {
            reader.report(holidayPath, `must be an existing date 'YYYY-MM-DD' (got ${JSON.stringify(date)})`);
        }
        else {
            checkRepeat(date, holidayPath);
        }
    });
}
//# sourceMappingURL=calendar-config-problems.js.map