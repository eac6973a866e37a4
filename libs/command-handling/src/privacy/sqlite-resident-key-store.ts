import Database from 'better-sqlite3';
import { newResidentKey, type ResidentKeyRing, type ResidentKeyState, type ResidentKeyStore } from '@switchboard/ticketing';

/** The embedded key store's file beside the event log's: `<dir of the log>/resident-keys.db`. */
export const RESIDENT_KEYS_FILE = 'resident-keys.db';

/**
 * The embedded key store: one table in a SQLite file of its own, never the event log's, so a copy
 * of the log (an export, a backup of the log file) carries no key. Erasing deletes the key's
 * bytes (the row stays as the tombstone that redacts the record's plaintext events): with
 * `secure_delete` the freed bytes are zeroed, and the WAL is emptied, so no file keeps them.
 */
export class SqliteResidentKeyStore implements ResidentKeyStore, ResidentKeyRing {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { key: Buffer | null }>;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly destroy: Database.Statement<[string, string]>;
  private readonly tombstone: Database.Statement<[string, string]>;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS resident_keys (
      record_id TEXT PRIMARY KEY,
      key BLOB,
      erased_at TEXT,
      CHECK ((key IS NULL) = (erased_at IS NOT NULL))
    ) STRICT`);
    this.select = this.db.prepare('SELECT key FROM resident_keys WHERE record_id = ?');
    this.insert = this.db.prepare('INSERT INTO resident_keys (record_id, key) VALUES (?, ?) ON CONFLICT (record_id) DO NOTHING');
    this.destroy = this.db.prepare(
      'UPDATE resident_keys SET key = NULL, erased_at = ? WHERE record_id = ? AND key IS NOT NULL',
    ) as unknown as Database.Statement<[string, string]>;
    this.tombstone = this.db.prepare('INSERT INTO resident_keys (record_id, erased_at) VALUES (?, ?) ON CONFLICT (record_id) DO NOTHING');
  }

  /** Sync, so the embedded store is its own ring: a decode asks it directly. */
  lookup(recordId: string): ResidentKeyState {
    const row = this.select.get(recordId);
    if (!row) return undefined;
    return row.key === null ? 'erased' : new Uint8Array(row.key);
  }

  async issue(recordId: string): Promise<Uint8Array | 'erased'> {
    const found = this.lookup(recordId);
    if (found !== undefined) return found;
    this.insert.run(recordId, Buffer.from(newResidentKey()));
    // A concurrent writer may have inserted first: the stored key is the one.
    return this.lookup(recordId)!;
  }

  async ring(): Promise<ResidentKeyRing> {
    return this;
  }

  async erase(recordId: string, erasedAt: Date): Promise<boolean> {
    const at = erasedAt.toISOString();
    const erased = this.db.transaction(() => {
      if (this.destroy.run(at, recordId).changes > 0) return true;
      return this.tombstone.run(recordId, at).changes > 0;
    })();
    // The WAL still holds the page as it was, key and all: copy it back and empty the WAL, so
    // the key's bytes are on disk nowhere (secure_delete zeroes what the update freed).
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return erased;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
