import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, type AppendResult as EsdbAppendResult } from '@eventstore/db-client';
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
import { InvalidArgumentError, StoreUnavailableError } from '../port/errors';
import { readAllOptions, readStreamOptions } from '../port/read-options';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend, type PreparedEvent } from '../port/validation';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { mapEsdbError } from './errors';
import { fromResolvedEvent, toEventData } from './events';
import { decodePosition } from './positions';
import { subscribeWithReconnect } from './resubscribing-subscription';
import { fromEsdbRevision, toEsdbExpectedRevision } from './revisions';
import { canonicalJson } from '../chain/canonical-json';

export interface EsdbEventStoreOptions {
  /** Checked before sending, so oversized events fail the same way on every adapter. */
  readonly maxEventBytes?: number;
  readonly reconnect?: BackoffOptions;
}

/** The production event store: EventStoreDB (single node or cluster) over gRPC. */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {}

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
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamName, prepared.map(toEventData), { expectedRevision: toEsdbExpectedRevision(expected) });
    } catch (error) {
      throw mapEsdbError(error, streamName);
    }
    return this.confirmWritten(streamName, prepared, fromEsdbRevision(result.nextExpectedRevision));
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
