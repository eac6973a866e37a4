import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StoreUnavailableError } from '../port/errors';
import { migrate, readSchemaVersion, SCHEMA_VERSION } from './schema';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenDatabaseOptions {
  /** `full` (the default) syncs every commit to disk; `normal` may lose the last commits on power loss. */
  readonly synchronous?: 'full' | 'normal';
}

/**
 * Opens (creating if needed) the event store database. An existing file is first inspected through
 * a read-only connection, so a file that is not ours to write (not SQLite, corrupt, or from a newer
 * schema) is refused before anything could modify it.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (fileSize(path) > 0) inspectExisting(path);
  const db = new Database(path);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new StoreUnavailableError(`Event store ${path}: cannot switch to WAL journaling (got "${String(mode)}").`);
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    // better-sqlite3 waits for a lock on the main thread: keep that wait short and let group
    // commit retry asynchronously, so another writer never freezes the event loop.
    db.pragma('busy_timeout = 20');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function inspectExisting(path: string): void {
  if (readHeader(path) !== SQLITE_HEADER) {
    throw new StoreUnavailableError(
      `Event store ${path} is not a SQLite database; it was left untouched. Point SWITCHBOARD_EVENT_STORE at another file or move this one away.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw corrupt(path, problems.slice(0, 3).join('; '));
    const version = readSchemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new StoreUnavailableError(
        `Event store ${path} has schema version ${version}, newer than the ${SCHEMA_VERSION} this build understands; ` +
          'it was left untouched. Upgrade Switchboard to open it.',
      );
    }
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw corrupt(path, (error as Error).message);
  } finally {
    db?.close();
  }
}

function corrupt(path: string, detail: string): StoreUnavailableError {
  return new StoreUnavailableError(`Event store ${path} is corrupt (${detail}); it was left untouched. Restore it from a backup.`);
}

function fileSize(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new Error('it is a directory; give the path of a database file');
    return stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new StoreUnavailableError(`Event store ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

function readHeader(path: string): string {
  const buffer = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
