import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../port/errors';
import { anEvent, collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SCHEMA_VERSION } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

/** Hash and modification time, to prove a refused file was not touched. */
function fingerprint(path: string): { sha256: string; mtimeMs: number; size: number } {
  const stat = statSync(path);
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: stat.mtimeMs, size: stat.size };
}

function expectRefused(path: string, message: RegExp): void {
  const before = fingerprint(path);
  let error: unknown;
  try {
    SqliteEventStore.open(path);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StoreUnavailableError);
  expect((error as Error).message).toContain(path);
  expect((error as Error).message).toMatch(message);
  expect(fingerprint(path)).toEqual(before);
}

async function storeWithEvents(path: string, count: number): Promise<void> {
  const store = SqliteEventStore.open(path);
  await Promise.all(Array.from({ length: count }, (_, i) => store.append(`stream-${i}`, 'no_stream', [anEvent('Filled', { padding: 'x'.repeat(200) })])));
  await store.close();
}

describe('SQLite adapter: opening files', () => {
  const path = useTempDir();

  it('creates a new file, and reopens it with its events', async () => {
    const file = path('events.db');
    const store = SqliteEventStore.open(file);
    const result = await store.append('s-1', 'no_stream', [anEvent('A')]);
    await store.close();
    const reopened = SqliteEventStore.open(file);
    expect((await collect(reopened.readAll())).map((e) => e.globalPosition)).toEqual([result.position]);
    await reopened.close();
  });

  it('refuses garbage bytes', () => {
    const file = path('garbage.db');
    writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)));
    expectRefused(file, /not a SQLite database.*left untouched/);
  });

  it('refuses a file that is not a database', () => {
    const file = path('notes.txt');
    writeFileSync(file, 'these are my notes, not events\n'.repeat(100));
    expectRefused(file, /not a SQLite database/);
  });

  it('refuses a directory', () => {
    const dir = path('a-directory');
    mkdirSync(dir);
    expect(() => SqliteEventStore.open(dir)).toThrow(/a-directory.*directory/);
  });

  it('refuses a database written by a newer schema', async () => {
    const file = path('future.db');
    await storeWithEvents(file, 1);
    const db = new Database(file);
    db.prepare(`UPDATE event_store_meta SET value = ? WHERE key = 'schema_version'`).run(String(SCHEMA_VERSION + 1));
    db.close();
    expectRefused(file, new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer.*Upgrade Switchboard`));
  });

  it('refuses a database with a damaged page', async () => {
    const file = path('damaged.db');
    await storeWithEvents(file, 500);
    const pageSize = 4096;
    expect(statSync(file).size).toBeGreaterThan(pageSize * 20);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, pageSize * 10);
    closeSync(fd);
    expectRefused(file, /corrupt.*Restore it from a backup/);
  });

  it('adds its tables to a SQLite file that other components already use', async () => {
    const file = path('shared.db');
    const db = new Database(file);
    db.exec('CREATE TABLE read_model (id TEXT PRIMARY KEY)');
    db.close();
    const store = SqliteEventStore.open(file);
    await store.append('s-1', 'no_stream', [anEvent('A')]);
    await store.close();
  });
});
