import type { EventStore } from '../port/event-store';
import type { ChainedEvent, TamperEvidentEventStore } from '../port/tamper-evidence';
import { standInEsdbClient } from '../esdb/esdb-client-fixtures';
import { EsdbEventStore } from '../esdb/esdb-event-store';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { collect } from '../testing/helpers';
import { usePostgresSchemas } from '../testing/postgres-schemas';
import { useTempDir } from '../testing/temp-dir';
import { verifyChain } from './verify-chain';

const AT = new Date('2024-05-01T12:00:00.000Z');
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The same appends, in the same order, with the same ids and clock: sequential, so every adapter orders them alike. */
async function script(store: EventStore): Promise<void> {
  await store.append('ticket-1', 'no_stream', [
    { id: id(1), type: 'TicketOpened', data: { serviceCode: 'POTHOLE', where: { lat: 42.36, lon: -71.05 } }, metadata: { actor: 'op-1', z: 1, a: 2 } },
    { id: id(2), type: 'TicketAssigned', data: { department: 'DPW' } },
  ]);
  await store.append('ticket-2', 'any', [{ id: id(3), type: 'TicketOpened', data: { note: 'ünïcødé ✓', list: [1, 2.5, null, true, 'x'] } }]);
  await store.append('ticket-1', 1, [{ id: id(4), type: 'CommentAdded', data: { text: 'a "quoted" \\ line\nnext' } }]);
  await store.append('ticket-2', 'exists', [{ id: id(5), type: 'TicketClosed', data: {} }]);
  await store.append('ticket-1', 2, [{ id: id(4), type: 'CommentAdded', data: { text: 'a "quoted" \\ line\nnext' } }]).catch(() => undefined);
}

const hashes = (events: readonly ChainedEvent[]) => events.map((e) => ({ stream: e.streamName, revision: e.revision, ...e.chain }));

describe('The hash chain across adapters', () => {
  const path = useTempDir();
  const newSchema = usePostgresSchemas();

  it('given the same appends on the in-memory, SQLite, PostgreSQL and EventStoreDB stores, when their logs are read, then every event has the same hashes and each log verifies', async () => {
    // EventStoreDB's adapter over a stand-in for the server: its chaining is the adapter's code (a real server: esdb-event-store.contract.spec.ts).
    const stores: TamperEvidentEventStore[] = [
      new InMemoryEventStore({ now: () => AT }),
      SqliteEventStore.open(path('events.db'), { now: () => AT }),
      await PostgresEventStore.open(newSchema(), { now: () => AT, maxConnections: 2 }),
      new EsdbEventStore(standInEsdbClient(), { now: () => AT }),
    ];
    try {
      for (const store of stores) await script(store);
      const [memory, sqlite, postgres, esdb] = await Promise.all(stores.map((store) => collect(store.readChained())));
      expect(memory).toHaveLength(5);
      expect(hashes(sqlite)).toEqual(hashes(memory));
      expect(hashes(postgres)).toEqual(hashes(memory));
      expect(hashes(esdb)).toEqual(hashes(memory));
      const heads = await Promise.all(stores.map((store) => store.chainHead()));
      expect(heads[1]).toEqual(heads[0]);
      expect(heads[2]).toEqual(heads[0]);
      // Positions are each store's own spelling; everything a checkpoint hashes is the same.
      expect({ ...heads[3], position: null }).toEqual({ ...heads[0], position: null });
      expect(heads[0]).toMatchObject({ events: 5, streams: 2, logHash: memory[4].chain?.hash });
      for (const log of [memory, sqlite, postgres, esdb]) {
        expect((await verifyChain(log.map((e) => ({ ...e, position: e.globalPosition })))).intact).toBe(true);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('given a batch of appends committed together on PostgreSQL and SQLite, when the logs are verified, then both chains hold', async () => {
    const stores: TamperEvidentEventStore[] = [SqliteEventStore.open(path('batch.db')), await PostgresEventStore.open(newSchema(), { maxConnections: 2 })];
    try {
      for (const store of stores) {
        // Concurrent appends to the same and different streams share a commit (group commit).
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            store.append(`s-${i % 7}`, 'any', [
              { id: crypto.randomUUID(), type: 'E', data: { i } },
              { id: crypto.randomUUID(), type: 'F', data: { i } },
            ]),
          ),
        );
        const log = await collect(store.readChained());
        expect(log).toHaveLength(80);
        const report = await verifyChain(log.map((e) => ({ ...e, position: e.globalPosition })));
        expect(report).toMatchObject({ intact: true, eventsVerified: 80 });
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
