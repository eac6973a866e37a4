import type { Database } from 'better-sqlite3';
import { chainExistingLog } from './chain-migration';
import { META_TABLE } from './meta-table';

/** The schema version this build writes; a file with a higher version was written by a newer Switchboard. */
export const SCHEMA_VERSION = 2;

/** Migration N brings a database from version N - 1 to N. Never edit a released migration: add one. */
const MIGRATIONS: readonly (string | ((db: Database) => void))[] = [
  `
  CREATE TABLE event_store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  -- position is the rowid: SQLite assigns max + 1, and rows are never deleted, so positions have no gaps;
  -- writers are serialised, so position order is commit order.
  CREATE TABLE event_store_events (
    position    INTEGER PRIMARY KEY,
    event_id    TEXT NOT NULL UNIQUE,
    stream_name TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    metadata    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_name, revision)
  );
  `,
  // The hash chain (docs/audit.md): every event's log and stream hash, and the signed checkpoints.
  // The events already stored are chained here, in log order, and the migration records what it did.
  (db) => {
    db.exec(`
      ALTER TABLE event_store_events ADD COLUMN hash BLOB;
      ALTER TABLE event_store_events ADD COLUMN stream_hash BLOB;
      CREATE TABLE event_store_checkpoints (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
    `);
    chainExistingLog(db);
  },
];

/** Reads the schema version; 0 for a database the event store has never written to. */
export function readSchemaVersion(db: Database): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(META_TABLE);
  if (!table) return 0;
  const row = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = 'schema_version'`).get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/** Applies the migrations the database lacks, all in one transaction. */
export function migrate(db: Database): void {
  db.transaction(() => {
    const from = readSchemaVersion(db);
    for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
      const migration = MIGRATIONS[version - 1];
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    if (from < SCHEMA_VERSION) {
      db.prepare(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES ('schema_version', ?)`).run(String(SCHEMA_VERSION));
    }
  }).immediate();
}
