import { randomUUID } from 'node:crypto';
import type { EventStore, GlobalPosition, RecordedEvent, Subscription } from '@switchboard/event-store';
import {
  EventBatcher,
  headPosition,
  holderIdOf,
  Lease,
  localProcesses,
  type Clock,
  type ProcessTable,
  type ReadStore,
  systemClock,
} from '@switchboard/read-models';
import type { DeliveryOutcome, OutboundDestination } from '../destination';
import {
  attemptOf,
  claimDue,
  type DueWork,
  insertPlanned,
  markSettled,
  nextDueAt,
  type PlannedRow,
  readOutboundCheckpoint,
  type RecordedOutcome,
  recordOutcome,
  resumeInterrupted,
  retrySettledHookAt,
  settledOf,
  writeOutboundCheckpoint,
} from './delivery-log';
import { outboundDb, outboundTransaction } from './outbound-db';
import { DEFAULT_RETRY_POLICY, retryDelayMs, retryPolicyProblems, type RetryPolicy } from './retry-policy';

/** Where a consumer without a checkpoint begins: after the events already in the log (`head`), or with the first (`beginning`). */
export type OutboundStart = 'head' | 'beginning';

/** What the consumer reports for metrics and logs. */
export interface OutboundObserver {
  /** One attempt finished: `delivered`, `failed` (to be retried) or `given_up`. */
  attempted?(destinationId: string, outcome: 'delivered' | 'failed' | 'given_up', seconds: number): void;
  /** One batch of the log was planned and its checkpoint committed. */
  planned?(batch: { readonly position: GlobalPosition; readonly events: number; readonly deliveries: number }): void;
}

export interface OutboundConsumerOptions {
  readonly eventStore: EventStore;
  /** Holds the delivery log, the checkpoint and the lease (migration 15). */
  readonly readStore: ReadStore;
  readonly destinations: readonly OutboundDestination[];
  /** Names the checkpoint and the lease; default `outbound`. */
  readonly name?: string;
  /** Where a consumer without a checkpoint begins; default `head`, so installing it on a long log does not send its history. */
  readonly startAt?: OutboundStart;
  /** Only events of streams with these prefixes are planned; default every stream. */
  readonly streamPrefixes?: readonly string[];
  readonly retry?: RetryPolicy;
  /** Deliveries attempted at once; default 8. */
  readonly concurrency?: number;
  /** Events per transaction at most; default 200. */
  readonly batchSize?: number;
  /** How often the active consumer looks for deliveries that another process scheduled (a replay) while it has nothing due; default 1 s. */
  readonly pollMs?: number;
  /** As the projection runner's: a lease not renewed for this long passes to a standby (15 s), renewed every 5 s; a standby retries every 2 s. */
  readonly leaseTtlMs?: number;
  readonly heartbeatMs?: number;
  readonly standbyRetryMs?: number;
  /** As the projection runner's: identifies this consumer in the lease row (default: this process, so a restart on the same host takes over at once). */
  readonly holderId?: string;
  readonly processes?: ProcessTable;
  readonly clock?: Clock;
  /** The jitter's randomness, in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Failures the consumer recovered from (a lost lease, storage errors, a destination that threw): log them. */
  readonly onError?: (error: unknown) => void;
  readonly observer?: OutboundObserver;
}

export type OutboundStatus = 'stopped' | 'standby' | 'active';

/**
 * The one outbound mechanism: a checkpointed consumer of `$all` that plans, for every event, the
 * deliveries its destinations call for and writes them to the delivery log in the same transaction
 * as its checkpoint, then performs them after the commit, each retried with back-off until it is
 * delivered or given up, every attempt recorded. One consumer per read store is active (a lease, as
 * the projection runner's); a standby takes over when it stops or dies, resuming interrupted
 * attempts with the same delivery ids. It runs beside the command path, never in it: a receiver that
 * fails delays only its own deliveries.
 */
export class OutboundConsumer {
  private state: OutboundStatus = 'stopped';
  private readonly lease: Lease;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private readonly destinations: ReadonlyMap<string, OutboundDestination>;
  private readonly name: string;
  private session = 0;
  private subscription: Subscription | undefined;
  private readonly batcher: EventBatcher;
  private leaseTimer: unknown;
  private dueTimer: unknown;
  private checkpoint: GlobalPosition | undefined;
  /** Deliveries being attempted (or settled hooks running) in this process. */
  private inFlight = 0;
  private claiming: Promise<void> | undefined;
  private claimAgain = false;
  private readonly idleWaiters = new Set<{ position: GlobalPosition | undefined; resolve: () => void }>();
  private writingOutcomes = false;
  /** Outcomes waiting to be written together (`record`). */
  private readonly outcomes: {
    row: DueWork['row'];
    outcome: DeliveryOutcome;
    resolve: (recorded: RecordedOutcome) => void;
    reject: (error: unknown) => void;
  }[] = [];

