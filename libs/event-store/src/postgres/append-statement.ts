import { DatabaseError, type ClientBase } from 'pg';
import { appendedDigest } from '../chain/event-hash';
import type { JsonObject } from '../port/event-store';

/** One event row to insert; its position is assigned by the statement. */
export interface EventRowInput {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  /** The values the content digest is computed from; their JSON is what the row stores. */
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * Appends a batch of events in one call of the schema's event_store_append function, which chains
 * them (docs/audit.md) from the content digests computed here. Positions come
 * from event_store_head, whose row the call updates before anything else: the lock is held until the
 * transaction commits, so a concurrent appender waits for it and gets the positions after ours —
 * commit order is position order, and a reader can never see a position while a smaller one is
 * still uncommitted (docs/architecture.md).
 *
 * When a row's predecessor in its stream is not stored (an exact expected revision the stream has
 * not reached) nothing is written and the answer is undefined; a revision or event
 * id already taken fails the call with a unique violation (23505). Otherwise it answers the head
 * position before the batch: row i (from 0) got position base + 1 + i.
 */
const APPEND = 'SELECT event_store_append($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::int[], $9) AS base';

/** Runs the batch append on `client` (in autocommit, or inside a transaction the caller holds). */
export async function insertBatch(client: ClientBase, rows: readonly EventRowInput[], recordedAt: Date): Promise<number | undefined> {
  const recorded = recordedAt.toISOString();
  const digests = rows.map((row) => appendedDigest(row, row.streamName, row.revision, recorded));
  // The row (from 1) before each row in its stream within this batch; 0: the stored revision before it.
  const lastInBatch = new Map<string, number>();
  const streamPrevious = rows.map((row, i) => {
    const previous = lastInBatch.get(row.streamName) ?? 0;
    lastInBatch.set(row.streamName, i + 1);
    return previous;
  });
  // Named, so each connection parses it once; the function's own statements are planned once per connection.
  const result = await client
    .query<{ base: string }>({ name: 'switchboard-event-store-append', text: APPEND }, [
      rows.map((row) => row.streamName),
      rows.map((row) => row.revision),
      rows.map((row) => row.id),
      rows.map((row) => row.type),
      rows.map((row) => row.dataJson),
      rows.map((row) => row.metadataJson),
      digests,
      streamPrevious,
      recordedAt,
    ])
    .catch((error: unknown) => {
      if (error instanceof DatabaseError && error.code === MISSING_PREDECESSOR) return undefined;
      throw error;
    });
  return result && Number(result.rows[0].base);
}

const MISSING_PREDECESSOR = 'SB001';
