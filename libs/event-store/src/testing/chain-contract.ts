import type { EventStore } from '../port/event-store';
import { isTamperEvident, type TamperEvidentEventStore } from '../port/tamper-evidence';
import { verifyChain } from '../chain/verify-chain';
import { anEvent, collect, uniqueStream } from './helpers';

/** The chain every adapter keeps (docs/audit.md): run once per adapter, on a store that may share its log with other tests. */
export function describeChainContract(name: string, factory: () => Promise<EventStore>): void {
  describe(`EventStore chain contract: ${name}`, () => {
    let store: TamperEvidentEventStore;
    beforeEach(async () => {
      const opened = await factory();
      if (!isTamperEvident(opened)) throw new Error(`${name} keeps no hash chain`);
      store = opened;
    });
    afterEach(async () => {
      await store.close();
    });

    it('given appends to two streams, when the log is read with its hashes, then every event is chained and the whole log verifies', async () => {
      const a = uniqueStream('chain-a');
      const b = uniqueStream('chain-b');
      await store.append(a, 'no_stream', [anEvent('A', { n: 1 }, { actor: 'x' }), anEvent('B', { n: 2 })]);
      await Promise.all([store.append(b, 'no_stream', [anEvent('C', { z: [1, 'two'] })]), store.append(a, 1, [anEvent('D', { é: 'ü' })])]);

      const events = await collect(store.readChained());
      const ours = events.filter((event) => event.streamName === a || event.streamName === b);
      expect(ours.map((event) => event.type).sort()).toEqual(['A', 'B', 'C', 'D']);
      ours.forEach((event) =>
        expect(event.chain).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), streamHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      );
      const report = await verifyChain(events.map((event) => ({ ...event, position: event.globalPosition })));
      expect(report).toMatchObject({ intact: true, eventsVerified: events.length, firstMismatch: null });
    });

    it('given the log, when its head is read, then it names the last event and its hash', async () => {
      await store.append(uniqueStream('chain-head'), 'no_stream', [anEvent('A')]);
      const head = await store.chainHead();
      const [last] = await collect(store.readChained({ after: undefined })).then((all) => all.slice(-1));
      expect(head).toMatchObject({ position: last.globalPosition, logHash: last.chain?.hash });
      expect(head.events).toBeGreaterThanOrEqual(1);
      expect(head.streamHeadsDigest).toMatch(/^[0-9a-f]{64}$/);
    });

    it('given a retried append, when the log is read, then nothing was chained twice', async () => {
      const stream = uniqueStream('chain-retry');
      const events = [anEvent('A')];
      await store.append(stream, 'no_stream', events);
      await store.append(stream, 'no_stream', events);
      const all = await collect(store.readChained());
      expect(all.filter((event) => event.streamName === stream)).toHaveLength(1);
      expect((await verifyChain(all.map((event) => ({ ...event, position: event.globalPosition })))).intact).toBe(true);
    });
  });
}
