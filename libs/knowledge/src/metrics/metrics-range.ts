import { isKnownTimeZone, wallTimeOf } from '@switchboard/ticketing';

const DAY_MS = 86_400_000;

/** `range`: the whole of [from, to) as one period, labelled by its first local date. */
export const CONTACT_PERIODS = ['day', 'week', 'month', 'range'] as const;
export type ContactPeriod = (typeof CONTACT_PERIODS)[number];

/** What every contact figure is computed over: [from, to), in the periods of the city's time zone. */
export interface MetricsRange {
  readonly from: Date;
  readonly to: Date;
  readonly period: ContactPeriod;
  /** The IANA zone whose days, ISO weeks (from Monday) and months the periods follow. */
  readonly timeZone: string;
}

/** A figure's row: the group (line, channel, department…) and the period's label (its first local date). */
export interface GroupPeriod {
  readonly group: string;
  readonly period: string;
}

/** Throws a RangeError naming the option when a range cannot be reported on. */
export function checkRange(range: MetricsRange): void {
  if (!(range.from.getTime() < range.to.getTime())) throw new RangeError('from: must be a date before to');
  if (!isKnownTimeZone(range.timeZone))
    throw new RangeError(`timeZone: must be an IANA time zone such as America/New_York (got ${JSON.stringify(range.timeZone)})`);
}

/** The local wall clock of an instant, as a UTC date whose fields read as local ones. */
export const localClock = (instant: number, timeZone: string): Date => new Date(wallTimeOf(timeZone, instant));

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_LABELS = 200_000;
/** Labels by zone, period and quarter hour: zone offsets change on quarter hours at the finest, so every instant of one has the same label. */
const labels = new Map<string, string>();

/** The label of the period an instant falls in: the local date the period starts on. */
export function periodLabel(instant: number, range: MetricsRange): string {
  if (range.period === 'range') return localClock(range.from.getTime(), range.timeZone).toISOString().slice(0, 10);
  const key = `${range.timeZone}\u0000${range.period}\u0000${Math.floor(instant / QUARTER_HOUR_MS)}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  if (labels.size >= MAX_LABELS) labels.clear();
  const label = labelOf(instant, range);
  labels.set(key, label);
  return label;
}

function labelOf(instant: number, range: MetricsRange): string {
  return periodOfLocalDate(localClock(instant, range.timeZone).toISOString().slice(0, 10), range);
}

/** The label of the period a local date (YYYY-MM-DD, in the range's zone) falls in: the local date the period starts on. */
export function periodOfLocalDate(date: string, range: Pick<MetricsRange, 'from' | 'period' | 'timeZone'>): string {
  if (range.period === 'range') return localClock(range.from.getTime(), range.timeZone).toISOString().slice(0, 10);
  return isoDateOfDay(startOfLocalPeriod(Date.parse(`${date}T00:00:00Z`) / DAY_MS, range.period));
}

/** A local calendar date as days since 1970-01-01 (UTC arithmetic on dates needs no zone). */
export type LocalDay = number;

/** The first local day of the day, ISO week (from Monday) or month a local day falls in: the one place the metrics' periods are worked out. */
export function startOfLocalPeriod(day: LocalDay, period: Exclude<ContactPeriod, 'range'>): LocalDay {
  if (period === 'day') return day;
  const date = new Date(day * DAY_MS);
  if (period === 'week') return day - ((date.getUTCDay() + 6) % 7);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

/** The first local day of the period after the one starting on `day`. */
export function nextLocalPeriod(day: LocalDay, period: Exclude<ContactPeriod, 'range'>): LocalDay {
  if (period === 'day') return day + 1;
  if (period === 'week') return day + 7;
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

/** A local day as YYYY-MM-DD. */
export const isoDateOfDay = (day: LocalDay): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether an ISO instant falls in [from, to). */
export const inRange = (iso: string | undefined, range: Pick<MetricsRange, 'from' | 'to'>): iso is string => {
  if (iso === undefined) return false;
  const at = Date.parse(iso);
  return at >= range.from.getTime() && at < range.to.getTime();
};

/**
 * Rows of a figure: the items whose instant falls in the range, grouped by each group they belong
 * to (an item may belong to several, or none) and by period; sorted by group, then period.
 * Only groups and periods with items appear.
 */
export function rowsOf<T, R>(
  items: readonly T[],
  range: MetricsRange,
  instantOf: (item: T) => string | undefined,
  groupsOf: (item: T) => readonly string[],
  figures: (items: T[], group: string, period: string) => R,
): (GroupPeriod & R)[] {
  checkRange(range);
  const buckets = new Map<string, { group: string; period: string; items: T[] }>();
  for (const item of items) {
    const at = instantOf(item);
    if (!inRange(at, range)) continue;
    const period = periodLabel(Date.parse(at), range);
    for (const group of new Set(groupsOf(item))) {
      const key = `${group}\u0000${period}`;
      const bucket = buckets.get(key) ?? { group, period, items: [] };
      bucket.items.push(item);
      buckets.set(key, bucket);
    }
  }
  return [...buckets.values()].sort(byGroupThenPeriod).map(({ group, period, items: bucket }) => ({ group, period, ...figures(bucket, group, period) }));
}

/** The order of a figure's rows: by group, then period. */
export const byGroupThenPeriod = (a: GroupPeriod, b: GroupPeriod): number => a.group.localeCompare(b.group) || a.period.localeCompare(b.period);

/** part ÷ whole, null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Median and 90th percentile (nearest rank: the sample at rank ⌈p·n⌉) of durations in ms, in `unitMs` units; null without samples. */
export function durationSummary(durationsMs: ArrayLike<number>, unitMs: number): { samples: number; median: number | null; p90: number | null } {
  const values = Float64Array.from(durationsMs);
  const at = (p: number) => (values.length > 0 ? nthSmallest(values, Math.ceil(p * values.length) - 1) / unitMs : null);
  return { samples: values.length, median: at(0.5), p90: at(0.9) };
}

/** The value that would sit at index `k` were `values` sorted ascending (Hoare's selection; reorders `values`). */
function nthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k];
  }
  return values[k];
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
