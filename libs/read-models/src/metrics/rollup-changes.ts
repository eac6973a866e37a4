import type { Kysely } from 'kysely';
import { isoDateOfDay } from '@switchboard/ticketing';
import type { GenerationTables } from '../store/generation-tables';
import type { CompletionDaysTable, ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';
import { upsertRows } from '../projection/upsert-rows';
import { GROUP_BYS, groupKey, type MetricFacts } from './completion-metrics';
import { ROLLUP_COUNTS, ROLLUP_SAMPLES, type RollupCount as Count, type RollupSamples as Samples } from '../temporal/versions-table';
import { dayOf } from './completion-rollup';

/**
 * The completion rollup (migration 14): per local day × grouping × group, what the figures over
 * whole days are made of — counts, the exact samples of time to assign and to complete (ms, so
 * medians and 90th percentiles stay exact), and the day-boundary deltas the backlog and "open and
 * overdue" at period ends are summed from. Kept by the ticket projection from each ticket's latest
 * facts, in the same transaction: a ticket's later events move it out of the cells it was in and
 * into those it is in now. Live answers over whole local days read it instead of every ticket.
 */

const COUNTS = ROLLUP_COUNTS;
const SAMPLES = ROLLUP_SAMPLES;

/** One ticket's part in one cell. */
interface Part {
  readonly key: string;
  readonly counts: Partial<Record<Count, number>>;
  readonly samples: Partial<Record<Samples, number>>;
}

const cellKey = (groupBy: string, group: string, day: number): string => `${groupBy}\n${group}\n${isoDateOfDay(day)}`;

/**
 * A ticket's parts in the cells, from its facts: each fact on the local day it happened. A period
 * end at local midnight of day e counts the ticket open when day(opened) < e ≤ day(ended − 1 ms):
 * +1 on the day after it opened, −1 on the day after the last instant it was open (likewise from
 * max(opened, due) for open and overdue). A ticket whose assignment or opening comes after its end
 * (a history folded without judging) is counted as anomalous, and answers fall back to the tickets.
 */
export function rollupPartsOf(facts: MetricFacts, zone: string): Part[] {
  const parts = new Map<string, { counts: Partial<Record<Count, number>>; samples: Partial<Record<Samples, number>> }>();
  const add = (day: number, count?: Count, samples?: Partial<Record<Samples, number>>) => {
    for (const groupBy of GROUP_BYS) {
      const key = cellKey(groupBy, groupKey(facts, groupBy), day);
      let part = parts.get(key);
      if (!part) parts.set(key, (part = { counts: {}, samples: {} }));
      if (count) part.counts[count] = (part.counts[count] ?? 0) + 1;
      if (samples) Object.assign(part.samples, samples);
    }
  };
  const opened = Date.parse(facts.openedAt);
  const ended = facts.completedAt ?? facts.closedAt;
  const endedMs = ended === null ? null : Date.parse(ended);
  const openedDay = dayOf(zone, opened);
  add(openedDay, 'opened');
  if (facts.firstAssignedAt !== null) {
    const assigned = Date.parse(facts.firstAssignedAt);
    add(dayOf(zone, assigned), undefined, { assign_ms: assigned - opened, assign_business_ms: facts.assignBusinessMs ?? 0 });
  }
  const stretch = (start: number, inCount: Count, outCount: Count) => {
    const first = dayOf(zone, start) + 1;
    const last = endedMs === null ? Infinity : dayOf(zone, endedMs - 1);
    if (first > last) return;
    add(first, inCount);
    if (last !== Infinity) add(last + 1, outCount);
  };
  stretch(opened, 'backlog_in', 'backlog_out');
  if (facts.dueAt !== null) stretch(Math.max(opened, Date.parse(facts.dueAt)), 'overdue_in', 'overdue_out');
  if (endedMs !== null) {
    const day = dayOf(zone, endedMs);
    if (facts.completedAt !== null) {
      add(day, 'completed', { complete_ms: endedMs - opened, complete_business_ms: facts.completeBusinessMs ?? 0 });
      if (facts.reopenCount > 0) add(day, 'reopened');
      if (facts.firstContactResolution) add(day, 'fcr');
    } else add(day, 'closed_wo');
    if (facts.onTime) add(day, 'on_time');
    if (facts.escalationCount > 0) add(day, 'escalated');
    const assigned = facts.firstAssignedAt === null ? null : Date.parse(facts.firstAssignedAt);
    if (endedMs < opened || (assigned !== null && assigned > endedMs)) add(openedDay, 'anomalous');
  }
  if (facts.firstAssignedAt !== null && Date.parse(facts.firstAssignedAt) < opened) add(openedDay, 'anomalous');
  return [...parts].map(([key, part]) => ({ key, ...part }));
}

/** The cells' changes of tickets whose facts changed: each one's parts as it was taken out, as it is put in. */
export class RollupChanges {
  private readonly deltas = new Map<string, { counts: Record<Count, number>; added: Record<Samples, number[]>; removed: Record<Samples, number[]> }>();

  constructor(private readonly zone: string) {}

  /** One ticket's change: its facts before (undefined for a new ticket) and after. */
  move(before: MetricFacts | undefined, after: MetricFacts): void {
    if (before) for (const part of rollupPartsOf(before, this.zone)) this.apply(part, -1);
    for (const part of rollupPartsOf(after, this.zone)) this.apply(part, 1);
  }

  private apply(part: Part, sign: 1 | -1): void {
    let delta = this.deltas.get(part.key);
    if (!delta) {
      const zeros = Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<Count, number>;
      const lists = () => Object.fromEntries(SAMPLES.map((s) => [s, [] as number[]])) as Record<Samples, number[]>;
      this.deltas.set(part.key, (delta = { counts: zeros, added: lists(), removed: lists() }));
    }
    for (const [count, n] of Object.entries(part.counts) as [Count, number][]) delta.counts[count] += sign * n;
    for (const [samples, value] of Object.entries(part.samples) as [Samples, number][]) {
      // A sample taken out and put back in the same batch cancels out.
      const [from, to] = sign === 1 ? [delta.removed[samples], delta.added[samples]] : [delta.added[samples], delta.removed[samples]];
      const index = from.indexOf(value);
      if (index >= 0) from.splice(index, 1);
      else to.push(value);
    }
  }

  /** Writes the changed cells: each read, changed and written whole. */
  async write(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables): Promise<void> {
    if (this.deltas.size === 0) return;
    const keys = [...this.deltas.keys()].map((key) => key.split('\n') as [string, string, string]);
    const stored = new Map<string, CompletionDaysTable>();
    for (let i = 0; i < keys.length; i += 300) {
      const chunk = keys.slice(i, i + 300);
      const rows = await trx
        .selectFrom(tables.rollup)
        .selectAll()
        .where((eb) => eb.or(chunk.map(([groupBy, group, day]) => eb.and([eb('group_by', '=', groupBy), eb('grp', '=', group), eb('day', '=', day)]))))
        .execute();
      for (const row of rows) stored.set(`${row.group_by}\n${row.grp}\n${row.day}`, row);
    }
    const rows: CompletionDaysTable[] = [];
    for (const [key, delta] of this.deltas) {
      const [groupBy, group, day] = key.split('\n');
      const before = stored.get(key);
      const row = { group_by: groupBy, grp: group, day, zone: this.zone } as CompletionDaysTable;
      for (const count of COUNTS) row[count] = Number(before?.[count] ?? 0) + delta.counts[count];
      for (const samples of SAMPLES) {
        const values: number[] = before ? JSON.parse(before[samples]) : [];
        for (const value of delta.removed[samples]) {
          const index = values.indexOf(value);
          if (index >= 0) values.splice(index, 1);
        }
        values.push(...delta.added[samples]);
        row[samples] = JSON.stringify(values);
      }
      rows.push(row);
    }
    await upsertRows(trx, dialect, tables.rollup, ['group_by', 'grp', 'day'], rows);
  }
}
