import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../port/errors';
import { anEvent, collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite adapter: storage failures and other writers', () => {
  const path = useTempDir();

  it('a storage failure mid-batch fails the whole batch and stores none of it', async () => {
    const file = path('full.db');
    const store = SqliteEventStore.open(file);
    await store.append('before', 'no_stream', [anEvent('Kept')]);
    // Simulate a full disk: the database may grow by a few pages only.
    const spy = new Database(file);
    const pages = spy.pragma('page_count', { simple: true }) as number;
    spy.close();
    (store as unknown as { db: Database.Database }).db.pragma(`max_page_count = ${pages + 3}`);
    const big = { blob: 'x'.repeat(3000) };
    const results = await Promise.allSettled([
      store.append('a', 'no_stream', [anEvent('A')]),
      store.append(
        'b',
        'no_stream',
        Array.from({ length: 20 }, () => anEvent('B', big)),
      ),
      store.append('c', 'no_stream', [anEvent('C')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    results.forEach((r) => r.status === 'rejected' && expect(r.reason).toBeInstanceOf(StoreUnavailableError));
    expect((await collect(store.readAll())).map((e) => e.streamName)).toEqual(['before']);
    await store.close();
  });

  it('waits for another process’s write lock without blocking the event loop', async () => {
    const file = path('locked.db');
    const store = SqliteEventStore.open(file);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let settled = false;
    const appended = store.append('s', 'no_stream', [anEvent('A')]).finally(() => {
      settled = true;
    });
    // Timers keep firing while the append waits: the loop is free.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(settled).toBe(false);
    other.exec('COMMIT');
    other.close();
    await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await store.close();
  });

  it('gives up as unavailable once the lock is held past the deadline', async () => {
    const file = path('stuck.db');
    const store = SqliteEventStore.open(file, { busyDeadlineMs: 30 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.append('s', 'no_stream', [anEvent('A')])).rejects.toBeInstanceOf(StoreUnavailableError);
    other.exec('ROLLBACK');
    other.close();
    await expect(store.append('s', 'no_stream', [anEvent('A')])).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await store.close();
  });
});
