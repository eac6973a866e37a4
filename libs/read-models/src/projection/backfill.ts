import type { Kysely } from 'kysely';
import type { EventStore, GlobalPosition, RecordedEvent } from '@switchboard/event-store';
import { decodeTicketEvent, type ResidentKeyRing, type ResidentKeyStore, TICKET_STREAM_PREFIX, ticketIdOfStream } from '@switchboard/ticketing';
import { latestEscalationAfter, latestEscalationOfRow, type LatestEscalation } from '../facts/latest-escalation';
import { scanAll } from '../replay/scan-all';
import { generationTables, type GenerationTables } from '../store/generation-tables';
import type { ReadDb, WorkStartsTable } from '../store/read-db';
import type { ReadStore, ReadStoreDialect } from '../store/read-store';
import { workStartOf } from './apply-batch';
import { readCheckpoint } from './checkpoint';
import { upsertRows } from './upsert-rows';
import { placeColumnsOf, type TicketPlaceColumns } from '../queries/ticket-place';

export interface BackfillOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly generation: number;
  /** Renews the projection lease inside each batch's transaction, so a runner that lost it never writes. */
  readonly renewIn: (trx: Kysely<ReadDb>) => Promise<void>;
  /** Asked after each batch; false stops the backfill where it is (the runner stopped), for the next runner to resume. */
  readonly keepGoing: () => boolean;
  /** Events per transaction. Default 2000. */
  readonly batchSize?: number;
  /** The resident keys the reporters' contacts are opened with (their phone and e-mail digests); without them sealed contacts fill none. */
  readonly residentKeys?: ResidentKeyStore;
}

/** Where a generation's backfill stands, or undefined when it has none pending. */
export async function pendingBackfill(db: Kysely<ReadDb>, generation: number): Promise<{ doneThrough: GlobalPosition | undefined } | undefined> {
  const row = await db.selectFrom('rm_backfills').select('done_through').where('generation', '=', generation).executeTakeFirst();
  return row && { doneThrough: row.done_through ?? undefined };
}

/**
 * Migrations 6's and 11's backfill (one pass fills both): fills a generation's latest escalations,
 * work starts and place columns (where and by whom each ticket was reported) from the event log,
 * through the events its projection has applied (its checkpoint), with the projection's own fold.
 * The runner runs it, under the lease, before it projects, so no batch of the projection ever continues from a ticket not yet filled in. Each batch commits its rows with its progress,
 * so a backfill cut short resumes where it stopped; memory stays flat. True once none is pending.
 */
export async function backfillFromLog(options: BackfillOptions): Promise<boolean> {
  const { readStore, generation } = options;
  const pending = await pendingBackfill(readStore.db, generation);
  if (!pending) return true;
  const { position: through } = await readCheckpoint(readStore.db, generation);
  const tables = generationTables(generation);
  const commit = async (events: readonly RecordedEvent[], finished: boolean) => {
    const keys = await options.residentKeys?.ring([...new Set(events.map((event) => event.streamName))]);
    return readStore.writeTransaction(async (trx) => {
      await options.renewIn(trx);
      await applyBackfillBatch(trx, readStore.dialect, tables, events, keys);
      if (finished) await trx.deleteFrom('rm_backfills').where('generation', '=', generation).execute();
      else
        await trx
          .updateTable('rm_backfills')
          .set({ done_through: events[events.length - 1].globalPosition })
          .where('generation', '=', generation)
          .execute();
    });
  };
  let batch: RecordedEvent[] = [];
  if (through !== undefined) {
    for await (const event of scanAll(options.eventStore, pending.doneThrough)) {
      if (event.globalPosition > through) break;
      if (!event.streamName.startsWith(TICKET_STREAM_PREFIX)) continue;
      batch.push(event);
      if (batch.length < (options.batchSize ?? 2000)) continue;
      await commit(batch, false);
      batch = [];
      if (!options.keepGoing()) return false;
    }
  }
  await commit(batch, true);
  return true;
}

/** Folds a batch into the latest escalations of the tickets it touches and records its work starts; tickets the projection never wrote are left out, as it left them out. */
async function applyBackfillBatch(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  tables: GenerationTables,
  events: readonly RecordedEvent[],
  keys: ResidentKeyRing | undefined,
): Promise<void> {
  const ids = [...new Set(events.map((event) => ticketIdOfStream(event.streamName) as string))];
  const latest = new Map<string, LatestEscalation>();
  if (ids.length > 0) {
    const rows = await trx
      .selectFrom(tables.tickets)
      .select(['ticket_id', 'escalation_reason', 'escalated_at', 'breached_at'])
      .where('ticket_id', 'in', ids)
      .execute();
    for (const row of rows) latest.set(row.ticket_id, latestEscalationOfRow(row));
  }
  const changed = new Set<string>();
  const starts = new Map<string, WorkStartsTable>();
  const places = new Map<string, TicketPlaceColumns>();
  for (const recorded of events) {
    const id = ticketIdOfStream(recorded.streamName) as string;
    const before = latest.get(id);
    const event = before && decodeTicketEvent(recorded, keys);
    if (!before || !event) continue;
    if (event.type === 'TicketOpened') places.set(id, placeColumnsOf(event.data));
    const after = latestEscalationAfter(before, event);
    if (after !== before) {
      latest.set(id, after);
      changed.add(id);
    }
    const start = workStartOf(id, event, recorded);
    if (start) starts.set(`${start.ticket_id}\n${start.command_id}`, start);
  }
  for (const id of changed) {
    const { escalationReason, escalatedAt, breachedAt } = latest.get(id)!;
    await trx
      .updateTable(tables.tickets)
      .set({ escalation_reason: escalationReason, escalated_at: escalatedAt, breached_at: breachedAt })
      .where('ticket_id', '=', id)
      .execute();
  }
  for (const [id, place] of places) await trx.updateTable(tables.tickets).set(place).where('ticket_id', '=', id).execute();
  await upsertRows(trx, dialect, tables.workStarts, ['ticket_id', 'command_id'], [...starts.values()]);
}
