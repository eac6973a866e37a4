import { PassThrough } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type Position,
} from '@eventstore/db-client';

/** An event as the stand-in server keeps it. */
interface ServerEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: true;
  readonly position: Position;
}

type Filter = { filterOn: 'streamName' | 'eventType'; regex?: string; prefixes?: string[] };

/** A read as the client gives it: async iterable, cancellable. */
function reading(events: () => ServerEvent[]): AsyncIterable<{ event: ServerEvent }> & { cancel(): Promise<void> } {
  return {
    async *[Symbol.asyncIterator]() {
      for (const event of events()) yield { event: structuredClone(event) };
    },
    cancel: async () => undefined,
  };
}

/**
 * A stand-in for an EventStoreDB server behind the client's methods the adapter calls (append with
 * an expected revision and its idempotent retries, stream and `$all` reads, catch-up subscriptions):
 * the adapter's chaining runs as pure code without a server (esdb-chain.spec.ts). It models what
 * EventStoreDB documents, not its implementation: the real-server contract runs when
 * SWITCHBOARD_TEST_ESDB_URL is set.
 */
export function standInEsdbClient(options: { now?: () => Date } = {}): EventStoreDBClient {
  const log: ServerEvent[] = [];
  const streams = new Map<string, ServerEvent[]>();
  const live = new Set<(event: ServerEvent) => void>();
  let commit = 0n;
  const positionOf = (value: unknown): bigint => (value === START ? -1n : value === END ? commit + 1n : (value as Position).commit);

  const client = {
    async appendToStream(streamId: string, events: EventData | EventData[], appendOptions: { expectedRevision?: AppendExpectedRevision } = {}) {
      const batch = Array.isArray(events) ? events : [events];
      const stream = streams.get(streamId) ?? [];
      const expected = appendOptions.expectedRevision ?? ANY;
      const current = BigInt(stream.length - 1);
      const startAt =
        expected === ANY
          ? BigInt(stream.findIndex((event) => event.id === batch[0].id))
          : expected === NO_STREAM
            ? 0n
            : typeof expected === 'bigint'
              ? expected + 1n
              : -1n;
      // An append already written at the place expected (or anywhere, for ANY): answered with its original result.
      if (startAt >= 0n && batch.every((event, i) => stream[Number(startAt) + i]?.id === event.id)) {
        const last = stream[Number(startAt) + batch.length - 1];
        return { success: true, nextExpectedRevision: last.revision, position: last.position };
      }
      const ok =
        expected === ANY || (expected === NO_STREAM && stream.length === 0) || (expected === STREAM_EXISTS && stream.length > 0) || expected === current;
      if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected, current: stream.length === 0 ? NO_STREAM : current });
      const created = options.now?.() ?? new Date();
      const written = batch.map((event, i): ServerEvent => {
        commit += 10n;
        return {
          streamId,
          id: event.id,
          type: event.type,
          revision: BigInt(stream.length + i),
          created,
          data: structuredClone(event.data),
          metadata: structuredClone(event.metadata ?? {}),
          isJson: true,
          position: { commit, prepare: commit },
        };
      });
      stream.push(...written);
      streams.set(streamId, stream);
      log.push(...written);
      written.forEach((event) => live.forEach((listener) => listener(event)));
      const last = written[written.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    },

    readStream(streamId: string, readOptions: { direction?: string; fromRevision?: bigint | string; maxCount?: number | bigint } = {}) {
      return reading(() => {
        const stream = streams.get(streamId);
        if (!stream) throw new StreamNotFoundError(undefined, streamId);
        const backwards = readOptions.direction === BACKWARDS;
        const from = readOptions.fromRevision === undefined || readOptions.fromRevision === START ? (backwards ? -1n : 0n) : readOptions.fromRevision;
        const max = Number(readOptions.maxCount ?? Number.MAX_SAFE_INTEGER);
        const ordered = backwards
          ? stream.filter((event) => from === END || from === -1n || event.revision <= (from as bigint)).reverse()
          : stream.filter((event) => event.revision >= (from as bigint));
        return ordered.slice(0, max);
      });
    },

    readAll(readOptions: { direction?: string; fromPosition?: Position | string; maxCount?: number | bigint } = {}) {
      return reading(() => {
        const backwards = readOptions.direction === BACKWARDS;
        const from = readOptions.fromPosition ?? (backwards ? END : START);
        const at = positionOf(from);
        const max = Number(readOptions.maxCount ?? Number.MAX_SAFE_INTEGER);
        // A read from a position includes the event at it, as the server's does.
        const ordered = backwards ? log.filter((event) => event.position.commit <= at).reverse() : log.filter((event) => event.position.commit >= at);
        return ordered.slice(0, max);
      });
    },

    subscribeToAll(subscribeOptions: { fromPosition?: Position | string; filter?: Filter }) {
      const subscription = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: async () => undefined });
      const after = positionOf(subscribeOptions.fromPosition ?? START);
      const matches = (event: ServerEvent): boolean => {
        const filter = subscribeOptions.filter;
        if (!filter) return true;
        const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
        return filter.prefixes ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex ?? '').test(subject);
      };
      const send = (event: ServerEvent): void => {
        if (matches(event) && !subscription.destroyed) subscription.push({ event: structuredClone(event) });
      };
      setImmediate(() => {
        if (subscription.destroyed) return;
        // Start positions are exclusive for subscriptions.
        log.filter((event) => event.position.commit > after).forEach(send);
        subscription.emit('caughtUp');
        live.add(send);
      });
      subscription.on('close', () => live.delete(send));
      return subscription;
    },

    async dispose() {
      live.clear();
    },
  };
  return client as unknown as EventStoreDBClient;
}
