import { jsonEvent } from '@eventstore/db-client';
import { describeChainContract } from '../testing/chain-contract';
import { describeEventStoreContract } from '../testing/contract';
import { anEvent, collect } from '../testing/helpers';
import { verifyChain } from '../chain/verify-chain';
import { InvalidArgumentError } from '../port/errors';
import { standInEsdbClient } from './esdb-client-fixtures';
import { EsdbEventStore } from './esdb-event-store';

// The adapter's chaining is pure code over the client: run against a stand-in server here, and
// against a real EventStoreDB in esdb-event-store.contract.spec.ts when SWITCHBOARD_TEST_ESDB_URL is set.
describeEventStoreContract('EventStoreDB adapter over a stand-in server', async () => new EsdbEventStore(standInEsdbClient()), {
  globallyUniqueEventIds: false,
});
describeChainContract('EventStoreDB adapter over a stand-in server', async () => new EsdbEventStore(standInEsdbClient()));

const verified = async (store: EsdbEventStore) =>
  verifyChain((await collect(store.readChained())).map((event) => ({ ...event, position: event.globalPosition })));

describe('EventStoreDB chain (stand-in server)', () => {
  it('given an existing log written before chaining, when the store first chains, then the migration adopts it, records what it did, and new appends link on', async () => {
    const client = standInEsdbClient({ now: () => new Date('2024-01-01T00:00:00.000Z') });
    // Written by the unchained adapter: no stamp in the metadata.
    await client.appendToStream('ticket-1', [
      jsonEvent({ type: 'TicketOpened', data: { n: 1 }, metadata: { actor: 'op' } }),
      jsonEvent({ type: 'A', data: {} }),
    ]);
    await client.appendToStream('ticket-2', jsonEvent({ type: 'TicketOpened', data: { n: 2 } }));
    const store = new EsdbEventStore(client, { now: () => new Date('2024-02-01T00:00:00.000Z') });
    await store.append('ticket-1', 1, [anEvent('B', { after: 'migration' })]);
    await store.append('ticket-3', 'no_stream', [anEvent('C')]);

    const report = await verified(store);
    expect(report).toMatchObject({ intact: true, eventsVerified: 5 });
    await expect(store.chainMigration()).resolves.toMatchObject({ events: 3, fromPosition: expect.any(String), toPosition: expect.any(String) });
    const events = await collect(store.readStream('ticket-1'));
    expect(events.map((event) => event.metadata)).toEqual([{ actor: 'op' }, {}, {}]);
    expect(events[2].recordedAt.toISOString()).toBe('2024-02-01T00:00:00.000Z');
    await store.close();
  });

  it('given a log chained from its first event, then there was no migration', async () => {
    const store = new EsdbEventStore(standInEsdbClient());
    await store.append('s', 'no_stream', [anEvent('A')]);
    await expect(store.chainMigration()).resolves.toBeNull();
    await store.close();
  });

  it('given an event written around the store after chaining began, when the log is verified, then it is named and the stream cannot be extended', async () => {
    const client = standInEsdbClient();
    const store = new EsdbEventStore(client);
    await store.append('ticket-1', 'no_stream', [anEvent('A')]);
    await client.appendToStream('ticket-1', jsonEvent({ type: 'Forged', data: {} }));
    await store.append('ticket-2', 'no_stream', [anEvent('B')]);
    const report = await verified(store);
    expect(report.intact).toBe(false);
    expect(report.firstMismatch).toMatchObject({ kind: 'inserted', event: { streamName: 'ticket-1', revision: 1 } });
    await expect(store.append('ticket-1', 'any', [anEvent('C')])).rejects.toThrow(/no place in the hash chain/);
    await store.close();
  });

  it('given two stores (two processes) appending to one server at once, then one log chain covers every event and verifies', async () => {
    const client = standInEsdbClient();
    const [a, b] = [new EsdbEventStore(client), new EsdbEventStore(client)];
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).append(`s-${i % 4}`, 'any', [anEvent('E', { i }), anEvent('F', { i })])));
    const report = await verified(a);
    expect(report).toMatchObject({ intact: true, eventsVerified: 60 });
    expect((await a.chainHead()).events).toBe(60);
    await expect(b.chainHead()).resolves.toEqual(await a.chainHead());
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses the streams and the metadata key the chain keeps', async () => {
    const store = new EsdbEventStore(standInEsdbClient());
    await expect(store.append('switchboard-audit.log-chain', 'any', [anEvent('A')])).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.append('s', 'any', [anEvent('A', {}, { $chain: 'x' })])).rejects.toThrow(/reserved/);
    await store.close();
  });

  it('given a log chain of many batches, when it is read after a position, then the events after it come with their hashes and verify from there', async () => {
    const client = standInEsdbClient();
    // Four events unchained before the store (migrated), then appends across batches of three.
    for (let i = 0; i < 4; i++) await client.appendToStream(`legacy-${i % 2}`, jsonEvent({ type: 'Old', data: { i } }));
    const store = new EsdbEventStore(client, { chainBatch: 3 });
    for (let i = 0; i < 12; i++) await store.append(`legacy-${i % 2}`, 'any', [anEvent('New', { i })]);
    const all = await collect(store.readChained());
    expect(all).toHaveLength(16);
    const after = await collect(store.readChained({ after: all[9].globalPosition }));
    expect(after.map((event) => event.id)).toEqual(all.slice(10).map((event) => event.id));
    expect(after.map((event) => event.chain)).toEqual(all.slice(10).map((event) => event.chain));
    const partial = await verifyChain(
      after.map((event) => ({ ...event, position: event.globalPosition })),
      { partial: true },
    );
    expect(partial).toMatchObject({ intact: true, eventsVerified: 6 });
    expect(await verified(store)).toMatchObject({ intact: true, eventsVerified: 16 });
    await expect(store.chainMigration()).resolves.toMatchObject({ events: 4 });
    expect((await store.chainHead()).events).toBe(16);
    await store.close();
  });
});
