import type { AppendResult, RecordedEvent } from '../port/event-store';
import { EventStoreError, StoreUnavailableError } from '../port/errors';
import { anEvent, collect, deferred } from '../testing/helpers';
import { startPrivatePostgres, type PrivatePostgres } from '../testing/private-postgres';
import { withPostgres } from '../testing/postgres-schemas';
import { PostgresEventStore } from './postgres-event-store';

const APPENDERS = 8;

/** Polls `condition` until it holds, failing after `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Appenders that each keep appending to their own stream and, as a client of the store would,
 * retry a failed append with the same events and expected revision until it is acknowledged.
 */
function startLoad(store: PostgresEventStore) {
  const acks: { streamName: string; revision: number; id: string; result: AppendResult }[] = [];
  const failures: unknown[] = [];
  let running = true;
  const appenders = Array.from({ length: APPENDERS }, async (_, a) => {
    const streamName = `load-${a}`;
    for (let revision = 0; running; revision++) {
      const event = anEvent('Loaded', { a, revision });
      for (;;) {
        try {
          const result = await store.append(streamName, revision === 0 ? 'no_stream' : revision - 1, [event]);
          acks.push({ streamName, revision, id: event.id, result });
          break;
        } catch (error) {
          failures.push(error);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    }
  });
  return {
    acks,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(appenders);
    },
  };
}

function recordAll(store: PostgresEventStore) {
  const events: RecordedEvent[] = [];
  const caughtUp = deferred();
  const subscription = store.subscribeToAll({ onEvent: (event) => void events.push(event), onCaughtUp: () => caughtUp.resolve() });
  return { events, caughtUp: caughtUp.promise, subscription };
}

/** Every acknowledged append is stored where it was acknowledged; the log is gapless; the subscriber saw it all once, in order. */
async function expectConsistent(store: PostgresEventStore, acks: ReturnType<typeof startLoad>['acks'], delivered: RecordedEvent[]): Promise<void> {
  const all = await collect(store.readAll());
  expect(all.map((e) => Number(e.globalPosition))).toEqual(all.map((_, i) => i + 1));
  const byId = new Map(all.map((e) => [e.id, e]));
  for (const ack of acks) {
    expect(byId.get(ack.id)).toMatchObject({ streamName: ack.streamName, revision: ack.revision, globalPosition: ack.result.position });
  }
  await until(() => delivered.length >= all.length);
  expect(delivered.map((e) => e.id)).toEqual(all.map((e) => e.id));
}

describe('PostgreSQL adapter: connection loss and server restarts (a private cluster)', () => {
  let server: PrivatePostgres;
  beforeAll(async () => {
    server = await startPrivatePostgres();
  }, 30_000);
  afterAll(() => server?.destroy());

  const options = {
    maxConnections: 4,
    pollIntervalMs: 100,
    connectTimeoutMs: 2_000,
    queryTimeoutMs: 5_000,
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
  };

  it('survives the server crashing and restarting under load: every acknowledged append is there, failures are StoreUnavailable, the subscriber resumes', async () => {
    const store = await PostgresEventStore.open(`${server.url}?schema=restart`, options);
    const sub = recordAll(store);
    await sub.caughtUp;
    const load = startLoad(store);
    await until(() => load.acks.length >= 200);

    server.stop('immediate');
    const acksWhileDown = load.acks.length;
    await until(() => load.failures.length >= APPENDERS);
    server.start();
    await until(() => load.acks.length >= acksWhileDown + 200);
    await load.stop();

    // While the server was down appends failed at once with an error of the closed set, never a hang.
    expect(load.failures.every((error) => error instanceof StoreUnavailableError)).toBe(true);
    await expectConsistent(store, load.acks, sub.events);
    await sub.subscription.close();
    await store.close();
  }, 45_000);

  it('survives its connections being terminated: appends fail with StoreUnavailable or succeed, subscriptions and LISTEN reconnect', async () => {
    const store = await PostgresEventStore.open(`${server.url}?schema=terminated`, options);
    const sub = recordAll(store);
    // Another process that hardly polls: only a notification through its (reconnected) LISTEN wakes it in time.
    const listener = await PostgresEventStore.open(`${server.url}?schema=terminated`, { ...options, pollIntervalMs: 600_000 });
    const notified = recordAll(listener);
    await Promise.all([sub.caughtUp, notified.caughtUp]);
    const load = startLoad(store);
    for (let round = 0; round < 3; round++) {
      const before = load.acks.length;
      await until(() => load.acks.length >= before + 50);
      await withPostgres(server.url, (client) =>
        client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'switchboard-event-store'`),
      );
    }
    const before = load.acks.length;
    await until(() => load.acks.length >= before + 50);
    await load.stop();
    expect(load.failures.every((error) => error instanceof EventStoreError && error.code === 'store_unavailable')).toBe(true);
    await expectConsistent(store, load.acks, sub.events);
    await expectConsistent(store, load.acks, notified.events);
    const last = await store.append('after-terminations', 'no_stream', [anEvent('Last')]);
    await until(() => notified.events.at(-1)?.globalPosition === last.position);
    await Promise.all([store.close(), listener.close()]);
  }, 45_000);
});
