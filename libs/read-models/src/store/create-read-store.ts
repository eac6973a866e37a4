import type { ReadStore } from './read-store';
import { openPostgresReadStore } from './open-postgres-read-store';
import { openSqliteReadStore } from './open-sqlite-read-store';

/** Opens the read store a URL names: `sqlite:<path>` or `postgres://…` (optionally `?schema=<name>`). */
export async function createReadStore(url: string): Promise<ReadStore> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new Error('Read store URL "sqlite:" needs a file path, e.g. sqlite:./data/switchboard.db.');
    return openSqliteReadStore(path);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresReadStore(url);
  throw new Error(`Read store URL ${JSON.stringify(url)} is not supported: use sqlite:<path> or postgres://user@host:port/database.`);
}
