import {
  type CompletionFigures,
  type CompletionMetricsOptions,
  type DurationFigures,
  figuresOfPeriodCounts,
  type GroupBy,
  type MetricFacts,
  validateCompletionMetricsOptions,
} from '../metrics/completion-metrics';
import { nearestRank } from '../metrics/percentile';
import { periodsCovering, type PeriodWindow } from '../metrics/periods';

const HOUR_MS = 3_600_000;

/**
 * A growable list of durations in ms (exact: differences of ms instants and business ms are whole
 * numbers a double holds exactly), 8 bytes each in chunks, so a cell holding a million samples
 * costs 8 MB and never a doubling's spare half.
 */
class Durations {
  private chunks: Float64Array[] = [];
  private last = new Float64Array(0);
  private used = 0;
  length = 0;

  push(ms: number): void {
    if (this.used === this.last.length) {
      this.last = new Float64Array(Math.min(65_536, Math.max(16, this.last.length * 2)));
      this.chunks.push(this.last);
      this.used = 0;
    }
    this.last[this.used++] = ms;
    this.length++;
  }

  /** All samples, ascending, less one of each in `removed` (a multiset difference); in hours. */
  sortedHoursWithout(removed: Durations): number[] {
    const all = this.sorted();
    const gone = removed.sorted();
    const kept: number[] = [];
    let g = 0;
    for (const ms of all) {
      while (g < gone.length && gone[g] < ms) g++;
      if (g < gone.length && gone[g] === ms) g++;
      else kept.push(ms / HOUR_MS);
    }
    return kept;
  }

  private sorted(): Float64Array {
    const all = new Float64Array(this.length);
    let at = 0;
    this.chunks.forEach((chunk, i) => {
      const filled = i === this.chunks.length - 1 ? this.used : chunk.length;
      all.set(chunk.subarray(0, filled), at);
      at += filled;
    });
    this.chunks = [];
    this.last = new Float64Array(0);
    this.used = 0;
    return all.sort();
  }
}

/** A duration's samples in one cell: those added, and those of tickets taken back out (a reopened ticket's earlier completion). */
interface DurationCell {
  readonly added: Durations;
  readonly removed: Durations;
}

/** One group's counts per period (indexed by period) and its duration samples per period. */
interface GroupTally {
  readonly counts: Record<CountName, Int32Array>;
  readonly assignCalendar: DurationCell[];
  readonly assignBusiness: DurationCell[];
  readonly completeCalendar: DurationCell[];
  readonly completeBusiness: DurationCell[];
}

const COUNT_NAMES = [
  'opened',
  'completed',
  'closedWithoutCompletion',
  'resolvedOnTime',
  'resolvedEscalated',
  'completedReopened',
  'completedAtFirstContact',
  /** Difference arrays: +1 at the first period end a ticket is open (or open and overdue) at, −1 at the first it no longer is. */
  'backlogDelta',
  'overdueDelta',
] as const;
type CountName = (typeof COUNT_NAMES)[number];

const groupOf = (facts: MetricFacts, groupBy: GroupBy): string =>
  groupBy === 'service' ? facts.serviceCode : groupBy === 'channel' ? facts.channel : facts.department;

/**
 * Completion figures kept as they accumulate, one ticket at a time, so a replay can count a ticket
 * once it has ended and forget it: per group and period the counts, the open-stretch difference
 * arrays and every duration sample (exact medians and 90th percentiles need them all), nothing per
 * ticket. A ticket counted too early (completed, then reopened) is taken back out with `remove`.
 * `figures()` equals `completionMetrics` over the same tickets, figure for figure (docs/metrics.md
 * defines them; completion-tally.spec.ts checks the two against each other).
 */
export class CompletionTally {
  private readonly options: CompletionMetricsOptions;
  private readonly windows: PeriodWindow[];
  private readonly ends: number[];
  private readonly groups = new Map<string, GroupTally>();

  constructor(options: CompletionMetricsOptions) {
    this.options = validateCompletionMetricsOptions(options);
    this.windows = periodsCovering(this.options.from, this.options.to, this.options.period, this.options.timeZone);
    this.ends = this.windows.map((window) => window.end);
  }

  add(facts: MetricFacts): void {
    this.count(facts, 1);
  }

  /** Takes back a ticket added before with exactly these facts. */
  remove(facts: MetricFacts): void {
    this.count(facts, -1);
  }

  figures(): CompletionFigures[] {
    return [...this.groups.keys()].sort().flatMap((group) => this.figuresOf(group, this.groups.get(group)!));
  }

