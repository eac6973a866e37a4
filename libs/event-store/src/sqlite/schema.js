"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.META_TABLE = exports.SCHEMA_VERSION = void 0;
exports.readSchemaVersion = readSchemaVersion;
exports.migrate = migrate;
/** The schema version this build writes; a file with a higher version was written by a newer Switchboard. */
exports.SCHEMA_VERSION = 1;
/** Table names are prefixed because the embedded default shares its SQLite file with the read models. */
exports.META_TABLE = 'event_store_meta';
/** Migration N brings a database from version N - 1 to N. Never edit a released migration: add one. */
const MIGRATIONS = [
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
];
/** Reads the schema version; 0 for a database the event store has never written to. */
function readSchemaVersion(db) {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(exports.META_TABLE);
    if (!table)
        return 0;
    const row = db.prepare(`SELECT value FROM ${exports.META_TABLE} WHERE key = 'schema_version'`).get();
    return row ? Number(row.value) : 0;
}
/** Applies the migrations the database lacks, all in one transaction. */
function migrate(db) {
    db.transaction(() => {
        const from = readSchemaVersion(db);
        for (let version = from + 1; version <= exports.SCHEMA_VERSION; version++)
            db.exec(MIGRATIONS[version - 1]);
        if (from < exports.SCHEMA_VERSION) {
            db.prepare(`INSERT OR REPLACE INTO ${exports.META_TABLE} (key, value) VALUES ('schema_version', ?)`).run(String(exports.SCHEMA_VERSION));
        }
    }).immediate();
}
//# sourceMappingURL=schema.js.map