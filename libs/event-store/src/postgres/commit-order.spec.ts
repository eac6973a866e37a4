import { Client } from 'pg';
import type { RecordedEvent } from '../port/event-store';
import { describeGroupCommit } from '../testing/group-commit-contract';
import { anEvent, collect, deferred } from '../testing/helpers';
import { usePostgresSchemas, withPostgres } from '../testing/postgres-schemas';
import { insertBatch } from './append-statement';
import { parsePostgresUrl, poolConfig } from './connection';
import { PostgresEventStore } from './postgres-event-store';

/** Polls `condition` every few milliseconds until it holds, failing after `ms`. */
async function until(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A subscriber that records every event after it caught up. */
function recordAll(store: PostgresEventStore) {
  const events: RecordedEvent[] = [];
  const caughtUp = deferred();
  const subscription = store.subscribeToAll({ onEvent: (event) => void events.push(event), onCaughtUp: () => caughtUp.resolve() });
  return { events, caughtUp: caughtUp.promise, subscription };
}

describe('PostgreSQL adapter: positions follow commit order', () => {
  const newSchema = usePostgresSchemas();

  it('an append whose transaction is still open after taking its position holds back every later one, and no subscriber passes it', async () => {
    const url = newSchema();
    const store = await PostgresEventStore.open(url, { maxConnections: 3, pollIntervalMs: 20 });
    const sub = recordAll(store);
    await sub.caughtUp;

    // A second connection runs the adapter's own insert inside a transaction it keeps open: it has
    // taken position 1 but not committed.
    const held = new Client(poolConfig(parsePostgresUrl(url), 1, { connectMs: 5_000, queryMs: 10_000 }));
    await held.connect();
    const heldPid = (await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await held.query('BEGIN');
    const heldEvent = anEvent('Held');
    const base = await insertBatch(held, [{ ...heldEvent, metadata: {}, streamName: 'first', revision: 0, dataJson: '{}', metadataJson: '{}' }], new Date());
    expect(base).toBe(0);

    // A later append through the store: it must wait for the held transaction, not commit position 2 before 1 exists.
    let settled = false;
    const later = store.append('second', 'no_stream', [anEvent('Later')]).finally(() => (settled = true));
    await withPostgres(url, (client) =>
      until(async () => (await client.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [heldPid])).rowCount === 1),
    );
    // The subscriber and readers see nothing: no position is visible while a smaller one is uncommitted.
    expect(await collect(store.readAll())).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few polls of the subscription
    expect(sub.events).toEqual([]);
    expect(settled).toBe(false);

    await held.query('COMMIT');
    await held.end();
    await expect(later).resolves.toMatchObject({ position: '00000000000000000002' });
    await until(async () => sub.events.length === 2);
    expect(sub.events.map((e) => [e.streamName, e.globalPosition])).toEqual([
      ['first', '00000000000000000001'],
      ['second', '00000000000000000002'],
    ]);
    await store.close();
  });

  it('a subscriber sees a gapless, ascending log while several processes append concurrently', async () => {
    const url = newSchema();
    const writers = await Promise.all([1, 2, 3].map(() => PostgresEventStore.open(url, { maxConnections: 3 })));
    const reader = await PostgresEventStore.open(url, { maxConnections: 2, pollIntervalMs: 50 });
    const sub = recordAll(reader);
    await sub.caughtUp;
    const perWriter = 16;
    const appendsEach = 10;
    await Promise.all(
      writers.flatMap((store, w) =>
        Array.from({ length: perWriter }, async (_, a) => {
          for (let i = 0; i < appendsEach; i++) await store.append(`w${w}-a${a}`, i === 0 ? 'no_stream' : 2 * i - 1, [anEvent('E'), anEvent('F')]);
        }),
      ),
    );
    const total = writers.length * perWriter * appendsEach * 2;
    await until(async () => sub.events.length === total);
    expect(sub.events.map((e) => Number(e.globalPosition))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    await Promise.all([...writers, reader].map((store) => store.close()));
  });
});

describe('PostgreSQL adapter: group commit', () => {
  const newSchema = usePostgresSchemas();
  let store: PostgresEventStore;
  let url: string;
  beforeEach(async () => {
    url = newSchema();
    store = await PostgresEventStore.open(url, { maxConnections: 3 });
  });
  afterEach(() => store.close());

  describeGroupCommit(() => store, { maxCommitsFor200: 20 });

  it('appends at the revision another process wrote last, when this one remembered an older one', async () => {
    const other = await PostgresEventStore.open(url, { maxConnections: 1 });
    await store.append('shared', 'any', [anEvent('A')]);
    await other.append('shared', 'any', [anEvent('B')]);
    await expect(store.append('shared', 'any', [anEvent('C')])).resolves.toMatchObject({ nextExpectedRevision: 2 });
    await expect(store.append('shared', 'exists', [anEvent('D')])).resolves.toMatchObject({ nextExpectedRevision: 3 });
    await other.close();
    expect((await collect(store.readStream('shared'))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('commits appends still queued when the store closes', async () => {
    const pending = store.append('s', 'no_stream', [anEvent('A')]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
  });
});
