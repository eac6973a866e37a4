import { Pool, type PoolClient } from 'pg';
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
import { EventStoreError, InvalidArgumentError, StoreUnavailableError, StreamNotFoundError } from '../port/errors';
import { readAllOptions, readStreamOptions } from '../port/read-options';
import type { ChainedEvent, ChainHead, ChainMigrationReport, SignedCheckpoint, TamperEvidence } from '../port/tamper-evidence';
import { chainHeadOf, checkpointFromText, checkpointToText } from '../chain/chain-state';
import { CHAIN_MIGRATION_KEY } from './chain-migration';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend, type PreparedEvent } from '../port/validation';
import { decideAppend, type StoredEventRef } from '../embedded/append-rules';
import { startCatchUpSubscription } from '../embedded/catch-up-subscription';
import { positionToSequence, sequenceToPosition } from '../embedded/sequence-position';
import type { BackoffOptions } from '../esdb/backoff';
import type { Outcome } from '../sqlite/group-commit';
import { AppendNotifications } from './append-notifications';
import { insertBatch, type EventRowInput } from './append-statement';
import { parsePostgresUrl, poolConfig, type PostgresLocation } from './connection';
import { connectionIsSound, isUniqueViolation, mapPostgresError } from './errors';
import { EVENT_COLUMNS, REF_COLUMNS, toChainedEvent, toRecordedEvent, toStoredEventRef, type ChainedRow, type EventRow, type RefRow } from './rows';
import { PipelinedGroupCommit } from './pipelined-group-commit';
import { migrate } from './schema';

export interface PostgresEventStoreOptions {
  readonly maxEventBytes?: number;
  /** Connections in the pool (appends, reads, subscriptions' pages); the LISTEN connection comes on top. Default 10. */
  readonly maxConnections?: number;
  /** Batches of appends in flight at once (each on its own connection); default 2. */
  readonly maxBatchesInFlight?: number;
  /** Rows per read page. Default 1000. */
  readonly pageSize?: number;
  /** Subscriptions also look for new events this often (ms), in case a notification was lost; default 1000. */
  readonly pollIntervalMs?: number;
  /** Delays between attempts when the server cannot be reached (subscriptions and the LISTEN connection). */
  readonly reconnect?: BackoffOptions;
  /** Bound on connecting (ms); default 5000. */
  readonly connectTimeoutMs?: number;
  /** Bound on one query (ms), so a server cut off mid-query cannot hang a caller; default 30000. */
  readonly queryTimeoutMs?: number;
  /** Injected clock for `recordedAt`. */
  readonly now?: () => Date;
}

interface AppendRequest {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

const DEFAULT_RECONNECT: BackoffOptions = { initialDelayMs: 50, maxDelayMs: 2_000 };
/** Revisions remembered per stream for the fast path of `any`/`exists` appends. */
const MAX_CACHED_STREAMS = 10_000;

/**
 * The event store on PostgreSQL. Appends are group-committed: each batch is one statement that
 * takes its positions from a single-row head under that row's lock (see append-statement.ts), and
 * is decided again inside a transaction holding the same lock when the optimistic statement meets
 * a taken revision or event id. Subscriptions read pages after their last position, woken by
 * LISTEN/NOTIFY and a poll, and retry through connection loss from where they were. The append
 * function chains every batch under the head lock (docs/audit.md).
 */
export class PostgresEventStore implements EventStore, TamperEvidence {
  private readonly pool: Pool;
  private readonly groupCommit: PipelinedGroupCommit<AppendRequest, AppendResult>;
  private readonly notifications: AppendNotifications;
  private readonly subscriptions = new Set<Subscription>();
  private readonly revisions = new Map<string, number>();
  private readonly pageSize: number;
  private schema: string | undefined;
  private opening: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly location: PostgresLocation,
    private readonly options: PostgresEventStoreOptions,
  ) {
    const config = poolConfig(location, options.maxConnections ?? 10, {
      connectMs: options.connectTimeoutMs ?? 5_000,
      queryMs: options.queryTimeoutMs ?? 30_000,
    });
    this.pool = new Pool(config);
    // An idle connection the server closed (restart, failover) must not crash the process: the pool drops it.
    this.pool.on('error', () => undefined);
    this.pageSize = options.pageSize ?? 1000;
    this.groupCommit = new PipelinedGroupCommit(
      (requests) => this.commit(requests),
      (error) => mapPostgresError(location.display, error),
      options.maxBatchesInFlight ?? 2,
    );
    this.notifications = new AppendNotifications({ ...config, query_timeout: undefined }, () => this.schema, options.reconnect ?? DEFAULT_RECONNECT);
  }

