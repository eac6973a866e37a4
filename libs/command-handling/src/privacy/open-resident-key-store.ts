import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEventStoreUrl } from '@switchboard/event-store';
import type { ResidentKeyStore } from '@switchboard/ticketing';
import { InMemoryResidentKeyStore } from './in-memory-resident-key-store';
import { PostgresResidentKeyStore } from './postgres-resident-key-store';
import { RESIDENT_KEYS_FILE, SqliteResidentKeyStore } from './sqlite-resident-key-store';

/** Where the keys of an EventStoreDB log live unless configured: the API's default data folder. */
export const DEFAULT_RESIDENT_KEYS_PATH = `./data/${RESIDENT_KEYS_FILE}`;

/**
 * Where the resident keys of an event log live: the file or PostgreSQL URL `keysPath` names (SWITCHBOARD_RESIDENT_KEYS),
 * else `resident-keys.db` beside a SQLite log; a `memory:` log's keys are in memory too; a PostgreSQL
 * log's in a schema of their own on the same server (`resident_keys`, or `<log schema>_resident_keys`
 * beside a log kept in a schema), so every host that reaches the log reaches its keys; an
 * EventStoreDB log's in `./data/resident-keys.db` (every process writing or reading contacts must
 * then open the same file: set SWITCHBOARD_RESIDENT_KEYS).
 */
export function residentKeysPathFor(eventStoreUrl: string, keysPath?: string): string | 'memory' {
  if (keysPath) return keysPath;
  const config = parseEventStoreUrl(eventStoreUrl);
  if (config.adapter === 'memory') return 'memory';
  if (config.adapter === 'postgres') return keysBesidePostgresLog(config.connectionString);
  return config.adapter === 'sqlite' ? join(dirname(config.path), RESIDENT_KEYS_FILE) : resolve(DEFAULT_RESIDENT_KEYS_PATH);
}

/** The key store's URL for a PostgreSQL log: the same server and database, a schema apart from the log's. */
function keysBesidePostgresLog(connectionString: string): string {
  const url = new URL(connectionString);
  const logSchema = url.searchParams.get('schema');
  url.searchParams.set('schema', logSchema ? `${logSchema}_resident_keys` : 'resident_keys');
  return url.toString();
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** SWITCHBOARD_RESIDENT_KEYS as configured: a `postgres://…?schema=` URL as given, a file resolved against `cwd`. */
export const residentKeysSetting = (value: string | undefined, cwd = process.cwd()): string | undefined =>
  !value ? undefined : POSTGRES_URL.test(value) ? value : resolve(cwd, value);

/** Opens the key store of an event log (see residentKeysPathFor): a `postgres://` setting opens the PostgreSQL key store. */
export function openResidentKeyStore(eventStoreUrl: string, keysPath?: string): ResidentKeyStore {
  const path = residentKeysPathFor(eventStoreUrl, keysPath);
  if (path === 'memory') return new InMemoryResidentKeyStore();
  if (POSTGRES_URL.test(path)) return new PostgresResidentKeyStore(path);
  mkdirSync(dirname(path), { recursive: true });
  return new SqliteResidentKeyStore(path);
}
