import type { Database } from 'better-sqlite3';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
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
import { EventStoreError, StoreUnavailableError, StreamNotFoundError } from '../port/errors';
import type { ChainedEvent, ChainHead, ChainMigrationReport, SignedCheckpoint, TamperEvidence } from '../port/tamper-evidence';
import { chainHeadOf, checkpointFromText, checkpointToText } from '../chain/chain-state';
import { appendedDigestBytes, GENESIS_BYTES, linkLogBytes, linkStreamBytes } from '../chain/event-hash';
import { readChainMigration } from './chain-migration';
import { readAllOptions, readStreamOptions } from '../port/read-options';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend, type PreparedEvent } from '../port/validation';
import { decideAppend, type StoredEventRef } from '../embedded/append-rules';
import { startCatchUpSubscription } from '../embedded/catch-up-subscription';
import { positionToSequence, sequenceToPosition } from '../embedded/sequence-position';
import { GroupCommit, type Outcome } from './group-commit';
import { openDatabase, type OpenDatabaseOptions } from './open-database';
import { isSqliteBusy, mapSqliteError, toChainedEvent, toRecordedEvent, type ChainedRow, type EventRow } from './rows';

export interface SqliteEventStoreOptions extends OpenDatabaseOptions {
  readonly maxEventBytes?: number;
  /** How often subscriptions look for events written by other processes (ms); default 1000. */
  readonly pollIntervalMs?: number;
  /** Rows per read page; the event loop gets a turn between pages. Default 1000. */
  readonly pageSize?: number;
  /** Injected clock for `recordedAt`. */
  readonly now?: () => Date;
  /** How long appends wait for a write lock held by another process before failing as unavailable (ms); default 10000. */
  readonly busyDeadlineMs?: number;
  /**
   * False writes events without their hashes: only the benchmark's baseline of the cost of
   * chaining opens a store so (`audit verify` reports every such event as unchained). Default true.
   */
  readonly chain?: boolean;
}

interface AppendRequest {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

const EVENTS = 'event_store_events';

/** The log's last hash as a batch's appends advance it. */
interface BatchChain {
  logHash: Buffer | null;
}

/**
 * The embedded, durable event store: one SQLite file in WAL mode, with group commit. Each event's
 * log and stream hashes are computed in the appending transaction (docs/audit.md).
 */
export class SqliteEventStore implements EventStore, TamperEvidence {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly groupCommit: GroupCommit<AppendRequest, AppendResult>;
  private readonly appendOne: (request: AppendRequest, recordedAt: string, chain: BatchChain) => AppendResult;
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pageSize: number;
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly path: string,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.statements = prepareStatements(db);
    this.pageSize = options.pageSize ?? 1000;
    // A nested better-sqlite3 transaction is a savepoint: a failing append rolls back alone.
    this.appendOne = db.transaction((request: AppendRequest, recordedAt: string, chain: BatchChain) => this.write(request, recordedAt, chain));
    this.groupCommit = new GroupCommit(
      (requests) => this.commit(requests),
      (error) => mapSqliteError(path, error),
      {
        isBusy: isSqliteBusy,
        busyDeadlineMs: options.busyDeadlineMs ?? 10_000,
      },
    );
  }

