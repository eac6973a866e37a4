import type { Database } from 'better-sqlite3';
import { sequenceToPosition } from '../embedded/sequence-position';
import type { ChainMigrationReport } from '../port/tamper-evidence';
import { hashesFor } from '../chain/chain-state';
import { META_TABLE } from './meta-table';

/** Where migration 2 records what it chained. */
export const CHAIN_MIGRATION_KEY = 'chain_migration';

const PAGE = 1000;

interface UnchainedRow {
  position: number;
  event_id: string;
  stream_name: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/**
 * Chains the events stored before the log was chained, in log order, inside the migration's
 * transaction, and records what it did (events, first and last position, when) under
 * `chain_migration` in the meta table. An empty log records nothing: it is chained from its start.
 */
export function chainExistingLog(db: Database, now: () => Date = () => new Date()): ChainMigrationReport | null {
  const page = db.prepare<[number, number], UnchainedRow>(
    `SELECT position, event_id, stream_name, revision, type, data, metadata, recorded_at FROM event_store_events WHERE position > ? ORDER BY position LIMIT ?`,
  );
  const update = db.prepare(`UPDATE event_store_events SET hash = ?, stream_hash = ? WHERE position = ?`);
  const streams = new Map<string, Buffer>();
  let logHash: Buffer | null = null;
  let count = 0;
  let first: number | null = null;
  let last = 0;
  for (let rows = page.all(0, PAGE); rows.length > 0; rows = page.all(last, PAGE)) {
    for (const row of rows) {
      const hashes = hashesFor(
        {
          id: row.event_id,
          streamName: row.stream_name,
          revision: row.revision,
          type: row.type,
          data: JSON.parse(row.data),
          metadata: JSON.parse(row.metadata),
          recordedAt: row.recorded_at,
        },
        logHash,
        streams.get(row.stream_name) ?? null,
      );
      update.run(hashes.hash, hashes.streamHash, row.position);
      logHash = hashes.hash;
      streams.set(row.stream_name, hashes.streamHash);
      first ??= row.position;
      last = row.position;
      count++;
    }
  }
  if (count === 0) return null;
  const report: ChainMigrationReport = {
    migratedAt: now().toISOString(),
    events: count,
    fromPosition: sequenceToPosition(first ?? 0),
    toPosition: sequenceToPosition(last),
  };
  db.prepare(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES (?, ?)`).run(CHAIN_MIGRATION_KEY, JSON.stringify(report));
  return report;
}

/** What migration 2 did, or null when the log was empty then (chained from its first event). */
export function readChainMigration(db: Database): ChainMigrationReport | null {
  const row = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`).get(CHAIN_MIGRATION_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ChainMigrationReport) : null;
}