  constructor(private readonly options: OutboundConsumerOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const problems = retryPolicyProblems(this.retry);
    if (problems.length > 0) throw new Error(`Invalid retry policy: ${problems.join('; ')}`);
    this.name = options.name ?? 'outbound';
    this.destinations = new Map(options.destinations.map((destination) => [destination.id, destination]));
    if (this.destinations.size !== options.destinations.length) throw new Error('Outbound destinations must have distinct ids');
    const processes = options.processes ?? localProcesses;
    this.lease = new Lease(options.readStore, this.name, options.holderId ?? holderIdOf(processes.self, randomUUID()), options.leaseTtlMs ?? 15_000, processes);
    // Plans the buffered events; a planned batch may have made deliveries due, so the session claims them.
    this.batcher = new EventBatcher({
      batchSize: options.batchSize ?? 200,
      session: () => this.session,
      write: async (batch, session) => {
        await this.writeBatch(batch);
        if (session === this.session) this.claim(session);
      },
      fail: (error) => this.stepBack(error),
    });
  }

  get status(): OutboundStatus {
    return this.state;
  }

  /** The last position whose deliveries are in the log (as this process last committed or read it). */
  get position(): GlobalPosition | undefined {
    return this.checkpoint;
  }

  /** Starts as standby and tries to take the lease at once; resolves when that first try is over. */
  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'standby';
    await this.tryToActivate();
  }

  /** Stops reading and delivering, writes the planned batch, waits for attempts in flight, and releases the lease. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    const wasActive = this.state === 'active';
    this.state = 'stopped';
    this.clock.clearTimeout(this.leaseTimer);
    this.clock.clearTimeout(this.dueTimer);
    await this.subscription?.close();
    this.subscription = undefined;
    if (wasActive) {
      await this.batcher.flush();
      await this.claiming;
      await this.untilNothingInFlight();
      await this.lease.release().catch((error: unknown) => this.options.onError?.(error));
    }
    this.session++;
    this.releaseIdleWaiters(true);
  }

  /**
   * Resolves once this (active) consumer has planned the log through `position` (default: the log's
   * head now; give a position when a stream filter leaves the last events out) and has nothing due
   * left to attempt now: every delivery delivered, given up, or waiting for a later attempt. For tests
   * and benchmarks; it never times out by itself.
   */
  async idle(position?: GlobalPosition): Promise<void> {
    const through = position ?? (await headPosition(this.options.eventStore));
    return new Promise((resolve) => {
      this.idleWaiters.add({ position: through, resolve });
      this.kick();
    });
  }

  /** Looks for due deliveries now (after a replay scheduled some, say) instead of at the next poll. */
  kick(): void {
    if (this.state === 'active') this.claim(this.session);
  }

  private async tryToActivate(): Promise<void> {
    if (this.state !== 'standby') return;
    try {
      if (!(await this.lease.tryAcquire(this.clock.now()))) return this.scheduleLease(this.options.standbyRetryMs ?? 2_000, () => this.tryToActivate());
      if (this.state !== 'standby') return await this.lease.release();
      await this.activate();
    } catch (error) {
      this.stepBack(error);
    }
  }

  private async activate(): Promise<void> {
    const session = ++this.session;
    const head = this.options.startAt === 'beginning' ? undefined : await headPosition(this.options.eventStore);
    const position = await outboundTransaction(this.options.readStore, async (trx) => {
      const now = this.clock.now();
      await this.lease.renewIn(trx, now);
      await resumeInterrupted(trx, now);
      const checkpoint = await readOutboundCheckpoint(trx, this.name);
      if (checkpoint.exists) return checkpoint.position;
      await writeOutboundCheckpoint(trx, this.name, head, undefined, now);
      return head;
    });
    if (session !== this.session || this.state !== 'standby') return;
    this.state = 'active';
    this.checkpoint = position;
    this.batcher.clear();
    this.subscription = this.options.eventStore.subscribeToAll({
      after: position,
      ...(this.options.streamPrefixes ? { filter: { streamPrefixes: [...this.options.streamPrefixes] } } : {}),
      onEvent: (event) => this.batcher.receive(session, event),
      onCaughtUp: () => this.batcher.scheduleFlush(session),
    });
    this.subscription.stopped.catch((error: unknown) => session === this.session && this.stepBack(error));
    this.heartbeat(session);
    this.claim(session);
  }

  /** Asks every destination what each event calls for, then writes the deliveries and the checkpoint in one transaction. */
  private async writeBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const rows: PlannedRow[] = [];
    for (const event of batch) {
      for (const destination of this.destinations.values()) {
        for (const planned of await destination.plan(event)) {
          rows.push({ destinationId: destination.id, event, planned, hasSettledHook: destination.settled !== undefined });
        }
      }
    }
    const last = batch[batch.length - 1];
    await outboundTransaction(this.options.readStore, async (trx) => {
      const now = this.clock.now();
      await this.lease.renewIn(trx, now);
      await insertPlanned(trx, rows, now);
      await writeOutboundCheckpoint(trx, this.name, last.globalPosition, last.recordedAt, now);
    });
    this.checkpoint = last.globalPosition;
    this.options.observer?.planned?.({ position: last.globalPosition, events: batch.length, deliveries: rows.length });
  }

  /** Fills the pool of attempts from the due rows; serialised, so no row is claimed twice by this process. */
  private claim(session: number): void {
    if (this.claiming) {
      // Woken while a pass runs: another pass follows it, so a row planned meanwhile is not left to the poll.
      this.claimAgain = true;
      return;
    }
    this.claimAgain = false;
    this.claiming = this.claimPass(session).finally(() => {
      this.claiming = undefined;
      if (this.claimAgain && session === this.session && this.state === 'active') this.claim(session);
    });
  }

  private async claimPass(session: number): Promise<void> {
    try {
      for (;;) {
        const room = (this.options.concurrency ?? 8) - this.inFlight;
        if (room <= 0 || session !== this.session || this.state !== 'active') return;
        // A read first: an idle consumer polling for work writes (and syncs) nothing.
        const due = await nextDueAt(outboundDb(this.options.readStore.db));
        if (!due || due.getTime() > this.clock.now().getTime()) break;
        const work = await outboundTransaction(this.options.readStore, async (trx) => {
          const now = this.clock.now();
          await this.lease.renewIn(trx, now);
          return claimDue(trx, now, room);
        });
        for (const item of work) this.perform(session, item);
        if (work.length < room) break;
      }
      if (this.inFlight === 0) await this.scheduleNextDue(session);
    } catch (error) {
      if (session === this.session) this.stepBack(error);
    }
  }

  /** Wakes the loop when the next delivery falls due, or after `pollMs` for rows another process wrote. */
  private async scheduleNextDue(session: number): Promise<void> {
    const next = await nextDueAt(outboundDb(this.options.readStore.db));
    if (session !== this.session || this.state !== 'active') return;
    const now = this.clock.now().getTime();
    if (next && next.getTime() <= now) {
      this.claimAgain = true;
      return;
    }
    this.releaseIdleWaiters(false);
    const pollMs = this.options.pollMs ?? 1_000;
    const wait = next ? Math.min(next.getTime() - now, pollMs) : pollMs;
    this.clock.clearTimeout(this.dueTimer);
    this.dueTimer = this.clock.setTimeout(() => this.claim(session), wait);
  }

  private perform(session: number, work: DueWork): void {
    this.inFlight++;
    const task = work.kind === 'attempt' ? this.attempt(session, work.row) : this.settle(session, work.row);
    void task
      .catch((error: unknown) => {
        if (session === this.session) this.stepBack(error);
      })
      .finally(() => {
        this.inFlight--;
        if (session === this.session && this.state === 'active') this.claim(session);
        else if (this.inFlight === 0) this.releaseInFlightWaiters();
      });
  }

  private async attempt(session: number, row: DueWork['row']): Promise<void> {
    const destination = this.destinations.get(row.destination);
    const delivery = attemptOf(row);
    const started = Date.now();
    let outcome: DeliveryOutcome;
    if (!destination) {
      outcome = { status: 'failed', error: `no destination "${row.destination}" is configured in this process`, retryable: true };
    } else {
      try {
        outcome = await destination.deliver(delivery);
      } catch (error) {
        outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error), retryable: true };
      }
    }
    const recorded = await this.record(row, outcome);
    if (recorded.status === 'superseded') return;
    const seconds = (Date.now() - started) / 1000;
    this.options.observer?.attempted?.(row.destination, recorded.status === 'retrying' ? 'failed' : recorded.status, seconds);
    if (recorded.status === 'retrying' || !recorded.settlePending || !destination?.settled) return;
    if (session !== this.session) return;
    await this.runSettledHook(destination, { ...row, status: recorded.status }, recorded.settled);
  }

  /**
   * Records an attempt's outcome. Outcomes are written as a group commit: one transaction (which
   * renews the lease) for every outcome that arrived while the previous one was being written, instead
   * of one commit each.
   */
  private record(row: DueWork['row'], outcome: DeliveryOutcome): Promise<RecordedOutcome> {
    return new Promise((resolve, reject) => {
      this.outcomes.push({ row, outcome, resolve, reject });
      if (!this.writingOutcomes) void this.writeOutcomes();
    });
  }

  private async writeOutcomes(): Promise<void> {
    this.writingOutcomes = true;
    try {
      while (this.outcomes.length > 0) {
        const batch = this.outcomes.splice(0);
        try {
          const recorded = await outboundTransaction(this.options.readStore, async (trx) => {
            const now = this.clock.now();
            await this.lease.renewIn(trx, now);
            const results: RecordedOutcome[] = [];
            for (const { row, outcome } of batch) results.push(await recordOutcome(trx, row, outcome, now, this.retry, this.random));
            return results;
          });
          batch.forEach((pending, i) => pending.resolve(recorded[i]));
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.writingOutcomes = false;
    }
  }

  private async settle(session: number, row: DueWork['row']): Promise<void> {
    const destination = this.destinations.get(row.destination);
    if (!destination?.settled || session !== this.session) {
      // Nothing to call in this process: nothing left to do for it.
      if (!destination?.settled) await outboundTransaction(this.options.readStore, (trx) => markSettled(trx, row.delivery_id, this.clock.now()));
      return;
    }
    await this.runSettledHook(destination, row, settledOf(row));
  }

  private async runSettledHook(destination: OutboundDestination, row: DueWork['row'], settled: ReturnType<typeof settledOf>): Promise<void> {
    try {
      await destination.settled!(attemptOf(row), settled);
      await outboundTransaction(this.options.readStore, (trx) => markSettled(trx, row.delivery_id, this.clock.now()));
    } catch (error) {
      this.options.onError?.(error);
      const failures = Math.min(row.attempts, this.retry.maxAttempts);
      const retryAt = new Date(this.clock.now().getTime() + retryDelayMs(failures, this.retry, this.random));
      await outboundTransaction(this.options.readStore, (trx) =>
        retrySettledHookAt(trx, row.delivery_id, retryAt, error instanceof Error ? error.message : String(error)),
      );
    }
  }

  private heartbeat(session: number): void {
    this.scheduleLease(this.options.heartbeatMs ?? 5_000, async () => {
      if (session !== this.session || this.state !== 'active') return;
      try {
        await this.lease.renew(this.clock.now());
        this.heartbeat(session);
      } catch (error) {
        if (session === this.session) this.stepBack(error);
      }
    });
  }

  /** Leaves the active role after a failure (the unplanned buffer is dropped: it is read again from the checkpoint) and retries as standby. */
  private stepBack(error: unknown): void {
    if (this.state === 'stopped') return;
    this.session++;
    this.state = 'standby';
    this.batcher.clear();
    void this.subscription?.close();
    this.subscription = undefined;
    this.clock.clearTimeout(this.dueTimer);
    this.options.onError?.(error);
    this.scheduleLease(this.options.standbyRetryMs ?? 2_000, () => this.tryToActivate());
  }

  private scheduleLease(ms: number, task: () => Promise<void>): void {
    this.clock.clearTimeout(this.leaseTimer);
    this.leaseTimer = this.clock.setTimeout(task, ms);
  }

  private releaseIdleWaiters(all: boolean): void {
    for (const waiter of this.idleWaiters) {
      const planned = waiter.position === undefined || (this.checkpoint !== undefined && this.checkpoint >= waiter.position);
      if (all || (planned && this.batcher.empty && this.inFlight === 0)) {
        this.idleWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private readonly inFlightWaiters = new Set<() => void>();

  private untilNothingInFlight(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.inFlightWaiters.add(resolve));
  }

  private releaseInFlightWaiters(): void {
    for (const resolve of this.inFlightWaiters) resolve();
    this.inFlightWaiters.clear();
  }
}