  /**
   * Connects to `postgres://…[?schema=name]` without waiting: the schema is created or migrated on
   * first use (and tried again on the next use if the server was unreachable).
   */
  static connect(url: string, options: PostgresEventStoreOptions = {}): PostgresEventStore {
    return new PostgresEventStore(parsePostgresUrl(url), options);
  }

  /** Connects and migrates, failing now if the server cannot be reached or the schema is not ours. */
  static async open(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const store = PostgresEventStore.connect(url, options);
    try {
      await store.ready();
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /** Resolves once the schema is in place. */
  async ready(): Promise<void> {
    this.ensureOpen();
    return this.migrated();
  }

  /** The migration, started once (again after a failure); appends already accepted wait for it even while the store closes. */
  private migrated(): Promise<void> {
    this.opening ??= this.withClient(async (client) => {
      this.schema = await migrate(client, this.location.schema, this.location.display);
    }).catch((error: unknown) => {
      this.opening = undefined;
      throw mapPostgresError(this.location.display, error);
    });
    return this.opening;
  }

  async append(streamName: string, expected: ExpectedRevision, events: readonly EventInput[]): Promise<AppendResult> {
    this.ensureOpen();
    const prepared = prepareAppend(streamName, expected, events, this.options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    const nul = prepared.find((event) => event.type.includes('\u0000'));
    if (nul) throw new InvalidArgumentError(`Event ${nul.id}: the type must not contain NUL characters.`);
    return this.groupCommit.submit({ streamName, expected, events: prepared });
  }

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, fromRevision, maxCount } = readStreamOptions(streamName, options);
    await this.ready();
    const sql = forwards
      ? `SELECT ${EVENT_COLUMNS} FROM event_store_events WHERE stream_name = $1 AND revision >= $2 ORDER BY revision LIMIT $3`
      : `SELECT ${EVENT_COLUMNS} FROM event_store_events WHERE stream_name = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;
    let next = fromRevision ?? (forwards ? 0 : Number.MAX_SAFE_INTEGER);
    let first = true;
    for await (const row of this.pages(maxCount, (limit) => this.query<EventRow>(sql, [streamName, next, limit]))) {
      first = false;
      next = Number(row.revision) + (forwards ? 1 : -1);
      yield toRecordedEvent(row);
    }
    if (first) {
      const exists = await this.query(`SELECT 1 FROM event_store_events WHERE stream_name = $1 LIMIT 1`, [streamName]);
      if (exists.length === 0) throw new StreamNotFoundError(streamName);
    }
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const { forwards, after, maxCount } = readAllOptions(options);
    let next = after === undefined ? (forwards ? 0 : Number.MAX_SAFE_INTEGER) : positionToSequence(after);
    await this.ready();
    const sql = forwards
      ? `SELECT ${EVENT_COLUMNS} FROM event_store_events WHERE position > $1 ORDER BY position LIMIT $2`
      : `SELECT ${EVENT_COLUMNS} FROM event_store_events WHERE position < $1 ORDER BY position DESC LIMIT $2`;
    for await (const row of this.pages(maxCount, (limit) => this.query<EventRow>(sql, [next, limit]))) {
      next = Number(row.position);
      yield toRecordedEvent(row);
    }
  }

  async *readChained(options: { readonly after?: string; readonly maxCount?: number } = {}): AsyncIterable<ChainedEvent> {
    this.ensureOpen();
    const { after, maxCount } = readAllOptions(options);
    let next = after === undefined ? 0 : positionToSequence(after);
    await this.ready();
    const sql = `SELECT ${EVENT_COLUMNS}, hash, stream_hash FROM event_store_events WHERE position > $1 ORDER BY position LIMIT $2`;
    for await (const row of this.pages(maxCount, (limit) => this.query<ChainedRow>(sql, [next, limit]))) {
      next = Number(row.position);
      yield toChainedEvent(row);
    }
  }

  async chainHead(): Promise<ChainHead> {
    this.ensureOpen();
    await this.ready();
    try {
      return await this.withClient(async (client) => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
          const last = await client.query<{ position: string; hash: Buffer | null }>(
            `SELECT position, hash FROM event_store_events ORDER BY position DESC LIMIT 1`,
          );
          const count = await client.query<{ events: string }>(`SELECT count(*) AS events FROM event_store_events`);
          const heads = await client.query<{ stream_name: string; revision: string; stream_hash: Buffer }>(
            `SELECT DISTINCT ON (stream_name) stream_name, revision, stream_hash FROM event_store_events ORDER BY stream_name, revision DESC`,
          );
          await client.query('COMMIT');
          const [row] = last.rows;
          return chainHeadOf(
            Number(count.rows[0].events),
            row ? sequenceToPosition(Number(row.position)) : null,
            row?.hash ?? null,
            heads.rows.map((head) => ({ streamName: head.stream_name, revision: Number(head.revision), streamHash: head.stream_hash })),
          );
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      throw mapPostgresError(this.location.display, error);
    }
  }

  async saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    this.ensureOpen();
    await this.ready();
    await this.query(`INSERT INTO event_store_checkpoints (body) VALUES ($1)`, [checkpointToText(checkpoint)]);
  }

  async readCheckpoints(): Promise<SignedCheckpoint[]> {
    this.ensureOpen();
    await this.ready();
    const rows = await this.query<{ body: string }>(`SELECT body FROM event_store_checkpoints ORDER BY id`, []);
    return rows.map((row) => checkpointFromText(row.body));
  }

  async chainMigration(): Promise<ChainMigrationReport | null> {
    this.ensureOpen();
    await this.ready();
    const rows = await this.query<{ value: string }>(`SELECT value FROM event_store_meta WHERE key = $1`, [CHAIN_MIGRATION_KEY]);
    return rows[0] ? (JSON.parse(rows[0].value) as ChainMigrationReport) : null;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = startCatchUpSubscription(
      {
        pageSize: this.pageSize,
        pollIntervalMs: this.options.pollIntervalMs ?? 1000,
        retryUnavailable: this.options.reconnect ?? DEFAULT_RECONNECT,
        readPage: async (afterSequence, limit) => {
          await this.ready();
          const rows = await this.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event_store_events WHERE position > $1 ORDER BY position LIMIT $2`, [
            afterSequence,
            limit,
          ]);
          return rows.map(toRecordedEvent);
        },
        onAppended: (listener) => this.notifications.subscribe(listener),
      },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.stopped.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  /** Batches committed and appends processed, to observe group commit. */
  stats(): { commits: number; appends: number } {
    return this.groupCommit.stats();
  }

  /** Commits the appends already accepted, stops the subscriptions and closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.groupCommit.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.notifications.close();
    await this.pool.end().catch(() => undefined);
  }

  private async commit(requests: readonly AppendRequest[]): Promise<Outcome<AppendResult>[]> {
    await this.migrated();
    const recordedAt = this.options.now?.() ?? new Date();
    const outcomes = (await this.commitOptimistically(requests, recordedAt)) ?? (await this.commitLocked(requests, recordedAt));
    if (outcomes.some((outcome) => outcome.ok)) this.notifications.wake();
    return outcomes;
  }

  /**
   * The common case in one round trip: every request's first revision is known without reading
   * (an exact expected revision, a new stream, or a revision this process saw last), and the
   * statement writes the whole batch or nothing. Undefined means: decide it under the lock.
   */
  private async commitOptimistically(requests: readonly AppendRequest[], recordedAt: Date): Promise<Outcome<AppendResult>[] | undefined> {
    const rows: EventRowInput[] = [];
    const streams = new Set<string>();
    for (const { streamName, expected, events } of requests) {
      if (streams.has(streamName)) return undefined;
      streams.add(streamName);
      const known = this.revisions.get(streamName);
      let current: number;
      // An exact expected revision the stream has not reached fails the statement (its predecessor is not stored).
      if (typeof expected === 'number') current = expected;
      else if (expected === 'no_stream') current = -1;
      else if (known !== undefined) current = known;
      else if (expected === 'any') current = -1;
      else return undefined;
      events.forEach((event, i) => rows.push({ ...event, streamName, revision: current + 1 + i }));
    }
    let base: number | undefined;
    try {
      base = await this.withClient((client) => insertBatch(client, rows, recordedAt));
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    if (base === undefined) return undefined;
    let written = 0;
    return requests.map(({ streamName, events }) => {
      written += events.length;
      const last = rows[written - 1].revision;
      this.remember(streamName, last);
      return { ok: true, value: { nextExpectedRevision: last, position: sequenceToPosition(base + written) } };
    });
  }

  /** Decides each request against the log as it is under the head lock, then writes what was decided, in one transaction. */
  private async commitLocked(requests: readonly AppendRequest[], recordedAt: Date): Promise<Outcome<AppendResult>[]> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const outcomes = await this.decideLocked(client, requests, recordedAt);
        await client.query('COMMIT');
        return outcomes;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  private async decideLocked(client: PoolClient, requests: readonly AppendRequest[], recordedAt: Date): Promise<Outcome<AppendResult>[]> {
    const head = await client.query<{ position: string }>(`SELECT position FROM event_store_head FOR UPDATE`);
    let position = Number(head.rows[0].position);
    const names = [...new Set(requests.map((request) => request.streamName))];
    const ids = requests.flatMap((request) => request.events.map((event) => event.id));
    const [currents, refs] = await Promise.all([
      client.query<{ stream_name: string; revision: string }>(
        `SELECT stream_name, max(revision) AS revision FROM event_store_events WHERE stream_name = ANY($1::text[]) GROUP BY stream_name`,
        [names],
      ),
      client.query<RefRow>(`SELECT ${REF_COLUMNS} FROM event_store_events WHERE event_id = ANY($1::uuid[])`, [ids]),
    ]);
    const current = new Map(currents.rows.map((row) => [row.stream_name, Number(row.revision)]));
    const stored = new Map<string, StoredEventRef>(refs.rows.map((row) => [row.event_id, toStoredEventRef(row)]));
    const rows: EventRowInput[] = [];
    const outcomes = requests.map(({ streamName, expected, events }): Outcome<AppendResult> => {
      try {
        const revision = current.get(streamName) ?? -1;
        const decision = decideAppend(streamName, expected, events, revision, (id) => stored.get(id));
        if (decision.kind === 'already_written') return { ok: true, value: decision.result };
        events.forEach((event, i) => {
          const row = { ...event, streamName, revision: revision + 1 + i };
          rows.push(row);
          stored.set(event.id, { ...row, sequence: ++position });
        });
        current.set(streamName, revision + events.length);
        return { ok: true, value: { nextExpectedRevision: revision + events.length, position: sequenceToPosition(position) } };
      } catch (error) {
        if (!(error instanceof EventStoreError)) throw error;
        return { ok: false, error };
      }
    });
    if (rows.length > 0) await insertBatch(client, rows, recordedAt);
    current.forEach((revision, streamName) => this.remember(streamName, revision));
    return outcomes;
  }

  private remember(streamName: string, revision: number): void {
    if (this.revisions.size >= MAX_CACHED_STREAMS && !this.revisions.has(streamName)) this.revisions.clear();
    this.revisions.set(streamName, revision);
  }

  /** Keyset-paged reads: one query per page, so a long read never holds a connection or a snapshot for long. */
  private async *pages<T>(maxCount: number, fetch: (limit: number) => Promise<T[]>): AsyncIterable<T> {
    for (let remaining = maxCount; remaining > 0;) {
      const limit = Math.min(this.pageSize, remaining);
      const rows = await fetch(limit);
      yield* rows;
      remaining -= rows.length;
      if (rows.length < limit) return;
      this.ensureOpen();
    }
  }

  private async query<T extends object>(sql: string, values: unknown[]): Promise<T[]> {
    try {
      return await this.withClient(async (client) => (await client.query<T>(sql, values)).rows);
    } catch (error) {
      throw mapPostgresError(this.location.display, error);
    }
  }

  /** Runs `work` on a pooled connection; a connection that failed other than by a plain SQL error is discarded. */
  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw mapPostgresError(this.location.display, error);
    }
    // A connection that dies while checked out emits 'error' besides failing its query; the pool listens only while it is idle.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    try {
      const result = await work(client);
      client.off('error', ignore);
      client.release();
      return result;
    } catch (error) {
      if (connectionIsSound(error)) {
        client.off('error', ignore);
        client.release();
      } else {
        // Destroyed, not pooled again: the dying connection may still emit 'error' (a terminated
        // backend's FATAL message arrives after the failed query), with nobody else listening.
        client.release(error as Error);
      }
      throw error;
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError(`Event store ${this.location.display} is closed.`);
  }
}
