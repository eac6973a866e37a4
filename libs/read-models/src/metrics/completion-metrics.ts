import type { TicketFacts } from '../facts/ticket-facts';
import { oneOf, orderedRange, validDate } from '../queries/validate';
import { nearestRank, ratio } from './percentile';
import { PERIODS, periodsCovering, type Period, type PeriodWindow } from './periods';

export const GROUP_BYS = ['department', 'service', 'channel'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface CompletionMetricsOptions {
  readonly from: Date;
  readonly to: Date;
  readonly groupBy: GroupBy;
  readonly period: Period;
  /** The IANA zone whose days, weeks and months the periods follow. */
  readonly timeZone: string;
}

/** The ticket facts completion metrics read: the store's query loads only these. */
export const METRIC_FACT_KEYS = [
  'ticketId',
  'serviceCode',
  'channel',
  'department',
  'openedAt',
  'firstAssignedAt',
  'assignBusinessMs',
  'completedAt',
  'completeBusinessMs',
  'closedAt',
  'dueAt',
  'onTime',
  'escalationCount',
  'reopenCount',
  'firstContactResolution',
] as const satisfies readonly (keyof TicketFacts)[];

export type MetricFacts = Pick<TicketFacts, (typeof METRIC_FACT_KEYS)[number]>;

/** Only the facts completion metrics read, e.g. to keep many tickets in memory (a replay as of a past moment). */
export function metricFactsOf(facts: TicketFacts): MetricFacts {
  return Object.fromEntries(METRIC_FACT_KEYS.map((key) => [key, facts[key]])) as unknown as MetricFacts;
}

/** Median and 90th percentile of a duration, in calendar and business hours; null without samples. */
export interface DurationFigures {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly medianBusinessHours: number | null;
  readonly p90BusinessHours: number | null;
}

/** Completion figures of one group in one period; docs/metrics.md defines each. */
export interface CompletionFigures {
  readonly group: string;
  /** Local date the period starts on (YYYY-MM-DD). */
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly opened: number;
  readonly completed: number;
  readonly closedWithoutCompletion: number;
  readonly completionRate: number | null;
  readonly backlogAtPeriodEnd: number;
  readonly timeToAssign: DurationFigures;
  readonly timeToComplete: DurationFigures;
  readonly onTimeRate: number | null;
  readonly escalationRate: number | null;
  readonly reopenRate: number | null;
  readonly firstContactResolutionRate: number | null;
}

/** Per-period counts and samples of one group (arrays indexed by period): what the figures are made of, from facts or from the rollup. */
export interface Counters {
  opened: number[];
  completed: number[];
  closedWithoutCompletion: number[];
  resolvedOnTime: number[];
  resolvedEscalated: number[];
  completedReopened: number[];
  completedAtFirstContact: number[];
  /** Difference arrays: +1 where an open (or open-and-overdue) stretch starts, -1 after it ends. */
  backlogDelta: number[];
  overdueDelta: number[];
  assign: { calendar: number[][]; business: number[][] };
  complete: { calendar: number[][]; business: number[][] };
}

const HOUR_MS = 3_600_000;

/** Checks completion-metrics options, naming the parameter that is wrong. */
export function validateCompletionMetricsOptions(options: CompletionMetricsOptions): CompletionMetricsOptions {
  const from = validDate('from', options.from);
  const to = validDate('to', options.to);
  orderedRange(from, to);
  return {
    from,
    to,
    groupBy: oneOf('groupBy', options.groupBy, GROUP_BYS),
    period: oneOf('period', options.period, PERIODS),
    timeZone: options.timeZone,
  };
}

/**
 * Completion metrics per group and period, from ticket facts: the one definition of every
 * figure (see docs/metrics.md), used by the read store's query and by replays alike.
 */
export function completionMetrics(facts: Iterable<MetricFacts>, options: CompletionMetricsOptions): CompletionFigures[] {
  const { from, to, groupBy, period, timeZone } = validateCompletionMetricsOptions(options);
  const windows = periodsCovering(from, to, period, timeZone);
  const ends = windows.map((window) => window.end);
  const groups = new Map<string, Counters>();
  for (const ticket of facts) {
    const key = groupKey(ticket, groupBy);
    let c = groups.get(key);
    if (!c) groups.set(key, (c = emptyCounters(windows.length)));
    countTicket(c, ticket, windows, ends);
  }

  return figuresOfGroups(groups, windows);
}

/**
 * Adds one ticket's facts into its group's counters over the periods `windows` (`ends` their
 * ends): each fact in the period it happened in, and its open (and open-and-overdue) stretch at
 * the period ends it spans. The whole of the figures' definition per ticket, for the facts and
 * for the rollup's edge days alike.
 */
export function countTicket(c: Counters, ticket: MetricFacts, windows: readonly PeriodWindow[], ends: readonly number[]): void {
  const bucket = (iso: string | null): number => (iso === null ? -1 : windowIndex(windows, ends, Date.parse(iso)));
  const opened = bucket(ticket.openedAt);
  if (opened >= 0) c.opened[opened]++;
  const assigned = bucket(ticket.firstAssignedAt);
  if (assigned >= 0) {
    c.assign.calendar[assigned].push((Date.parse(ticket.firstAssignedAt!) - Date.parse(ticket.openedAt)) / HOUR_MS);
    c.assign.business[assigned].push((ticket.assignBusinessMs ?? 0) / HOUR_MS);
  }
  const completed = bucket(ticket.completedAt);
  if (completed >= 0) {
    c.completed[completed]++;
    c.complete.calendar[completed].push((Date.parse(ticket.completedAt!) - Date.parse(ticket.openedAt)) / HOUR_MS);
    c.complete.business[completed].push((ticket.completeBusinessMs ?? 0) / HOUR_MS);
    if (ticket.reopenCount > 0) c.completedReopened[completed]++;
    if (ticket.firstContactResolution) c.completedAtFirstContact[completed]++;
  }
  const closed = ticket.completedAt === null ? bucket(ticket.closedAt) : -1;
  if (closed >= 0) c.closedWithoutCompletion[closed]++;
  const resolved = completed >= 0 ? completed : closed;
  if (resolved >= 0) {
    if (ticket.onTime) c.resolvedOnTime[resolved]++;
    if (ticket.escalationCount > 0) c.resolvedEscalated[resolved]++;
  }
  const ended = ticket.completedAt ?? ticket.closedAt;
  addOpenStretch(c.backlogDelta, ends, Date.parse(ticket.openedAt), ended);
  if (ticket.dueAt !== null) addOpenStretch(c.overdueDelta, ends, Math.max(Date.parse(ticket.openedAt), Date.parse(ticket.dueAt)), ended);
}

/** The figures of every group from its counters, groups sorted. */
export function figuresOfGroups(groups: ReadonlyMap<string, Counters>, windows: readonly PeriodWindow[]): CompletionFigures[] {
  return [...groups.keys()].sort().flatMap((group) => figuresOf(group, groups.get(group)!, windows));
}

function figuresOf(group: string, c: Counters, windows: readonly PeriodWindow[]): CompletionFigures[] {
  return figuresOfPeriodCounts(group, c, windows, (i) => ({
    timeToAssign: durations(c.assign.calendar[i], c.assign.business[i]),
    timeToComplete: durations(c.complete.calendar[i], c.complete.business[i]),
  }));
}

/** A group's counts per period, by period index: arrays, or a replay's typed arrays. */
export type PeriodCounts = { readonly [K in Exclude<keyof Counters, 'assign' | 'complete'>]: ArrayLike<number> };

/**
 * The figures of one group, period by period, from its counts and its duration figures in each
 * period: the one assembly of every figure (rates, backlog and open-and-overdue at period ends from
 * the difference arrays), whatever holds the counts and the samples.
 */
export function figuresOfPeriodCounts(
  group: string,
  c: PeriodCounts,
  windows: readonly PeriodWindow[],
  durationsIn: (period: number) => Pick<CompletionFigures, 'timeToAssign' | 'timeToComplete'>,
): CompletionFigures[] {
  let backlog = 0;
  let overdue = 0;
  return windows.map((window, i) => {
    backlog += c.backlogDelta[i];
    overdue += c.overdueDelta[i];
    const resolved = c.completed[i] + c.closedWithoutCompletion[i];
    return {
      group,
      period: window.label,
      periodStart: new Date(window.start).toISOString(),
      periodEnd: new Date(window.end).toISOString(),
      opened: c.opened[i],
      completed: c.completed[i],
      closedWithoutCompletion: c.closedWithoutCompletion[i],
      completionRate: ratio(c.completed[i], resolved),
      backlogAtPeriodEnd: backlog,
      ...durationsIn(i),
      onTimeRate: ratio(c.resolvedOnTime[i], resolved + overdue),
      escalationRate: ratio(c.resolvedEscalated[i], resolved),
      reopenRate: ratio(c.completedReopened[i], c.completed[i]),
      firstContactResolutionRate: ratio(c.completedAtFirstContact[i], c.completed[i]),
    };
  });
}

function durations(calendar: number[], business: number[]): DurationFigures {
  calendar.sort((a, b) => a - b);
  business.sort((a, b) => a - b);
  return {
    samples: calendar.length,
    medianHours: nearestRank(calendar, 0.5),
    p90Hours: nearestRank(calendar, 0.9),
    medianBusinessHours: nearestRank(business, 0.5),
    p90BusinessHours: nearestRank(business, 0.9),
  };
}

/**
 * Marks the period ends a ticket is open at: every end e with start < e < endedAt (a ticket that
 * ends exactly at a period end no longer counts there), as +1/-1 in a difference array.
 */
function addOpenStretch(delta: number[], ends: readonly number[], start: number, endedAt: string | null): void {
  const first = firstIndexAbove(ends, start);
  const stop = endedAt === null ? ends.length : firstIndexAbove(ends, Date.parse(endedAt) - 1);
  if (first >= stop) return;
  delta[first]++;
  if (stop < ends.length) delta[stop]--;
}

/** The first index whose value is greater than `value` (ascending values); length when none is. */
function firstIndexAbove(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

function windowIndex(windows: readonly PeriodWindow[], ends: readonly number[], instant: number): number {
  if (windows.length === 0 || instant < windows[0].start || instant >= ends[ends.length - 1]) return -1;
  return firstIndexAbove(ends, instant);
}

export function groupKey(ticket: MetricFacts, groupBy: GroupBy): string {
  if (groupBy === 'service') return ticket.serviceCode;
  if (groupBy === 'channel') return ticket.channel;
  return ticket.department;
}

export function emptyCounters(periods: number): Counters {
  const zeros = (): number[] => new Array<number>(periods).fill(0);
  const lists = (): number[][] => Array.from({ length: periods }, () => []);
  return {
    opened: zeros(),
    completed: zeros(),
    closedWithoutCompletion: zeros(),
    resolvedOnTime: zeros(),
    resolvedEscalated: zeros(),
    completedReopened: zeros(),
    completedAtFirstContact: zeros(),
    backlogDelta: zeros(),
    overdueDelta: zeros(),
    assign: { calendar: lists(), business: lists() },
    complete: { calendar: lists(), business: lists() },
  };
}
