import { instantOfWallTime, isKnownTimeZone, wallTimeOf } from '@switchboard/ticketing';
import { InvalidQueryParameterError } from '../errors';

/** `range`: the whole of [from, to) as one period (figures over the range, e.g. a dashboard's table). */
export const PERIODS = ['day', 'week', 'month', 'range'] as const;
export type Period = (typeof PERIODS)[number];

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

/** A local calendar date as days since 1970-01-01 (UTC arithmetic on dates needs no zone). */
type LocalDay = number;
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

function startOfPeriod(day: LocalDay, period: Exclude<Period, 'range'>): LocalDay {
  if (period === 'day') return day;
  const date = new Date(day * DAY_MS);
  if (period === 'week') return day - ((date.getUTCDay() + 6) % 7);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

function nextPeriod(day: LocalDay, period: Exclude<Period, 'range'>): LocalDay {
  if (period === 'day') return day + 1;
  if (period === 'week') return day + 7;
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

function isoDate(day: LocalDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
