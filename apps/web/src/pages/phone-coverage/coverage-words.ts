import { cityDateTime, formatDuration } from '../../lib/city-time';
import type { CoverageGap } from '../../lib/phone-coverage-types';

/** Minutes for people: "none", "45 min", "1 h 30 min". */
export const minutesInWords = (minutes: number): string => (minutes === 0 ? 'none' : formatDuration(minutes * 60_000));

/** The local clock time ('HH:MM') of an instant in the city's zone. */
export const cityClock = (timeZone: string, instant: string): string => cityDateTime(timeZone, instant).slice(11);

const GAP_KINDS: Readonly<Record<string, string>> = { nobody_scheduled: 'nobody scheduled', nobody_available: 'nobody available' };

/** A gap for people: "12:00–13:00 nobody scheduled". */
export const gapInWords = (timeZone: string, gap: CoverageGap): string =>
  `${cityClock(timeZone, gap.from)}–${cityClock(timeZone, gap.until)} ${GAP_KINDS[gap.kind] ?? gap.kind.replace(/_/g, ' ')}`;

export const WEEKDAY_NAMES: Readonly<Record<string, string>> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
export const WEEKDAY_ORDER = Object.keys(WEEKDAY_NAMES);
