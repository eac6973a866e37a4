import type { ClientBase } from 'pg';

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
 * Inserts a batch of events in one statement. Positions come from event_store_head, whose row the
 * statement updates: the row lock it takes is held until the transaction commits, so a concurrent
 * appender waits for it and gets the positions after ours — commit order is position order, and a
 * reader can never see a position while a smaller one is still uncommitted.
 *
 * When a predecessor is missing nothing is written (not even the head) and the answer is undefined;
 * a revision or event id already taken fails the statement with a unique violation (23505).
 * Otherwise it answers the head position before the batch: row i got position base + 1 + i.
 */
const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
    AS t(stream_name, revision, event_id, type, data, metadata, ord)
),
missing AS (
  SELECT count(*) AS n FROM unnest($7::text[], $8::bigint[]) AS p(stream_name, revision)
  WHERE NOT EXISTS (SELECT 1 FROM event_store_events e WHERE e.stream_name = p.stream_name AND e.revision = p.revision)
),
head AS (
  UPDATE event_store_head SET position = position + $9 WHERE (SELECT n FROM missing) = 0 RETURNING position - $9 AS base
),
inserted AS (
  INSERT INTO event_store_events (position, event_id, stream_name, revision, type, data, metadata, recorded_at)
  SELECT head.base + input.ord, input.event_id, input.stream_name, input.revision, input.type, input.data::json, input.metadata::json, $10
  FROM input, head
  RETURNING 1
)
SELECT (SELECT base FROM head) AS base, (SELECT count(*) FROM inserted) AS inserted`;

/** Runs the batch insert on `client` (in autocommit, or inside a transaction the caller holds). */
export async function insertBatch(
  client: ClientBase,
  rows: readonly EventRowInput[],
  predecessors: readonly Predecessor[],
  recordedAt: Date,
): Promise<number | undefined> {
  const result = await client.query<{ base: string | null }>(INSERT_BATCH, [
    rows.map((row) => row.streamName),
    rows.map((row) => row.revision),
    rows.map((row) => row.id),
    rows.map((row) => row.type),
    rows.map((row) => row.dataJson),
    rows.map((row) => row.metadataJson),
    predecessors.map((p) => p.streamName),
    predecessors.map((p) => p.revision),
    rows.length,
    recordedAt,
  ]);
  const base = result.rows[0]?.base;
  return base === null || base === undefined ? undefined : Number(base);
}
