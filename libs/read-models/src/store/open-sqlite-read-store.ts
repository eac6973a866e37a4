import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ReadDb } from './read-db';
import { ReadStore } from './read-store';
import { migrateReadStore } from './migrations';
import { withStatementCache } from './statement-cache';

const isSqliteBusy = (error: unknown): boolean => /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * Opens the SQLite read store at `path` and migrates it. In the embedded default this is the event
 * store's own file, through a connection of its own; the `rm_` prefix keeps the tables apart.
 */
export async function openSqliteReadStore(path: string): Promise<ReadStore> {
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // Read models are rebuilt from the event log, so NORMAL (durable against crashes, not power loss) is enough.
  database.pragma('synchronous = NORMAL');
  // Lock waits block the event loop in better-sqlite3: keep them short and retry asynchronously instead.
  database.pragma('busy_timeout = 20');
  const db = new Kysely<ReadDb>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const store = new ReadStore(db, 'sqlite', { begin: 'begin immediate', isBusy: isSqliteBusy });
  try {
    await migrateReadStore(store);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
