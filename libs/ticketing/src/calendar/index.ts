export { type BusinessCalendar, createBusinessCalendar } from './business-calendar';
export type { CalendarConfig, OpeningHours } from './calendar-config';
export { CalendarConfigError } from './calendar-config-error';
export { calendarConfigProblems, checkCalendarConfig } from './calendar-config-problems';
export { type ConfigProblem, ConfigReader, describeValue, elementPath, fieldPath, formatProblem } from './config-reader';
export { SLA_UNITS, type Sla, type SlaUnit } from '../sla/sla-duration';
export { type Weekday, WEEKDAYS } from './weekday';
export { instantOfWallTime, isKnownTimeZone, wallTimeOf, zoneOffsetAt } from './zoned-time';
