import { InvalidQueryParameterError } from '../errors';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** One reporting period: its local start date (the label) and the instants it spans. */
export interface PeriodWindow {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** The periods (days, ISO weeks from Monday, or months, in `timeZone`) that cover [from, to), clipped to it. */
export function periodsCovering(from: Date, to: Date, period: Period, timeZone: string): PeriodWindow[] {
  const formatter = localDateFormatter(timeZone);
  const windows: PeriodWindow[] = [];
  let local = startOfPeriod(localDate(formatter, from.getTime()), period);
  let start = instantOfLocalMidnight(formatter, local);
  while (start < to.getTime()) {
    const nextLocal = nextPeriod(local, period);
    const end = instantOfLocalMidnight(formatter, nextLocal);
    windows.push({ label: isoDate(local), start: Math.max(start, from.getTime()), end: Math.min(end, to.getTime()) });
    local = nextLocal;
    start = end;
  }
  return windows;
}

/** A local calendar date as days since 1970-01-01 (UTC arithmetic on dates needs no zone). */
type LocalDay = number;
const DAY_MS = 86_400_000;

function localDateFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new InvalidQueryParameterError('timeZone', `must be an IANA time zone such as America/New_York; got ${JSON.stringify(timeZone)}.`);
  }
}

/** The local wall time of an instant, as if it were UTC. */
function wallTime(formatter: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

function localDate(formatter: Intl.DateTimeFormat, instant: number): LocalDay {
  return Math.floor(wallTime(formatter, instant) / DAY_MS);
}

/** The instant local midnight of a date happens (the first instant of that date where midnight is skipped). */
function instantOfLocalMidnight(formatter: Intl.DateTimeFormat, day: LocalDay): number {
  const wall = day * DAY_MS;
  let instant = wall;
  for (let i = 0; i < 3; i++) instant = wall - (wallTime(formatter, instant) - instant);
  return localDate(formatter, instant) < day ? instant + 3_600_000 : instant;
}

function startOfPeriod(day: LocalDay, period: Period): LocalDay {
  if (period === 'day') return day;
  const date = new Date(day * DAY_MS);
  if (period === 'week') return day - ((date.getUTCDay() + 6) % 7);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

function nextPeriod(day: LocalDay, period: Period): LocalDay {
  if (period === 'day') return day + 1;
  if (period === 'week') return day + 7;
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

function isoDate(day: LocalDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