  /** Opens or creates the store at `path`; refuses files that are not a healthy event store of a known schema. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    return new SqliteEventStore(openDatabase(path, options), path, options);
  }

  async append(streamName: string, expected: ExpectedRevision, events: readonly EventInput[]): Promise<AppendResult> {
    this.ensureOpen();
    const prepared = prepareAppend(streamName, expected, events, this.options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    return this.groupCommit.submit({ streamName, expected, events: prepared });
  }

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, fromRevision, maxCount } = readStreamOptions(streamName, options);
    const statement = forwards ? this.statements.streamForwards : this.statements.streamBackwards;
    let next = fromRevision ?? (forwards ? 0 : Number.MAX_SAFE_INTEGER);
    let first = true;
    for await (const row of this.pages(maxCount, (limit) => statement.all(streamName, next, limit))) {
      first = false;
      next = row.revision + (forwards ? 1 : -1);
      yield toRecordedEvent(row);
    }
    if (first && this.currentRevision(streamName) === -1) throw new StreamNotFoundError(streamName);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, after, maxCount } = readAllOptions(options);
    const statement = forwards ? this.statements.allForwards : this.statements.allBackwards;
    let next = after === undefined ? (forwards ? 0 : Number.MAX_SAFE_INTEGER) : positionToSequence(after);
    for await (const row of this.pages(maxCount, (limit) => statement.all(next, limit))) {
      next = row.position;
      yield toRecordedEvent(row);
    }
  }

  async *readChained(options: { readonly after?: string; readonly maxCount?: number } = {}): AsyncIterable<ChainedEvent> {
    this.ensureOpen();
    const { after, maxCount } = readAllOptions(options);
    let next = after === undefined ? 0 : positionToSequence(after);
    for await (const row of this.pages(maxCount, (limit) => this.statements.chainedForwards.all(next, limit) as ChainedRow[])) {
      next = row.position;
      yield toChainedEvent(row);
    }
  }

  async chainHead(): Promise<ChainHead> {
    this.ensureOpen();
    return this.run(() =>
      this.db.transaction(() => {
        const last = this.statements.lastEvent.get();
        const { events } = this.statements.count.get() as { events: number };
        const heads = this.statements.streamHeads.all().map((row) => ({ streamName: row.stream_name, revision: row.revision, streamHash: row.stream_hash }));
        return chainHeadOf(events, last ? sequenceToPosition(last.position) : null, last?.hash ?? null, heads);
      })(),
    );
  }

  async saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    this.ensureOpen();
    this.run(() => this.statements.insertCheckpoint.run(checkpointToText(checkpoint)));
  }

  async readCheckpoints(): Promise<SignedCheckpoint[]> {
    this.ensureOpen();
    return this.run(() => this.statements.checkpoints.all()).map((row) => checkpointFromText(row.body));
  }

  async chainMigration(): Promise<ChainMigrationReport | null> {
    this.ensureOpen();
    return this.run(() => readChainMigration(this.db));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = startCatchUpSubscription(
      {
        pageSize: this.pageSize,
        pollIntervalMs: this.options.pollIntervalMs ?? 1000,
        readPage: (afterSequence, limit) => this.run(() => this.statements.allForwards.all(afterSequence, limit)).map(toRecordedEvent),
        onAppended: (listener) => {
          this.listeners.add(listener);
          return () => this.listeners.delete(listener);
        },
      },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.stopped.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  /** Writes a consistent copy of the database to `destination` while the store stays in use. */
  async backup(destination: string): Promise<void> {
    this.ensureOpen();
    await this.db.backup(destination).catch((error: unknown) => {
      throw mapSqliteError(this.path, error);
    });
  }

  /** Transactions committed and appends processed, to observe group commit. */
  stats(): { commits: number; appends: number } {
    return this.groupCommit.stats();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.groupCommit.flushAll();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private commit(requests: readonly AppendRequest[]): Outcome<AppendResult>[] {
    const recordedAt = (this.options.now?.() ?? new Date()).toISOString();
    const outcomes = this.db
      .transaction(() => {
        // The log's last hash, read once per batch under the write lock and carried from append to
        // append; an append refused in its savepoint leaves it as it was.
        const chain: BatchChain = { logHash: this.options.chain === false ? null : (this.statements.lastEvent.get()?.hash ?? null) };
        return requests.map((request): Outcome<AppendResult> => {
          try {
            return { ok: true, value: this.appendOne(request, recordedAt, chain) };
          } catch (error) {
            // Only the port's own refusals (conflict, bad input) are confined to their savepoint.
            // A storage failure (disk full, I/O) may already have rolled back the whole batch, so
            // it fails the batch: no caller may be told "failed" for an event that was stored.
            if (!(error instanceof EventStoreError)) throw error;
            return { ok: false, error };
          }
        });
      })
      .immediate();
    if (outcomes.some((outcome) => outcome.ok)) this.listeners.forEach((listener) => listener());
    return outcomes;
  }

  private write({ streamName, expected, events }: AppendRequest, recordedAt: string, chain: BatchChain): AppendResult {
    const head = this.run(() => this.statements.streamHead.get(streamName));
    const current = head?.revision ?? -1;
    const decision = decideAppend(streamName, expected, events, current, (id) => this.lookup(id));
    if (decision.kind === 'already_written') return decision.result;
    const chained = this.options.chain !== false;
    // Hashes carried from event to event as the latin1 text of their bytes, a Buffer (from the pool) only for the row.
    let logHash = chain.logHash?.toString('latin1') ?? GENESIS_BYTES;
    let streamHash = head?.stream_hash?.toString('latin1') ?? GENESIS_BYTES;
    let position = 0;
    let lastHash: Buffer | null = null;
    events.forEach((event, i) => {
      const revision = current + 1 + i;
      let hashes: [Buffer, Buffer] | [null, null] = [null, null];
      if (chained) {
        const digest = appendedDigestBytes(event, streamName, revision, recordedAt);
        logHash = linkLogBytes(logHash, digest);
        streamHash = linkStreamBytes(streamHash, digest);
        hashes = [Buffer.from(logHash, 'latin1'), Buffer.from(streamHash, 'latin1')];
      }
      const info = this.statements.insert.run(event.id, streamName, revision, event.type, event.dataJson, event.metadataJson, recordedAt, ...hashes);
      position = Number(info.lastInsertRowid);
      lastHash = hashes[0];
    });
    // Only once every row is in: an append refused in its savepoint leaves the batch's log hash as it was.
    chain.logHash = lastHash;
    return { nextExpectedRevision: current + events.length, position: sequenceToPosition(position) };
  }

  private currentRevision(streamName: string): number {
    return this.run(() => this.statements.currentRevision.get(streamName))?.revision ?? -1;
  }

  private lookup(eventId: string): StoredEventRef | undefined {
    const row = this.statements.byId.get(eventId);
    return (
      row && {
        streamName: row.stream_name,
        revision: row.revision,
        sequence: row.position,
        type: row.type,
        dataJson: row.data,
        metadataJson: row.metadata,
      }
    );
  }

  /** Runs keyset-paged queries, yielding to the event loop between pages so long reads never block it. */
  private async *pages<R extends EventRow>(maxCount: number, fetch: (limit: number) => R[]): AsyncIterable<R> {
    for (let remaining = maxCount; remaining > 0;) {
      const limit = Math.min(this.pageSize, remaining);
      const rows = this.run(() => fetch(limit));
      yield* rows;
      remaining -= rows.length;
      if (rows.length < limit) return;
      await yieldToEventLoop();
      this.ensureOpen();
    }
  }

  private run<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      throw mapSqliteError(this.path, error);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError(`Event store ${this.path} is closed.`);
  }
}

