import Database from 'better-sqlite3';
import { verifyChain } from '../chain/verify-chain';
import { collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { SqliteEventStore } from './sqlite-event-store';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = '2024-05-01T12:00:00.000Z';

/** A store file as schema version 1 wrote it: no hashes. */
function versionOneFile(file: string, events: number): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE event_store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE event_store_events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_name TEXT NOT NULL, revision INTEGER NOT NULL,
      type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream_name, revision));
    INSERT INTO event_store_meta VALUES ('schema_version', '1');
  `);
  const insert = db.prepare(`INSERT INTO event_store_events (event_id, stream_name, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (let i = 0; i < events; i++)
    insert.run(id(i + 1), `ticket-${i % 3}`, Math.floor(i / 3), 'Noted', JSON.stringify({ n: i, b: 1, a: 2 }), '{"actor":"op"}', AT);
  db.close();
}

describe('SQLite adapter: chaining a log written before the chain', () => {
  const path = useTempDir();

  it('given a version 1 file with events, when it is opened, then every event is chained as the store would have, and the migration says what it did', async () => {
    const file = path('old.db');
    versionOneFile(file, 7);
    const store = SqliteEventStore.open(file);
    const memory = new InMemoryEventStore({ now: () => new Date(AT) });
    try {
      expect(await store.chainMigration()).toEqual({
        migratedAt: expect.any(String),
        events: 7,
        fromPosition: '00000000000000000001',
        toPosition: '00000000000000000007',
      });
      for (let i = 0; i < 7; i++)
        await memory.append(`ticket-${i % 3}`, 'any', [{ id: id(i + 1), type: 'Noted', data: { n: i, b: 1, a: 2 }, metadata: { actor: 'op' } }]);
      await store.append('ticket-0', 2, [{ id: id(8), type: 'Noted', data: {} }]);
      const log = await collect(store.readChained());
      expect(log.slice(0, 7).map((e) => e.chain)).toEqual((await collect(memory.readChained())).map((e) => e.chain));
      expect((await verifyChain(log.map((e) => ({ ...e, position: e.globalPosition })))).intact).toBe(true);
    } finally {
      await store.close();
      await memory.close();
    }
  });

  it('given a new file, when it is opened, then there is no migration to report', async () => {
    const store = SqliteEventStore.open(path('new.db'));
    expect(await store.chainMigration()).toBeNull();
    await store.close();
  });
});
