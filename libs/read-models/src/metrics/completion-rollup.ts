import { sql, type Kysely } from 'kysely';
import { instantOfWallTime, isoDateOfDay, wallTimeOf, DAY_MS } from '@switchboard/ticketing';
import { type GenerationTables, METRIC_FACT_COLUMNS } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { metricFactsOfVersion } from '../temporal/ticket-versions';
import { ROLLUP_COUNTS, ROLLUP_SAMPLES, type RollupCount, type RollupSamples } from '../temporal/versions-table';
import {
  type CompletionFigures,
  type CompletionMetricsOptions,
  countTicket,
  type Counters,
  emptyCounters,
  figuresOfGroups,
  groupKey,
  type MetricFacts,
} from './completion-metrics';
import { periodsCovering, type PeriodWindow } from './periods';
import { dayOf, rollupPartsOf } from './rollup-changes';

/**
 * The completion rollup (migration 14): per local day × grouping × group, what the figures over
 * whole days are made of — counts, the exact samples of time to assign and to complete (ms, so
 * medians and 90th percentiles stay exact), and the day-boundary deltas the backlog and "open and
 * overdue" at period ends are summed from. Kept by the ticket projection from each ticket's latest
 * facts, in the same transaction: a ticket's later events move it out of the cells it was in and
 * into those it is in now. Live answers over whole local days read it instead of every ticket.
 */

/**
 * Completion metrics now from the rollup, when it answers them exactly: no anomalous ticket, and
 * the rollup kept in the zone asked for. Otherwise undefined, and the caller reads the tickets.
 *
 * A range from or to a moment that is not local midnight has edge days: the local day of `from`
 * and of `to`. The tickets with an instant the figures depend on (opened, first assigned, ended,
 * due) in an edge day are read from the facts table; the cells less those tickets' own parts
 * (`rollupPartsOf`) are counted by whole days, which is exact for every other ticket, and the edge
 * tickets are counted over the real periods by `countTicket`, as the facts are.
 */
export async function completionMetricsFromRollup(
  db: Kysely<ReadDb>,
  tables: GenerationTables,
  options: CompletionMetricsOptions,
): Promise<CompletionFigures[] | undefined> {
  const { from, to, groupBy, period, timeZone } = options;
  const fromDay = dayOf(timeZone, from.getTime());
  const toDay = dayOf(timeZone, to.getTime());
  const atMidnight = (instant: Date, day: number) => wallTimeOf(timeZone, instant.getTime()) === day * DAY_MS;
  const zone = await db.selectFrom(tables.rollup).select('zone').limit(1).executeTakeFirst();
  if (zone && zone.zone !== timeZone) return undefined;
  const anomalous = await db.selectFrom(tables.rollup).select('day').where('anomalous', '>', 0).limit(1).executeTakeFirst();
  if (anomalous) return undefined;
  const edgeDays = [...new Set([...(atMidnight(from, fromDay) ? [] : [fromDay]), ...(atMidnight(to, toDay) ? [] : [toDay])])];
  const edge = await edgeDayTickets(db, tables, timeZone, edgeDays);

  const windows = periodsCovering(from, to, period, timeZone);
  const cells = await db
    .selectFrom(tables.rollup)
    .selectAll()
    .where('group_by', '=', groupBy)
    .where('day', '>=', isoDateOfDay(fromDay))
    .where('day', '<=', isoDateOfDay(toDay))
    .execute();
  // Open at from's local midnight: every day's in and out up to and including from's day.
  const before = await db
    .selectFrom(tables.rollup)
    .select(['grp', sql<number>`sum(backlog_in) - sum(backlog_out)`.as('backlog'), sql<number>`sum(overdue_in) - sum(overdue_out)`.as('overdue')])
    .where('group_by', '=', groupBy)
    .where('day', '<=', isoDateOfDay(fromDay))
    .groupBy('grp')
    .execute();

  const days = new WholeDays(windows, fromDay, toDay, timeZone);
  for (const row of before) days.addBefore(row.grp, Number(row.backlog), Number(row.overdue), 1);
  for (const row of cells) {
    const day = Math.round(Date.parse(`${row.day}T00:00:00Z`) / DAY_MS);
    const counts = Object.fromEntries(ROLLUP_COUNTS.map((count) => [count, Number(row[count])])) as Record<RollupCount, number>;
    const samples = Object.fromEntries(ROLLUP_SAMPLES.map((name) => [name, JSON.parse(row[name]) as number[]])) as Record<RollupSamples, number[]>;
    days.addCell(row.grp, day, counts, samples, 1);
  }
  // The edge tickets' own parts out of the whole days, and their facts counted over the real periods.
  const prefix = `${groupBy}\n`;
  for (const ticket of edge) {
    for (const part of rollupPartsOf(ticket, timeZone)) {
      if (!part.key.startsWith(prefix)) continue;
      const [, group, iso] = part.key.split('\n');
      const day = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
      const count = (name: RollupCount) => part.counts[name] ?? 0;
      if (day <= fromDay) days.addBefore(group, count('backlog_in') - count('backlog_out'), count('overdue_in') - count('overdue_out'), -1);
      if (day < fromDay || day > toDay) continue;
      const samples = Object.fromEntries(ROLLUP_SAMPLES.map((name) => [name, part.samples[name] === undefined ? [] : [part.samples[name]]]));
      days.addCell(group, day, part.counts as Record<RollupCount, number>, samples as Record<RollupSamples, number[]>, -1);
    }
    days.addTicket(ticket, groupKey(ticket, groupBy), from.getTime(), to.getTime());
  }
  return figuresOfGroups(days.present(), windows);
}

