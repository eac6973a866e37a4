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
import { StoreUnavailableError, StreamNotFoundError } from '../port/errors';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend } from '../port/validation';
import { decideAppend, type StoredEventRef } from '../embedded/append-rules';
import { startCatchUpSubscription } from '../embedded/catch-up-subscription';
import { positionToSequence, sequenceToPosition } from '../embedded/sequence-position';
import { readAllOptions, readStreamOptions } from '../port/read-options';
import type { ChainedEvent, ChainHead, ChainMigrationReport, SignedCheckpoint, TamperEvidence } from '../port/tamper-evidence';
import { chainHeadOf } from '../chain/chain-state';
import { appendedDigest, GENESIS_HASH, linkLog, linkStream } from '../chain/event-hash';

export interface InMemoryEventStoreOptions {
  readonly maxEventBytes?: number;
  /** Injected clock for `recordedAt`. */
  readonly now?: () => Date;
}

interface StoredEvent extends StoredEventRef {
  readonly event: RecordedEvent;
  readonly hash: Buffer;
  readonly streamHash: Buffer;
}

/** An event store in process memory with the same semantics (and hash chain) as the durable adapters; for tests. */
export class InMemoryEventStore implements EventStore, TamperEvidence {
  private readonly log: StoredEvent[] = [];
  private readonly checkpoints: SignedCheckpoint[] = [];
  private readonly byId = new Map<string, StoredEvent>();
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly options: InMemoryEventStoreOptions = {}) {}

  async append(streamName: string, expected: ExpectedRevision, events: readonly EventInput[]): Promise<AppendResult> {
    this.ensureOpen();
    const prepared = prepareAppend(streamName, expected, events, this.options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    const stream = this.streams.get(streamName) ?? [];
    const decision = decideAppend(streamName, expected, prepared, stream.length - 1, (id) => this.byId.get(id));
    if (decision.kind === 'already_written') return decision.result;
    const recordedAt = this.options.now?.() ?? new Date();
    for (const input of prepared) {
      const sequence = this.log.length + 1;
      // Parsing the stored JSON gives readers their own copy, as a real store would.
      const event: RecordedEvent = {
        id: input.id,
        type: input.type,
        data: JSON.parse(input.dataJson),
        metadata: JSON.parse(input.metadataJson),
        streamName,
        revision: stream.length,
        globalPosition: sequenceToPosition(sequence),
        recordedAt,
      };
      const previous = stream[stream.length - 1];
      const digest = appendedDigest(input, streamName, stream.length, recordedAt.toISOString());
      const hash = linkLog(this.log[this.log.length - 1]?.hash ?? GENESIS_HASH, digest);
      const streamHash = linkStream(previous?.streamHash ?? GENESIS_HASH, digest);
      const stored: StoredEvent = { ...input, streamName, revision: stream.length, sequence, event, hash, streamHash };
      stream.push(stored);
      this.log.push(stored);
      this.byId.set(input.id, stored);
    }
    this.streams.set(streamName, stream);
    this.listeners.forEach((listener) => listener());
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: last.event.globalPosition };
  }

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, fromRevision, maxCount } = readStreamOptions(streamName, options);
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(streamName);
    const start = fromRevision ?? (forwards ? 0 : stream.length - 1);
    const step = forwards ? 1 : -1;
    for (let i = start, n = 0; i >= 0 && i < stream.length && n < maxCount; i += step, n++) yield stream[i].event;
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, after, maxCount } = readAllOptions(options);
    const afterSequence = after === undefined ? (forwards ? 0 : this.log.length + 1) : positionToSequence(after);
    const step = forwards ? 1 : -1;
    // Sequence s lives at index s - 1.
    const first = forwards ? afterSequence : Math.min(afterSequence - 2, this.log.length - 1);
    for (let i = first, n = 0; i >= 0 && i < this.log.length && n < maxCount; i += step, n++) yield this.log[i].event;
  }

  async *readChained(options: { readonly after?: string; readonly maxCount?: number } = {}): AsyncIterable<ChainedEvent> {
    this.ensureOpen();
    const { after, maxCount } = readAllOptions(options);
    const first = after === undefined ? 0 : positionToSequence(after);
    for (let i = first, n = 0; i < this.log.length && n < maxCount; i++, n++) {
      const { event, hash, streamHash } = this.log[i];
      yield { ...event, chain: { hash: hash.toString('hex'), streamHash: streamHash.toString('hex') } };
    }
  }

  async chainHead(): Promise<ChainHead> {
    this.ensureOpen();
    const last = this.log[this.log.length - 1];
    const heads = [...this.streams].map(([streamName, events]) => ({
      streamName,
      revision: events.length - 1,
      streamHash: events[events.length - 1].streamHash,
    }));
    return chainHeadOf(this.log.length, last?.event.globalPosition ?? null, last?.hash ?? null, heads);
  }

  async saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    this.ensureOpen();
    this.checkpoints.push(structuredClone(checkpoint));
  }

  async readCheckpoints(): Promise<SignedCheckpoint[]> {
    return structuredClone(this.checkpoints);
  }

  async chainMigration(): Promise<ChainMigrationReport | null> {
    return null;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = startCatchUpSubscription(
      {
        pageSize: 1000,
        readPage: (afterSequence, limit) => this.log.slice(afterSequence, afterSequence + limit).map((stored) => stored.event),
        onAppended: (listener) => {
          this.listeners.add(listener);
          return () => this.listeners.delete(listener);
        },
      },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The in-memory event store is closed.');
  }
}