function prepareStatements(db: Database) {
  const columns = 'position, event_id, stream_name, revision, type, data, metadata, recorded_at';
  return {
    insert: db.prepare(
      `INSERT INTO ${EVENTS} (event_id, stream_name, revision, type, data, metadata, recorded_at, hash, stream_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamHead: db.prepare<[string], { revision: number; stream_hash: Buffer | null }>(
      `SELECT revision, stream_hash FROM ${EVENTS} WHERE stream_name = ? ORDER BY revision DESC LIMIT 1`,
    ),
    lastEvent: db.prepare<[], { position: number; hash: Buffer | null }>(`SELECT position, hash FROM ${EVENTS} ORDER BY position DESC LIMIT 1`),
    count: db.prepare(`SELECT COUNT(*) AS events FROM ${EVENTS}`),
    // SQLite takes the bare columns from the row holding the maximum.
    streamHeads: db.prepare<[], { stream_name: string; revision: number; stream_hash: Buffer }>(
      `SELECT stream_name, MAX(revision) AS revision, stream_hash FROM ${EVENTS} GROUP BY stream_name`,
    ),
    chainedForwards: db.prepare(`SELECT ${columns}, hash, stream_hash FROM ${EVENTS} WHERE position > ? ORDER BY position LIMIT ?`),
    insertCheckpoint: db.prepare(`INSERT INTO event_store_checkpoints (body) VALUES (?)`),
    checkpoints: db.prepare<[], { body: string }>(`SELECT body FROM event_store_checkpoints ORDER BY id`),
    currentRevision: db.prepare<[string], { revision: number | null }>(`SELECT MAX(revision) AS revision FROM ${EVENTS} WHERE stream_name = ?`),
    byId: db.prepare<unknown[], EventRow>(`SELECT ${columns} FROM ${EVENTS} WHERE event_id = ?`),
    streamForwards: db.prepare<unknown[], EventRow>(`SELECT ${columns} FROM ${EVENTS} WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?`),
    streamBackwards: db.prepare<unknown[], EventRow>(`SELECT ${columns} FROM ${EVENTS} WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
    allForwards: db.prepare<unknown[], EventRow>(`SELECT ${columns} FROM ${EVENTS} WHERE position > ? ORDER BY position LIMIT ?`),
    allBackwards: db.prepare<unknown[], EventRow>(`SELECT ${columns} FROM ${EVENTS} WHERE position < ? ORDER BY position DESC LIMIT ?`),
  };
}
