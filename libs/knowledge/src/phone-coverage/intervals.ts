/** A half-open span of instants [from, until) in epoch ms. */
export interface Interval {
  readonly from: number;
  readonly until: number;
}

/** The intervals merged where they overlap or touch, in order; empty ones dropped. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.from < i.until).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.from <= last.until) merged[merged.length - 1] = { from: last.from, until: Math.max(last.until, interval.until) };
    else merged.push(interval);
  }
  return merged;
}

/** The parts of `within` that none of `covered` covers, in order. */
export function uncovered(within: Interval, covered: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  let cursor = within.from;
  for (const part of union(covered)) {
    if (part.until <= cursor) continue;
    if (part.from >= within.until) break;
    if (part.from > cursor) gaps.push({ from: cursor, until: part.from });
    cursor = Math.max(cursor, part.until);
  }
  if (cursor < within.until) gaps.push({ from: cursor, until: within.until });
  return gaps;
}

/** An interval cut to [from, until); undefined when nothing of it is left. */
export function clip(interval: Interval, from: number, until: number): Interval | undefined {
  const cut = { from: Math.max(interval.from, from), until: Math.min(interval.until, until) };
  return cut.from < cut.until ? cut : undefined;
}

/** The total length of intervals in ms. */
export const lengthOf = (intervals: readonly Interval[]): number => intervals.reduce((sum, i) => sum + i.until - i.from, 0);
