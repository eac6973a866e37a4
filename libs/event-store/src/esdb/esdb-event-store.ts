import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  WrongExpectedVersionError,
  type AppendResult as EsdbAppendResult,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventInput,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port/event-store';
import { ConcurrencyConflictError, InvalidArgumentError, StoreUnavailableError, StreamNotFoundError } from '../port/errors';
import type { ChainedEvent, ChainHead, ChainMigrationReport, SignedCheckpoint, TamperEvidence } from '../port/tamper-evidence';
import { readAllOptions, readStreamOptions } from '../port/read-options';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend, type PreparedEvent } from '../port/validation';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { mapEsdbError } from './errors';
import { refuseReserved, stampAppend } from './chain-stamp';
import { fromResolvedEvent, fromStored, rawFromResolved, toEventData } from './events';
import { EsdbLogChain } from './log-chain';
import { decodePosition } from './positions';
import { subscribeWithReconnect } from './resubscribing-subscription';
import { fromEsdbRevision, toEsdbExpectedRevision } from './revisions';
import { canonicalJson } from '../chain/canonical-json';

export interface EsdbEventStoreOptions {
  /** Checked before sending, so oversized events fail the same way on every adapter. */
  readonly maxEventBytes?: number;
  readonly reconnect?: BackoffOptions;
  /** Injected clock for `recordedAt`, which the adapter stamps (and hashes) before it sends an append. */
  readonly now?: () => Date;
  /** Events linked per batch of the log chain (default 1000); small in tests, to cross batches. */
  readonly chainBatch?: number;
}

/** Appends at 'any' or 'exists' that lost the stream to another writer between reading its end and writing: tried again. */
const RACING_ATTEMPTS = 20;

/** The stream's last event before an append: its revision (-1: none) and stream hash (null: genesis). */
interface StreamEnd {
  readonly revision: number;
  readonly streamHash: Buffer | null;
  readonly raw?: RecordedEvent;
}

/**
 * The production event store: EventStoreDB (single node or cluster) over gRPC, hash-chained
 * (docs/audit.md, "EventStoreDB"): each event's stream hash is stamped in its metadata and written
 * under the expected-revision check, and the log chain is extended by every append before it returns.
 */
