import {
  CONTACT_PERIODS,
  type ContactPeriod,
  isoDateOfDay as isoDate,
  type LocalDay,
  nextLocalPeriod as nextPeriod,
  startOfLocalPeriod as startOfPeriod,
} from '@switchboard/knowledge';
import { instantOfWallTime, isKnownTimeZone, wallTimeOf } from '@switchboard/ticketing';
import { InvalidQueryParameterError } from '../errors';

/** `range`: the whole of [from, to) as one period (figures over the range, e.g. a dashboard's table); the contact figures' periods, worked out by the same functions. */
export const PERIODS = CONTACT_PERIODS;
export type Period = ContactPeriod;

/** One reporting period: its local start date (the label) and the instants it spans. */
export interface PeriodWindow {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** The periods (days, ISO weeks from Monday, or months, in `timeZone`) that cover [from, to), clipped to it. */
export function periodsCovering(from: Date, to: Date, period: Period, timeZone: string): PeriodWindow[] {
  checkTimeZone(timeZone);
  if (period === 'range') return [{ label: isoDate(localDate(timeZone, from.getTime())), start: from.getTime(), end: to.getTime() }];
  const windows: PeriodWindow[] = [];
  let local = startOfPeriod(localDate(timeZone, from.getTime()), period);
  let start = instantOfLocalMidnight(timeZone, local);
  while (start < to.getTime()) {
    const nextLocal = nextPeriod(local, period);
    const end = instantOfLocalMidnight(timeZone, nextLocal);
    windows.push({ label: isoDate(local), start: Math.max(start, from.getTime()), end: Math.min(end, to.getTime()) });
    local = nextLocal;
    start = end;
  }
  return windows;
}

const DAY_MS = 86_400_000;

function checkTimeZone(timeZone: string): void {
  if (!isKnownTimeZone(timeZone)) {
    throw new InvalidQueryParameterError('timeZone', `must be an IANA time zone such as America/New_York; got ${JSON.stringify(timeZone)}.`);
  }
}

function localDate(timeZone: string, instant: number): LocalDay {
  return Math.floor(wallTimeOf(timeZone, instant) / DAY_MS);
}

/** The instant local midnight of a date happens (where midnight is skipped, the first instant of that date). */
function instantOfLocalMidnight(timeZone: string, day: LocalDay): number {
  return instantOfWallTime(timeZone, day * DAY_MS);
}
