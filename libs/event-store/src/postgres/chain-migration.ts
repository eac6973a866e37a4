import type { ClientBase } from 'pg';
import { sequenceToPosition } from '../embedded/sequence-position';
import type { ChainMigrationReport } from '../port/tamper-evidence';
import { hashesFor } from '../chain/chain-state';
import type { EventRow } from './rows';

const PAGE = 1000;

/** Where migration 2 records what it chained. */
export const CHAIN_MIGRATION_KEY = 'chain_migration';

/**
 * Chains the events stored before the log was chained, in log order, inside the migration's
 * transaction (under its lock), sets the head's hash, and records what it did (events, first and
 * last position, when) under `chain_migration` in event_store_meta. An empty log records nothing.
 */
export async function chainExistingLog(client: ClientBase, now: () => Date = () => new Date()): Promise<ChainMigrationReport | null> {
  const streams = new Map<string, Buffer>();
  let logHash: Buffer | null = null;
  let count = 0;
  let first: number | null = null;
  let last = 0;
  for (;;) {
    const { rows } = await client.query<EventRow>(
      `SELECT position, event_id::text AS event_id, stream_name, revision, type, data, metadata, recorded_at
       FROM event_store_events WHERE position > $1 ORDER BY position LIMIT $2`,
      [last, PAGE],
    );
    if (rows.length === 0) break;
    const positions: string[] = [];
    const hashes: Buffer[] = [];
    const streamHashes: Buffer[] = [];
    for (const row of rows) {
      const chained = hashesFor(
        {
          id: row.event_id,
          streamName: row.stream_name,
          revision: Number(row.revision),
          type: row.type,
          data: row.data,
          metadata: row.metadata,
          recordedAt: row.recorded_at,
        },
        logHash,
        streams.get(row.stream_name) ?? null,
      );
      logHash = chained.hash;
      streams.set(row.stream_name, chained.streamHash);
      positions.push(row.position);
      hashes.push(chained.hash);
      streamHashes.push(chained.streamHash);
      first ??= Number(row.position);
      last = Number(row.position);
      count++;
    }
    await client.query(
      `UPDATE event_store_events e SET hash = u.hash, stream_hash = u.stream_hash
       FROM unnest($1::bigint[], $2::bytea[], $3::bytea[]) AS u(position, hash, stream_hash) WHERE e.position = u.position`,
      [positions, hashes, streamHashes],
    );
  }
  if (count === 0) return null;
  await client.query(`UPDATE event_store_head SET hash = $1`, [logHash]);
  const report: ChainMigrationReport = {
    migratedAt: now().toISOString(),
    events: count,
    fromPosition: sequenceToPosition(first ?? 0),
    toPosition: sequenceToPosition(last),
  };
  await client.query(`INSERT INTO event_store_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
    CHAIN_MIGRATION_KEY,
    JSON.stringify(report),
  ]);
  return report;
}