export class EsdbEventStore implements EventStore, TamperEvidence {
  private readonly subscriptions = new Set<Subscription>();
  private readonly chain: EsdbLogChain;
  private readonly now: () => Date;
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.chain = new EsdbLogChain(client, this.now, options.chainBatch);
  }

  /** Connects with an `esdb://` or `esdb+discover://` connection string. */
  static connect(connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    try {
      return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
    } catch (error) {
      throw new InvalidArgumentError(`Invalid EventStoreDB connection string: ${(error as Error).message}`);
    }
  }

  async append(streamName: string, expected: ExpectedRevision, events: readonly EventInput[]): Promise<AppendResult> {
    this.ensureOpen();
    const prepared = prepareAppend(streamName, expected, events, this.options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    refuseReserved(streamName, prepared);
    for (let attempt = 1; ; attempt++) {
      const end = await this.streamEnd(streamName, expected);
      const retried = end.raw && prepared.findIndex((event) => event.id === end.raw?.id);
      if (end.raw && retried !== undefined && retried !== -1 && (expected === 'any' || expected === 'exists')) {
        // The stream ends with this append's events: a retry of an append already written.
        return this.chained(await this.confirmWritten(streamName, prepared, end.revision + prepared.length - 1 - retried));
      }
      if (end.raw && retried !== undefined && retried !== -1) {
        // The event at the expected revision is one of these: a retry sent at another place (the embedded adapters refuse it alike).
        throw new InvalidArgumentError(
          `Event id ${end.raw.id} is already stored as revision ${end.raw.revision} of "${streamName}"; ` +
            'a retry must resend the same events with the same expected revision, and new events need new ids.',
        );
      }
      // The stream hash links from the stream's last event, so the append is sent at that exact revision: EventStoreDB's check keeps the stream chain exact.
      const wire: AppendExpectedRevision =
        expected === 'any' || expected === 'exists' ? (end.revision === -1 ? NO_STREAM : BigInt(end.revision)) : toEsdbExpectedRevision(expected);
      const stamped = stampAppend(streamName, end.revision, end.streamHash, prepared, this.now());
      let result: EsdbAppendResult;
      try {
        result = await this.client.appendToStream(streamName, stamped.map(toEventData), { expectedRevision: wire });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && (expected === 'any' || expected === 'exists') && attempt < RACING_ATTEMPTS) continue;
        throw mapEsdbError(error, streamName);
      }
      return this.chained(await this.confirmWritten(streamName, prepared, fromEsdbRevision(result.nextExpectedRevision)));
    }
  }

  async *readChained(options: { readonly after?: string; readonly maxCount?: number } = {}): AsyncIterable<ChainedEvent> {
    this.ensureOpen();
    const { after, maxCount } = readAllOptions(options);
    if (after !== undefined) decodePosition(after);
    yield* this.chain.readChained(after, maxCount);
  }

  async chainHead(): Promise<ChainHead> {
    this.ensureOpen();
    return this.chain.head();
  }

  async saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    this.ensureOpen();
    await this.chain.saveCheckpoint(checkpoint);
  }

  async readCheckpoints(): Promise<SignedCheckpoint[]> {
    this.ensureOpen();
    return this.chain.readCheckpoints();
  }

  async chainMigration(): Promise<ChainMigrationReport | null> {
    this.ensureOpen();
    return this.chain.migrationReport();
  }

  /** An append's result once the log chain covers its events (a failure here leaves them written: a retry, idempotent, links them). */
  private async chained(result: AppendResult): Promise<AppendResult> {
    await this.chain.extend(result.position);
    return result;
  }

  /**
   * What an append links from: for an exact revision the event at it, for 'any' and 'exists' the
   * stream's last event (a conflict for 'exists' on no stream), for 'no_stream' genesis. An event
   * written before the store chained (no stamp) has the stream hash the migration gave it.
   */
  private async streamEnd(streamName: string, expected: ExpectedRevision): Promise<StreamEnd> {
    if (expected === 'no_stream') return { revision: -1, streamHash: null };
    const read =
      typeof expected === 'number'
        ? this.client.readStream(streamName, { direction: FORWARDS, fromRevision: BigInt(expected), maxCount: 1 })
        : this.client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    let raw: RecordedEvent | undefined;
    try {
      for await (const resolved of read) raw = rawFromResolved(resolved);
    } catch (error) {
      if (!(mapEsdbError(error, streamName) instanceof StreamNotFoundError)) throw mapEsdbError(error, streamName);
    } finally {
      await read.cancel().catch(() => undefined);
    }
    if (!raw) {
      if (expected === 'exists') throw new ConcurrencyConflictError(streamName, expected, 'no_stream');
      // An exact revision the stream does not have: EventStoreDB refuses the append (or answers a retry of it) whatever it links from.
      return { revision: typeof expected === 'number' ? expected : -1, streamHash: null };
    }
    const { stamp } = fromStored(raw);
    const streamHash = stamp ? Buffer.from(stamp.streamHash, 'hex') : await this.chain.streamHashAt(raw.globalPosition, raw.id);
    if (!streamHash) {
      throw new StoreUnavailableError(
        `The last event of "${streamName}" (revision ${raw.revision}) has no place in the hash chain: it was written around the store, and the stream cannot be extended until \`switchboard audit verify\` has been looked at.`,
      );
    }
    return { revision: raw.revision, streamHash, raw };
  }

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, fromRevision, maxCount } = readStreamOptions(streamName, options);
    const read = this.client.readStream(streamName, {
      direction: forwards ? FORWARDS : BACKWARDS,
      fromRevision: fromRevision === undefined ? (forwards ? START : END) : BigInt(fromRevision),
      maxCount: Number.isFinite(maxCount) ? maxCount : undefined,
    });
    yield* this.mapped(read, streamName);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, after, maxCount } = readAllOptions(options);
    const from = after === undefined ? undefined : decodePosition(after);
    const read = this.client.readAll({ direction: forwards ? FORWARDS : BACKWARDS, fromPosition: from ?? (forwards ? START : END) });
    let count = 0;
    for await (const event of this.mapped(read, '$all')) {
      // The server may include the starting position itself; `after` is exclusive in the port.
      if (event.globalPosition === after) continue;
      yield event;
      if (++count >= maxCount) return;
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = subscribeWithReconnect(this.client, options, this.options.reconnect ?? DEFAULT_BACKOFF);
    this.subscriptions.add(subscription);
    void subscription.stopped.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * EventStoreDB answers a retried append (same ids, same expected revision) with the original
   * result without comparing contents; reading the events back turns a reused id with different
   * content into an error, as on the other adapters, and supplies the position of the last event.
   */
  private async confirmWritten(streamName: string, events: readonly PreparedEvent[], lastRevision: number): Promise<AppendResult> {
    const firstRevision = lastRevision - events.length + 1;
    const stored: RecordedEvent[] = [];
    for await (const event of this.readStream(streamName, { fromRevision: firstRevision, maxCount: events.length })) stored.push(event);
    events.forEach((event, i) => {
      const found = stored[i];
      const same =
        found?.id === event.id &&
        found.type === event.type &&
        canonicalJson(found.data) === event.dataJson &&
        canonicalJson(found.metadata) === event.metadataJson;
      if (!same) {
        throw new InvalidArgumentError(
          `Event id ${event.id} is already stored in "${streamName}" with other content or as part of a different append; ` +
            'a retry must resend the same events with the same expected revision, and new events need new ids.',
        );
      }
    });
    return { nextExpectedRevision: lastRevision, position: stored[stored.length - 1].globalPosition };
  }

  /** Maps a client read to port events, hiding system events, mapping errors and cancelling the read when the caller stops. */
  private async *mapped(
    read: AsyncIterable<Parameters<typeof fromResolvedEvent>[0]> & { cancel(): Promise<void> },
    streamName: string,
  ): AsyncIterable<RecordedEvent> {
    try {
      for await (const resolved of read) {
        const event = fromResolvedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      throw mapEsdbError(error, streamName);
    } finally {
      await read.cancel().catch(() => undefined);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The EventStoreDB event store is closed.');
  }
}
