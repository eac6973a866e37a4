import { sql } from 'kysely';
import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { type ResidentKeyStore, type ServiceCatalog, TICKET_STREAM_PREFIX } from '@switchboard/ticketing';
import {
  activeGeneration,
  createGenerationIndexes,
  createGenerationTables,
  dropGenerationTables,
  generationTables,
  TICKETS_PROJECTION,
} from '../store/generation-tables';
import type { ReadStore } from '../store/read-store';
import { HeldRollupCells } from '../metrics/rollup-changes';
import { applyBatch } from './apply-batch';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { systemClock, type Clock } from './clock';

export interface RebuildOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly catalog: ServiceCatalog;
  /** The resident keys the contacts are opened with (as the runner's). */
  readonly residentKeys?: ResidentKeyStore;
  /** Events per transaction. Default 10,000 (a ticket touched by several of a batch's events is written once). */
  readonly batchSize?: number;
  /** Most rollup samples held across batches before the least recently changed cells are written. Default 2,000,000. */
  readonly heldRollupSamples?: number;
  /** Drop the previous generation's tables after the switch. Default true. */
  readonly dropPrevious?: boolean;
  readonly clock?: Clock;
  /** Called (and awaited) after each committed batch with the events applied so far. */
  readonly onProgress?: (applied: number) => void | Promise<void>;
}

/**
 * Blue-green rebuild: replays `$all` from the start into a new generation's tables while the
 * active generation keeps serving, then makes the new one active in one transaction. The running
 * projector notices the switch on its next batch and continues on the new generation.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<{ generation: number; previous: number; events: number }> {
  const { readStore } = options;
  const generation = await readStore.writeTransaction(async (trx) => {
    const row = await trx.selectFrom('rm_generations').select('latest').where('projection', '=', TICKETS_PROJECTION).executeTakeFirstOrThrow();
    const next = Number(row.latest) + 1;
    await trx.updateTable('rm_generations').set({ latest: next }).where('projection', '=', TICKETS_PROJECTION).execute();
    await createGenerationTables(trx, readStore.dialect, next, false);
    return next;
  });
  const restoreCache = await enlargeSqliteCache(readStore);
  try {
    // Two passes: the second picks up what was appended during the first, so the switch lands close to the head.
    const cells = new HeldRollupCells(options.catalog.config.calendar.timeZone, options.heldRollupSamples);
    let events = await replayInto(options, generation, 0, cells);
    await readStore.writeTransaction((trx) => createGenerationIndexes(trx, generation));
    // PostgreSQL plans by table statistics, which freshly loaded tables lack until autovacuum gets to
    // them: without, the metrics query sorted the whole facts table for every page (13 s at 1M events).
    if (readStore.dialect === 'postgres') {
      for (const table of Object.values(generationTables(generation))) await sql`analyze ${sql.table(table)}`.execute(readStore.db);
    }
    events = await replayInto(options, generation, events, cells);
    const previous = await readStore.writeTransaction(async (trx) => {
      const before = await activeGeneration(trx);
      await trx.updateTable('rm_generations').set({ active: generation }).where('projection', '=', TICKETS_PROJECTION).execute();
      return before;
    });
    if (options.dropPrevious ?? true) await dropGenerationTables(readStore.db, previous);
    return { generation, previous, events };
  } finally {
    await restoreCache();
  }
}

/** Pages of the SQLite connection's cache while a rebuild fills the new tables (KiB when negative): 64 MB, against the default 2 MB. */
const REBUILD_CACHE_KIB = 65_536;

/**
 * SQLite: a larger page cache for the rebuild, whose keyed inserts (versions by ticket, queue changes
 * by department) land all over tables larger than the default cache; a fixed size, so memory does
 * not grow with the log. Returns what puts the connection's previous size back.
 */
async function enlargeSqliteCache(readStore: ReadStore): Promise<() => Promise<void>> {
  if (readStore.dialect !== 'sqlite') return async () => undefined;
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(readStore.db);
  const size = Number(before.rows[0].cache_size);
  if (size < 0 && -size >= REBUILD_CACHE_KIB) return async () => undefined;
  await sql.raw(`pragma cache_size = -${REBUILD_CACHE_KIB}`).execute(readStore.db);
  return async () => void (await sql.raw(`pragma cache_size = ${size}`).execute(readStore.db));
}

/**
 * One pass over the log from the generation's checkpoint. The rollup cells are held across the
 * batches and the rest written in the pass's last transaction: until then the generation's
 * checkpoint runs ahead of its rollup, which is harmless because nothing reads or resumes a
 * generation before this rebuild makes it active, after both passes (a rebuild that dies leaves an
 * inactive generation, and the next one starts a new generation).
 */
async function replayInto(options: RebuildOptions, generation: number, appliedBefore: number, cells: HeldRollupCells): Promise<number> {
  const { eventStore, readStore, catalog } = options;
  const clock = options.clock ?? systemClock;
  const size = options.batchSize ?? 10_000;
  const tables = generationTables(generation);
  const { position } = await readCheckpoint(readStore.db, generation);
  let applied = appliedBefore;
  let batch: RecordedEvent[] = [];
  const commit = async (events: readonly RecordedEvent[], last: boolean): Promise<void> => {
    const keys = await options.residentKeys?.ring([...new Set(events.map((event) => event.streamName))]);
    await readStore.writeTransaction(async (trx) => {
      await applyBatch(trx, readStore.dialect, tables, events, catalog, keys, cells);
      if (last) await cells.flush(trx, readStore.dialect, tables);
      await writeCheckpoint(trx, generation, events[events.length - 1], clock.now());
    });
    applied += events.length;
    await options.onProgress?.(applied);
  };
  // The next batch is read while the previous one commits (PostgreSQL works meanwhile); batches
  // still commit one at a time and in order, and at most two are held.
  let committing: Promise<void> = Promise.resolve();
  const write = async (last = false): Promise<void> => {
    await committing;
    if (batch.length === 0) return;
    committing = commit(batch, last);
    // Awaited before the next batch or at the end; this only keeps a failure from counting as unhandled meanwhile.
    committing.catch(() => undefined);
    batch = [];
  };
  for await (const event of eventStore.readAll({ after: position })) {
    if (!event.streamName.startsWith(TICKET_STREAM_PREFIX)) continue;
    batch.push(event);
    if (batch.length >= size) await write();
  }
  await write(true);
  await committing;
  if (cells.holding) await readStore.writeTransaction((trx) => cells.flush(trx, readStore.dialect, tables));
  return applied;
}