const HOUR_MS = 3_600_000;

/** The counters of every group from whole local days of cells (and tickets, added or taken out), and which groups the range has. */
class WholeDays {
  private readonly groups = new Map<string, Counters>();
  /** Per group: open at from's midnight, and facts in the range's whole days (sums of 0/1 per ticket, so > 0 when some ticket has one). */
  private readonly openBefore = new Map<string, number>();
  private readonly active = new Map<string, number>();
  /** Exact samples (ms) of tickets taken out: per group, sample list and period. */
  private readonly removed = new Map<string, Map<number, number>>();
  private readonly presentExactly = new Set<string>();
  private readonly dayStarts: number[];
  private readonly ends: number[];

  constructor(
    private readonly windows: readonly PeriodWindow[],
    private readonly fromDay: number,
    private readonly toDay: number,
    zone: string,
  ) {
    this.dayStarts = windows.map((window) => dayOf(zone, window.start));
    this.ends = windows.map((window) => window.end);
  }

  addBefore(group: string, backlog: number, overdue: number, sign: 1 | -1): void {
    const c = this.counters(group);
    c.backlogDelta[0] += sign * backlog;
    c.overdueDelta[0] += sign * overdue;
    this.openBefore.set(group, (this.openBefore.get(group) ?? 0) + sign * backlog);
  }

