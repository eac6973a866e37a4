import { type ConfigProblem, ConfigReader, elementPath, fieldPath } from './config-reader';
import { parseClockTime, parseIsoDate } from './local-date';
import { WEEKDAYS } from './weekday';
import { isKnownTimeZone } from './zoned-time';

const CALENDAR_FIELDS = ['timeZone', 'hours', 'holidays'] as const;

/** Everything wrong with a calendar configuration given as untrusted data. */
export function calendarConfigProblems(value: unknown): ConfigProblem[] {
  const reader = new ConfigReader();
  checkCalendarConfig(reader, value, '');
  return reader.problems;
}

/** Reports to `reader` everything wrong with the calendar configuration at `path`. */
export function checkCalendarConfig(reader: ConfigReader, value: unknown, path: string): void {
  const calendar = reader.object(value, path, CALENDAR_FIELDS);
  if (!calendar) return;
  checkTimeZone(reader, calendar.timeZone, fieldPath(path, 'timeZone'));
  checkHours(reader, calendar.hours, fieldPath(path, 'hours'));
  checkHolidays(reader, calendar.holidays, fieldPath(path, 'holidays'));
}

function checkTimeZone(reader: ConfigReader, value: unknown, path: string): void {
  const timeZone = reader.string(value, path);
  if (timeZone !== undefined && !isKnownTimeZone(timeZone)) {
    reader.report(path, `unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as "America/New_York")`);
  }
}

function checkHours(reader: ConfigReader, value: unknown, path: string): void {
  const hours = reader.object(value, path, WEEKDAYS);
  if (!hours) return;
  const openDays = WEEKDAYS.filter((weekday) => hours[weekday] !== undefined);
  // Without one open weekday no SLA could ever fall due: calendar walks would never end.
  if (openDays.length === 0) reader.report(path, 'no weekday is open: give at least one weekday opening hours');
  for (const weekday of openDays) {
    const dayPath = fieldPath(path, weekday);
    const day = reader.object(hours[weekday], dayPath, ['open', 'close']);
    if (!day) continue;
    const open = clockTime(reader, day.open, fieldPath(dayPath, 'open'));
    const close = clockTime(reader, day.close, fieldPath(dayPath, 'close'));
    if (open !== undefined && close !== undefined && open >= close) {
      reader.report(dayPath, `opens at ${day.open} but closes at ${day.close}: opening must be before closing`);
    }
  }
}

function clockTime(reader: ConfigReader, value: unknown, path: string): number | undefined {
  const text = reader.string(value, path);
  if (text === undefined) return undefined;
  const minutes = parseClockTime(text);
  if (minutes === undefined) reader.report(path, `must be a local time 'HH:MM' from 00:00 to 24:00 (got ${JSON.stringify(text)})`);
  return minutes;
}

function checkHolidays(reader: ConfigReader, value: unknown, path: string): void {
  const holidays = reader.list(value, path);
  if (!holidays) return;
  const checkRepeat = reader.repeatCheck('holiday');
  holidays.forEach((holiday, index) => {
    const holidayPath = elementPath(path, index);
    const date = reader.string(holiday, holidayPath);
    if (date === undefined) return;
    if (parseIsoDate(date) === undefined) {
      reader.report(holidayPath, `must be an existing date 'YYYY-MM-DD' (got ${JSON.stringify(date)})`);
    } else {
      checkRepeat(date, holidayPath);
    }
  });
}
