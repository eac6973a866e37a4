import type { EventInput, EventStore, GlobalPosition, RecordedEvent, SubscribeOptions } from '../port/event-store';
import { ConcurrencyConflictError, EventTooLargeError, InvalidArgumentError, StreamNotFoundError } from '../port/errors';
import { anEvent, asInputs, collect, deferred, uniqueStream } from './helpers';

export interface ContractOptions {
  /** Whether an event id may be used at most once in the whole store (true for the embedded adapters). */
  readonly globallyUniqueEventIds: boolean;
}

/** The behaviour every EventStore adapter must show; run it once per adapter. */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStore>,
  options: ContractOptions = { globallyUniqueEventIds: true },
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    /** Appends a marker event and returns its position, so `$all` reads can skip everything older. */
    async function markPosition(): Promise<GlobalPosition> {
      return (await store.append(uniqueStream('marker'), 'no_stream', [anEvent('Marker')])).position;
    }

    describe('append and read a stream', () => {
      it('stores events in order with revisions, positions and a recording time', async () => {
        const stream = uniqueStream('order');
        const first = [anEvent('A', { n: 1 }, { actor: 'x' }), anEvent('B', { n: 2 })];
        const r1 = await store.append(stream, 'no_stream', first);
        const r2 = await store.append(stream, 1, [anEvent('C', { nested: { list: [1, 'two', null, true] } })]);
        expect(r1.nextExpectedRevision).toBe(1);
        expect(r2.nextExpectedRevision).toBe(2);
        expect(r2.position > r1.position).toBe(true);

        const events = await collect(store.readStream(stream));
        expect(events.map((e) => [e.type, e.revision, e.streamName])).toEqual([
          ['A', 0, stream],
          ['B', 1, stream],
          ['C', 2, stream],
        ]);
        expect(events[0]).toMatchObject({ id: first[0].id, data: { n: 1 }, metadata: { actor: 'x' } });
        expect(events[1].metadata).toEqual({});
        expect(events[2].data).toEqual({ nested: { list: [1, 'two', null, true] } });
        expect(events[1].globalPosition).toBe(r1.position);
        expect(events[2].globalPosition).toBe(r2.position);
        expect(events[0].globalPosition < events[1].globalPosition).toBe(true);
        events.forEach((e) => expect(e.recordedAt).toBeInstanceOf(Date));
      });

      it('reads backwards, from a revision, with a maximum count', async () => {
        const stream = uniqueStream('directions');
        await store.append(
          stream,
          'no_stream',
          ['A', 'B', 'C', 'D'].map((t) => anEvent(t)),
        );
        const types = async (options: Parameters<EventStore['readStream']>[1]) => (await collect(store.readStream(stream, options))).map((e) => e.type);
        expect(await types({ direction: 'backwards' })).toEqual(['D', 'C', 'B', 'A']);
        expect(await types({ direction: 'backwards', fromRevision: 2, maxCount: 2 })).toEqual(['C', 'B']);
        expect(await types({ fromRevision: 1, maxCount: 2 })).toEqual(['B', 'C']);
        expect(await types({ fromRevision: 9 })).toEqual([]);
      });

      it('reports a stream without events as not found', async () => {
        const stream = uniqueStream('missing');
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('expected revision', () => {
      async function streamAt(revision: number): Promise<string> {
        const stream = uniqueStream('expected');
        await store.append(
          stream,
          'no_stream',
          Array.from({ length: revision + 1 }, () => anEvent('E')),
        );
        return stream;
      }
      async function conflict(stream: string, expected: Parameters<EventStore['append']>[1]) {
        const error = await store.append(stream, expected, [anEvent('X')]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyConflictError);
        return error as ConcurrencyConflictError;
      }

      it('no_stream succeeds only on a new stream', async () => {
        const stream = await streamAt(0);
        expect(await conflict(stream, 'no_stream')).toMatchObject({ streamName: stream, expected: 'no_stream', actual: 0 });
      });

      it('exists succeeds only on an existing stream', async () => {
        const stream = await streamAt(1);
        await expect(store.append(stream, 'exists', [anEvent('X')])).resolves.toMatchObject({ nextExpectedRevision: 2 });
        expect(await conflict(uniqueStream('new'), 'exists')).toMatchObject({ expected: 'exists', actual: 'no_stream' });
      });

      it('any succeeds on new and existing streams', async () => {
        const stream = uniqueStream('any');
        await expect(store.append(stream, 'any', [anEvent('X')])).resolves.toMatchObject({ nextExpectedRevision: 0 });
        await expect(store.append(stream, 'any', [anEvent('Y')])).resolves.toMatchObject({ nextExpectedRevision: 1 });
      });

      it('an exact revision must be the last revision of the stream', async () => {
        const stream = await streamAt(2);
        await expect(store.append(stream, 2, [anEvent('X')])).resolves.toMatchObject({ nextExpectedRevision: 3 });
        expect(await conflict(stream, 2)).toMatchObject({ expected: 2, actual: 3 });
        expect(await conflict(stream, 7)).toMatchObject({ expected: 7, actual: 3 });
        expect(await conflict(uniqueStream('new'), 0)).toMatchObject({ expected: 0, actual: 'no_stream' });
        expect((await conflict(stream, 2)).message).toMatch(/reload the stream/);
      });

      it('of N concurrent appends at the same expected revision exactly one wins', async () => {
        const stream = await streamAt(0);
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => store.append(stream, 0, [anEvent('Race')])));
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        lost.forEach((r) => expect(r.reason).toBeInstanceOf(ConcurrencyConflictError));
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });
    });

    describe('idempotent appends', () => {
      it('a retried append returns the original result and writes nothing twice', async () => {
        const stream = uniqueStream('retry');
        const events = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })];
        const original = await store.append(stream, 'no_stream', events);
        await store.append(stream, 1, [anEvent('C')]);
        await expect(store.append(stream, 'no_stream', events)).resolves.toEqual(original);
        const next = [anEvent('D')];
        const third = await store.append(stream, 2, next);
        await expect(store.append(stream, 2, next)).resolves.toEqual(third);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('reusing an event id for different content is an error', async () => {
        const stream = uniqueStream('reuse');
        const event = anEvent('A', { n: 1 });
        await store.append(stream, 'no_stream', [event]);
        await expect(store.append(stream, 'no_stream', [{ ...event, data: { n: 2 } }])).rejects.toBeInstanceOf(InvalidArgumentError);
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });

      if (options.globallyUniqueEventIds) {
        it('reusing an event id in another stream is an error', async () => {
          const event = anEvent('A');
          await store.append(uniqueStream('first'), 'no_stream', [event]);
          const error = await store.append(uniqueStream('second'), 'no_stream', [event]).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect((error as Error).message).toContain(event.id);
        });
      }
    });

    describe('rejects bad input', () => {
      it.each([
        ['empty', ''],
        ['reserved "$"', '$all'],
        ['control character', 'tab\there'],
        ['too long', 'x'.repeat(300)],
      ])('stream name: %s', async (_, stream) => {
        await expect(store.append(stream, 'any', [anEvent('A')])).rejects.toBeInstanceOf(InvalidArgumentError);
      });

      it('event ids that are not UUIDs and empty appends', async () => {
        const stream = uniqueStream('bad');
        await expect(store.append(stream, 'any', [{ id: 'not-a-uuid', type: 'A', data: {} }])).rejects.toThrow(/UUID/);
        await expect(store.append(stream, 'any', [])).rejects.toBeInstanceOf(InvalidArgumentError);
      });

      it('an oversized event, writing nothing', async () => {
        const stream = uniqueStream('big');
        const error = await store.append(stream, 'any', [anEvent('Big', { blob: 'x'.repeat(2 * 1024 * 1024) })]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventTooLargeError);
        expect((error as Error).message).toMatch(/too large/);
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('$all', () => {
      it('reads forwards in pages and backwards, after a position (exclusive)', async () => {
        const start = await markPosition();
        const [a, b] = [uniqueStream('all-a'), uniqueStream('all-b')];
        const appended: EventInput[] = [];
        for (const [stream, expected] of [
          [a, 'no_stream'],
          [b, 'no_stream'],
          [a, 0],
          [b, 0],
        ] as const) {
          const event = anEvent('Paged', { stream });
          appended.push(event);
          await store.append(stream, expected, [event]);
        }
        const ours = (events: RecordedEvent[]) => events.filter((e) => e.streamName === a || e.streamName === b);

        const forwards: RecordedEvent[] = [];
        for (let after = start, page: RecordedEvent[]; ; after = page[page.length - 1].globalPosition) {
          page = await collect(store.readAll({ after, maxCount: 2 }));
          expect(page.length).toBeLessThanOrEqual(2);
          forwards.push(...page);
          if (page.length < 2) break;
        }
        expect(forwards[0].globalPosition > start).toBe(true);
        expect(asInputs(ours(forwards))).toEqual(appended.map((e) => ({ ...e, metadata: {} })));
        expect(isAscending(forwards.map((e) => e.globalPosition))).toBe(true);

        const last = ours(forwards)[3].globalPosition;
        const backwards = await collect(store.readAll({ direction: 'backwards', after: last, maxCount: 3 }));
        expect(backwards.map((e) => e.id)).toEqual([appended[2].id, appended[1].id, appended[0].id]);
        const fromEnd = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
        expect(fromEnd[0].globalPosition >= last).toBe(true);
      });
    });

    describe('subscribeToAll', () => {
      /** Subscribes and records what arrives, and when the caught-up signal came. */
      function record(options: Omit<SubscribeOptions, 'onEvent' | 'onCaughtUp'>, until: (events: RecordedEvent[]) => boolean) {
        const events: RecordedEvent[] = [];
        const caughtUp = deferred<number>();
        const done = deferred();
        const subscription = store.subscribeToAll({
          ...options,
          onEvent: (event) => {
            events.push(event);
            if (until(events)) done.resolve();
          },
          onCaughtUp: () => caughtUp.resolve(events.length),
        });
        return { events, caughtUp: caughtUp.promise, done: done.promise, subscription };
      }

      it('catches up, signals it, then delivers live events, filtered by stream prefix and event type', async () => {
        const start = await markPosition();
        const prefix = uniqueStream('sub');
        const [a1, a2, other] = [`${prefix}-a1`, `${prefix}-a2`, uniqueStream('other')];
        const before = [anEvent('Wanted', { n: 1 }), anEvent('Unwanted'), anEvent('Wanted', { n: 2 })];
        await store.append(a1, 'no_stream', before.slice(0, 2));
        await store.append(other, 'no_stream', [anEvent('Wanted')]);
        await store.append(a2, 'no_stream', before.slice(2));

        const sub = record({ after: start, filter: { streamPrefixes: [prefix], eventTypes: ['Wanted', 'AlsoWanted'] } }, (e) => e.length === 4);
        expect(await sub.caughtUp).toBe(2);
        const live = [anEvent('AlsoWanted', { n: 3 }), anEvent('Wanted', { n: 4 })];
        await store.append(other, 0, [anEvent('Wanted')]);
        await store.append(a1, 1, [live[0], anEvent('Unwanted')]);
        await store.append(a2, 0, [live[1]]);
        await sub.done;
        await sub.subscription.close();
        expect(sub.events.map((e) => e.id)).toEqual([before[0].id, before[2].id, live[0].id, live[1].id]);
        expect(isAscending(sub.events.map((e) => e.globalPosition))).toBe(true);
      });

      it('resumes after a position, excluding it', async () => {
        const stream = uniqueStream('resume');
        const events = ['A', 'B', 'C'].map((t) => anEvent(t));
        await store.append(stream, 'no_stream', events.slice(0, 2));
        const [, second] = await collect(store.readStream(stream));
        const sub = record({ after: second.globalPosition, filter: { streamPrefixes: [stream] } }, (e) => e.length === 1);
        await store.append(stream, 1, events.slice(2));
        await sub.done;
        await sub.subscription.close();
        expect(sub.events.map((e) => e.id)).toEqual([events[2].id]);
      });

      it('awaits the handler before delivering the next event, and stops on close', async () => {
        const stream = uniqueStream('backpressure');
        const start = await markPosition();
        await store.append(stream, 'no_stream', [anEvent('A'), anEvent('B')]);
        const release = deferred();
        const firstArrived = deferred();
        const seen: string[] = [];
        const subscription = store.subscribeToAll({
          after: start,
          filter: { streamPrefixes: [stream] },
          onEvent: async (event) => {
            seen.push(event.type);
            if (event.type === 'A') {
              firstArrived.resolve();
              await release.promise;
            }
          },
        });
        await firstArrived.promise;
        await store.append(stream, 1, [anEvent('C')]);
        expect(seen).toEqual(['A']);
        release.resolve();
        const closing = subscription.close();
        await expect(closing).resolves.toBeUndefined();
        await expect(subscription.stopped).resolves.toBeUndefined();
        const countAtClose = seen.length;
        await store.append(stream, 2, [anEvent('D')]);
        await collect(store.readStream(stream));
        expect(seen.length).toBe(countAtClose);
      });

      it('stops with the error when the handler throws', async () => {
        const start = await markPosition();
        const stream = uniqueStream('failing');
        await store.append(stream, 'no_stream', [anEvent('A')]);
        const subscription = store.subscribeToAll({
          after: start,
          filter: { streamPrefixes: [stream] },
          onEvent: () => {
            throw new Error('handler failed');
          },
        });
        await expect(subscription.stopped).rejects.toThrow('handler failed');
      });
    });
  });
}

function isAscending(positions: readonly GlobalPosition[]): boolean {
  return positions.every((position, i) => i === 0 || positions[i - 1] < position);
}
