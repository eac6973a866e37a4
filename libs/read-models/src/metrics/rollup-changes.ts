import type { Kysely } from 'kysely';
import { DAY_MS, isoDateOfDay, wallTimeOf } from '@switchboard/ticketing';
import type { GenerationTables } from '../store/generation-tables';
import type { CompletionDaysTable, ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';
import { upsertRows } from '../projection/upsert-rows';
import { GROUP_BYS, groupKey, type MetricFacts } from './completion-metrics';
import { ROLLUP_COUNTS, ROLLUP_SAMPLES, type RollupCount as Count, type RollupSamples as Samples } from '../temporal/versions-table';

/** The local day number (days since 1970-01-01 in local wall time) of an instant in a zone. */
export const dayOf = (zone: string, instant: number): number => Math.floor(wallTimeOf(zone, instant) / DAY_MS);

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

/** A cell's changes within one batch: counts added, samples put in and taken out. */
interface Delta {
  readonly counts: Record<Count, number>;
  readonly added: Record<Samples, number[]>;
  readonly removed: Record<Samples, number[]>;
}

/** A cell as stored, its sample lists parsed. */
interface Cell {
  readonly counts: Record<Count, number>;
  readonly samples: Record<Samples, number[]>;
}

const emptyCell = (): Cell => ({
  counts: Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<Count, number>,
  samples: Object.fromEntries(SAMPLES.map((s) => [s, [] as number[]])) as Record<Samples, number[]>,
});

/** A cell after a batch's delta: the samples taken out go (first occurrence each), those put in are appended. */
function applyDelta(cell: Cell, delta: Delta): void {
  for (const count of COUNTS) cell.counts[count] += delta.counts[count];
  for (const samples of SAMPLES) {
    const values = cell.samples[samples];
    for (const value of delta.removed[samples]) {
      const index = values.indexOf(value);
      if (index >= 0) values.splice(index, 1);
    }
    values.push(...delta.added[samples]);
  }
}

/** The stored cells of the given keys, parsed. */
async function loadCells(trx: Kysely<ReadDb>, tables: GenerationTables, keys: readonly string[]): Promise<Map<string, Cell>> {
  const stored = new Map<string, Cell>();
  const parts = keys.map((key) => key.split('\n') as [string, string, string]);
  for (let i = 0; i < parts.length; i += 300) {
    const chunk = parts.slice(i, i + 300);
    const rows = await trx
      .selectFrom(tables.rollup)
      .selectAll()
      .where((eb) => eb.or(chunk.map(([groupBy, group, day]) => eb.and([eb('group_by', '=', groupBy), eb('grp', '=', group), eb('day', '=', day)]))))
      .execute();
    for (const row of rows) {
      const cell = emptyCell();
      for (const count of COUNTS) cell.counts[count] = Number(row[count]);
      for (const samples of SAMPLES) cell.samples[samples] = JSON.parse(row[samples]);
      stored.set(`${row.group_by}\n${row.grp}\n${row.day}`, cell);
    }
  }
  return stored;
}

/** Writes cells whole (replacing what is stored under their keys). */
async function writeCells(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  tables: GenerationTables,
  zone: string,
  cells: Iterable<[string, Cell]>,
): Promise<void> {
  const rows: CompletionDaysTable[] = [];
  for (const [key, cell] of cells) {
    const [groupBy, group, day] = key.split('\n');
    const row = { group_by: groupBy, grp: group, day, zone } as CompletionDaysTable;
    for (const count of COUNTS) row[count] = cell.counts[count];
    for (const samples of SAMPLES) row[samples] = JSON.stringify(cell.samples[samples]);
    rows.push(row);
  }
  await upsertRows(trx, dialect, tables.rollup, ['group_by', 'grp', 'day'], rows);
}

/** The cells' changes of tickets whose facts changed: each one's parts as it was taken out, as it is put in. */
export class RollupChanges {
  private readonly deltas = new Map<string, Delta>();

  constructor(private readonly zone: string) {}

  /** One ticket's change: its facts before (undefined for a new ticket) and after. */
  move(before: MetricFacts | undefined, after: MetricFacts): void {
    if (before) for (const part of rollupPartsOf(before, this.zone)) this.apply(part, -1);
    for (const part of rollupPartsOf(after, this.zone)) this.apply(part, 1);
  }

  private apply(part: Part, sign: 1 | -1): void {
    let delta = this.deltas.get(part.key);
    if (!delta) {
      const lists = () => Object.fromEntries(SAMPLES.map((s) => [s, [] as number[]])) as Record<Samples, number[]>;
      this.deltas.set(part.key, (delta = { counts: emptyCell().counts, added: lists(), removed: lists() }));
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

  /**
   * Writes the changed cells: each read, changed and written whole; or, given the cells a rebuild
   * holds, changes those (reading only cells it no longer holds) and leaves the writing to them.
   */
  async write(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables, held?: HeldRollupCells): Promise<void> {
    if (this.deltas.size === 0) return;
    if (held) return held.change(trx, dialect, tables, this.deltas);
    const stored = await loadCells(trx, tables, [...this.deltas.keys()]);
    const cells: [string, Cell][] = [];
    for (const [key, delta] of this.deltas) {
      const cell = stored.get(key) ?? emptyCell();
      applyDelta(cell, delta);
      cells.push([key, cell]);
    }
    await writeCells(trx, dialect, tables, this.zone, cells);
  }
}

/**
 * The rollup cells a rebuild holds across its batches, so that a cell changed by many batches is
 * parsed and written once rather than read, changed and written whole by each (its sample lists
 * grow with the day's tickets). Each batch's changes are applied exactly as `RollupChanges.write`
 * applies them to the stored cell, so the rows written are the same. At most `most` samples (plus
 * a weight per cell) are held: past that, the least recently changed cells are written in the
 * batch's transaction and read again if a later batch changes them. `flush` writes the rest; the
 * generation is complete (and may be made active) only after it.
 */
export class HeldRollupCells {
  private readonly cells = new Map<string, Cell>();
  /** Keys of cells written to the table: only those are read back. */
  private readonly written = new Set<string>();
  private weight = 0;

  constructor(
    private readonly zone: string,
    private readonly most = 2_000_000,
  ) {}

  async change(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables, deltas: ReadonlyMap<string, Delta>): Promise<void> {
    const stored = await loadCells(
      trx,
      tables,
      [...deltas.keys()].filter((key) => !this.cells.has(key) && this.written.has(key)),
    );
    for (const [key, delta] of deltas) {
      let cell = this.cells.get(key);
      if (cell) {
        // Re-inserted below, so the map's order stays that of the latest change.
        this.cells.delete(key);
        this.weight -= weightOf(cell);
      } else cell = stored.get(key) ?? emptyCell();
      applyDelta(cell, delta);
      this.cells.set(key, cell);
      this.weight += weightOf(cell);
    }
    if (this.weight <= this.most) return;
    const evicted: [string, Cell][] = [];
    for (const [key, cell] of this.cells) {
      if (this.weight <= this.most / 2) break;
      evicted.push([key, cell]);
      this.weight -= weightOf(cell);
    }
    for (const [key] of evicted) this.cells.delete(key);
    await this.writeOut(trx, dialect, tables, evicted);
  }

  /** Writes every held cell. */
  async flush(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables): Promise<void> {
    const cells = [...this.cells];
    this.cells.clear();
    this.weight = 0;
    await this.writeOut(trx, dialect, tables, cells);
  }

  get holding(): boolean {
    return this.cells.size > 0;
  }

  private async writeOut(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables, cells: [string, Cell][]): Promise<void> {
    for (const [key] of cells) this.written.add(key);
    for (let i = 0; i < cells.length; i += 2000) await writeCells(trx, dialect, tables, this.zone, cells.slice(i, i + 2000));
  }
}

const weightOf = (cell: Cell): number => 32 + SAMPLES.reduce((n, samples) => n + cell.samples[samples].length, 0);