  private count(facts: MetricFacts, sign: 1 | -1): void {
    const tally = this.tallyOf(groupOf(facts, this.options.groupBy));
    const { counts } = tally;
    const opened = Date.parse(facts.openedAt);
    const sample = (cells: DurationCell[], period: number, ms: number) => (sign === 1 ? cells[period].added : cells[period].removed).push(ms);
    const periodOf = (iso: string | null): number => (iso === null ? -1 : this.periodAt(Date.parse(iso)));

    const openedIn = this.periodAt(opened);
    if (openedIn >= 0) counts.opened[openedIn] += sign;
    const assignedIn = periodOf(facts.firstAssignedAt);
    if (assignedIn >= 0) {
      sample(tally.assignCalendar, assignedIn, Date.parse(facts.firstAssignedAt!) - opened);
      sample(tally.assignBusiness, assignedIn, facts.assignBusinessMs ?? 0);
    }
    const completedIn = periodOf(facts.completedAt);
    if (completedIn >= 0) {
      counts.completed[completedIn] += sign;
      sample(tally.completeCalendar, completedIn, Date.parse(facts.completedAt!) - opened);
      sample(tally.completeBusiness, completedIn, facts.completeBusinessMs ?? 0);
      if (facts.reopenCount > 0) counts.completedReopened[completedIn] += sign;
      if (facts.firstContactResolution) counts.completedAtFirstContact[completedIn] += sign;
    }
    const closedIn = facts.completedAt === null ? periodOf(facts.closedAt) : -1;
    if (closedIn >= 0) counts.closedWithoutCompletion[closedIn] += sign;
    const resolvedIn = completedIn >= 0 ? completedIn : closedIn;
    if (resolvedIn >= 0) {
      if (facts.onTime) counts.resolvedOnTime[resolvedIn] += sign;
      if (facts.escalationCount > 0) counts.resolvedEscalated[resolvedIn] += sign;
    }
    const ended = facts.completedAt ?? facts.closedAt;
    this.markOpenStretch(counts.backlogDelta, opened, ended, sign);
    if (facts.dueAt !== null) this.markOpenStretch(counts.overdueDelta, Math.max(opened, Date.parse(facts.dueAt)), ended, sign);
  }

  /** The period ends e with start < e < ended (a ticket ending exactly at a period end no longer counts there), as a difference array. */
  private markOpenStretch(delta: Int32Array, start: number, endedAt: string | null, sign: 1 | -1): void {
    const first = this.firstEndAfter(start);
    const stop = endedAt === null ? this.ends.length : this.firstEndAfter(Date.parse(endedAt) - 1);
    if (first >= stop) return;
    delta[first] += sign;
    if (stop < this.ends.length) delta[stop] -= sign;
  }

  /** The index of the first period end after `instant`; the number of periods when none is. */
  private firstEndAfter(instant: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid] > instant) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The period an instant falls in, or −1 outside the report. */
  private periodAt(instant: number): number {
    if (this.windows.length === 0 || instant < this.windows[0].start || instant >= this.ends[this.ends.length - 1]) return -1;
    return this.firstEndAfter(instant);
  }

  private tallyOf(group: string): GroupTally {
    let found = this.groups.get(group);
    if (!found) {
      const periods = this.windows.length;
      const cells = () => Array.from({ length: periods }, (): DurationCell => ({ added: new Durations(), removed: new Durations() }));
      const counts = Object.fromEntries(COUNT_NAMES.map((name) => [name, new Int32Array(periods)])) as Record<CountName, Int32Array>;
      found = { counts, assignCalendar: cells(), assignBusiness: cells(), completeCalendar: cells(), completeBusiness: cells() };
      this.groups.set(group, found);
    }
    return found;
  }

  private figuresOf(group: string, tally: GroupTally): CompletionFigures[] {
    return figuresOfPeriodCounts(group, tally.counts, this.windows, (i) => ({
      timeToAssign: durationFigures(tally.assignCalendar[i], tally.assignBusiness[i]),
      timeToComplete: durationFigures(tally.completeCalendar[i], tally.completeBusiness[i]),
    }));
  }
}

function durationFigures(calendarCell: DurationCell, businessCell: DurationCell): DurationFigures {
  const calendar = calendarCell.added.sortedHoursWithout(calendarCell.removed);
  const business = businessCell.added.sortedHoursWithout(businessCell.removed);
  return {
    samples: calendar.length,
    medianHours: nearestRank(calendar, 0.5),
    p90Hours: nearestRank(calendar, 0.9),
    medianBusinessHours: nearestRank(business, 0.5),
    p90BusinessHours: nearestRank(business, 0.9),
  };
}
