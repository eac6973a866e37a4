import { DatabaseError, type ClientBase } from 'pg';

/** One event row to insert; its position is assigned by the statement. */
export interface EventRowInput {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** A revision that must already be stored for the rows to be written (an exact expected revision). */
export interface Predecessor {
  readonly streamName: string;
  readonly revision: number;
}

/**
 * Appends a batch of events in one call of the schema's event_store_append function. Positions come
 * from event_store_head, whose row the call updates before anything else: the lock is held until the
 * transaction commits, so a concurrent appender waits for it and gets the positions after ours —
 * commit order is position order, and a reader can never see a position while a smaller one is
 * still uncommitted (docs/architecture.md).
 *
 * When a predecessor is missing nothing is written and the answer is undefined; a revision or event
 * id already taken fails the call with a unique violation (23505). Otherwise it answers the head
 * position before the batch: row i (from 0) got position base + 1 + i.
 */
const APPEND = 'SELECT event_store_append($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9) AS base';

/** Runs the batch append on `client` (in autocommit, or inside a transaction the caller holds). */
export async function insertBatch(
  client: ClientBase,
  rows: readonly EventRowInput[],
  predecessors: readonly Predecessor[],
  recordedAt: Date,
): Promise<number | undefined> {
  // Named, so each connection parses it once; the function's own statements are planned once per connection.
  const result = await client
    .query<{ base: string }>({ name: 'switchboard-event-store-append', text: APPEND }, [
      rows.map((row) => row.streamName),
      rows.map((row) => row.revision),
      rows.map((row) => row.id),
      rows.map((row) => row.type),
      rows.map((row) => row.dataJson),
      rows.map((row) => row.metadataJson),
      predecessors.map((p) => p.streamName),
      predecessors.map((p) => p.revision),
      recordedAt,
    ])
    .catch((error: unknown) => {
      if (error instanceof DatabaseError && error.code === MISSING_PREDECESSOR) return undefined;
      throw error;
    });
  return result && Number(result.rows[0].base);
}

const MISSING_PREDECESSOR = 'SB001';