  addCell(group: string, day: number, counts: Partial<Record<RollupCount, number>>, samples: Record<RollupSamples, number[]>, sign: 1 | -1): void {
    const c = this.counters(group);
    const n = (name: RollupCount) => sign * (counts[name] ?? 0);
    if (day > this.fromDay) {
      // A boundary delta on day d counts at every period end whose day is d or later: the end of the window before the one d starts.
      const end = this.windowOfDay(day - 1);
      c.backlogDelta[end] += n('backlog_in') - n('backlog_out');
      c.overdueDelta[end] += n('overdue_in') - n('overdue_out');
    }
    if (day >= this.toDay) return;
    const i = this.windowOfDay(day);
    c.opened[i] += n('opened');
    c.completed[i] += n('completed');
    c.closedWithoutCompletion[i] += n('closed_wo');
    c.resolvedOnTime[i] += n('on_time');
    c.resolvedEscalated[i] += n('escalated');
    c.completedReopened[i] += n('reopened');
    c.completedAtFirstContact[i] += n('fcr');
    this.active.set(group, (this.active.get(group) ?? 0) + n('opened') + n('completed') + n('closed_wo'));
    const lists: Record<RollupSamples, number[]> = {
      assign_ms: c.assign.calendar[i],
      assign_business_ms: c.assign.business[i],
      complete_ms: c.complete.calendar[i],
      complete_business_ms: c.complete.business[i],
    };
    for (const name of ROLLUP_SAMPLES) {
      if (sign === 1) {
        for (const ms of samples[name]) lists[name].push(ms / HOUR_MS);
        continue;
      }
      const key = `${group}\n${name}\n${i}`;
      let removed = this.removed.get(key);
      if (!removed) this.removed.set(key, (removed = new Map()));
      for (const ms of samples[name]) removed.set(ms / HOUR_MS, (removed.get(ms / HOUR_MS) ?? 0) + 1);
    }
  }

  /** A ticket counted over the real periods; its group is in the range as the facts' query reads it: opened before `to`, not ended before `from`. */
  addTicket(ticket: MetricFacts, group: string, from: number, to: number): void {
    countTicket(this.counters(group), ticket, this.windows, this.ends);
    const ended = ticket.completedAt ?? ticket.closedAt;
    if (Date.parse(ticket.openedAt) < to && (ended === null || Date.parse(ended) >= from)) this.presentExactly.add(group);
  }

  /** The counters of the groups the range has, the samples taken out removed. */
  present(): Map<string, Counters> {
    for (const [key, removed] of this.removed) {
      const [group, name, period] = key.split('\n');
      const c = this.groups.get(group)!;
      const i = Number(period);
      const list = {
        assign_ms: c.assign.calendar,
        assign_business_ms: c.assign.business,
        complete_ms: c.complete.calendar,
        complete_business_ms: c.complete.business,
      }[name as RollupSamples];
      list[i] = list[i].filter((hours) => {
        const left = removed.get(hours) ?? 0;
        if (left === 0) return true;
        removed.set(hours, left - 1);
        return false;
      });
    }
    const present = new Map<string, Counters>();
    for (const [group, c] of this.groups) {
      if ((this.openBefore.get(group) ?? 0) > 0 || (this.active.get(group) ?? 0) > 0 || this.presentExactly.has(group)) present.set(group, c);
    }
    return present;
  }

  private counters(group: string): Counters {
    let found = this.groups.get(group);
    if (!found) this.groups.set(group, (found = emptyCounters(this.windows.length)));
    return found;
  }

  /** The window a local day's facts fall in. */
  private windowOfDay(day: number): number {
    let i = this.dayStarts.length - 1;
    while (i > 0 && this.dayStarts[i] > day) i--;
    return i;
  }
}

/** Every ticket with an instant the figures depend on in one of `days` (local day numbers): an index range per instant and day, padded by a day's DST shift either side. */
async function edgeDayTickets(db: Kysely<ReadDb>, tables: GenerationTables, zone: string, days: readonly number[]): Promise<MetricFacts[]> {
  if (days.length === 0) return [];
  const PAD_MS = 3 * HOUR_MS;
  const tickets = new Map<string, MetricFacts>();
  const columns = METRIC_FACT_COLUMNS.filter((column) => column !== 'ended_at');
  for (const day of days) {
    const start = new Date(instantOfWallTime(zone, day * DAY_MS) - PAD_MS).toISOString();
    const end = new Date(instantOfWallTime(zone, (day + 1) * DAY_MS) + PAD_MS).toISOString();
    for (const column of ['opened_at', 'first_assigned_at', 'ended_at', 'due_at'] as const) {
      const rows = await db.selectFrom(tables.facts).select(columns).where(column, '>=', start).where(column, '<', end).execute();
      for (const row of rows) tickets.set(row.ticket_id, metricFactsOfVersion(row));
    }
  }
  return [...tickets.values()];
}
