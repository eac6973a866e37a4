import { randomUUID } from 'node:crypto';
import type { EventStore, GlobalPosition, RecordedEvent, Subscription } from '@switchboard/event-store';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { applyArticleEvents } from '../knowledge/article-projection';
import { applyContactEvents } from '../knowledge/contact-projection';
import { applyPhoneCoverageEvents } from '../knowledge/coverage-projection';
import { PROJECTED_STREAM_PREFIXES, splitBatch } from './projected-streams';
import { GenerationSwitchedError } from '../errors';
import { activeGeneration, generationTables, TICKETS_PROJECTION } from '../store/generation-tables';
import type { ReadStore } from '../store/read-store';
import { applyBatch } from './apply-batch';
import { backfillFromLog } from './backfill';
import { EventBatcher } from './event-batcher';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { systemClock, type Clock } from './clock';
import { Lease } from './lease';
import { holderIdOf, localProcesses, type ProcessTable } from './lease-holder';
import { PositionWaiters } from './position-waiters';

export interface ProjectionRunnerOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly catalog: ServiceCatalog;
  /** The resident keys: tickets' contacts are opened with them; without them, sealed contacts project as absent. */
  readonly residentKeys?: ResidentKeyStore;
  /** Events per transaction at most; a smaller batch is written whenever the subscription pauses. Default 500. */
  readonly batchSize?: number;
  /** A lease not renewed for this long passes to a standby. Default 15 s. */
  readonly leaseTtlMs?: number;
  /** How often the active runner renews its lease. Default 5 s. */
  readonly heartbeatMs?: number;
  /** How often a standby tries to take the lease. Default 2 s. */
  readonly standbyRetryMs?: number;
  /**
   * Identifies this runner in the lease row. Default: this process's host, pid, start time and pid
   * space and a random id, so that a runner on the same host takes the lease at once when this
   * process is gone. An id of another form is never judged: its lease is taken only once expired.
   */
  readonly holderId?: string;
  /** The processes of this host, for judging whether another holder is gone; default what the OS reports. */
  readonly processes?: ProcessTable;
  readonly clock?: Clock;
  /** Failures the runner recovered from by stepping back to standby (lost lease, storage errors): log them. */
  readonly onError?: (error: unknown) => void;
  /** Called after each committed batch. */
  readonly onBatch?: (batch: { generation: number; position: GlobalPosition; events: number }) => void;
}

export type RunnerStatus = 'stopped' | 'standby' | 'active';

/**
 * Keeps the active generation of the ticket read models up to date from `$all`. Exactly one runner
 * per read store is active (a lease); others wait as standby and take over when it stops or dies
 * (at once when it ran on this host and its process is gone, else when its lease expires).
 * Each batch's rows and checkpoint are written in one transaction.
 */
export class ProjectionRunner {
  private state: RunnerStatus = 'stopped';
  private readonly lease: Lease;
  private readonly clock: Clock;
  private readonly waiters: PositionWaiters;
  private readonly listeners = new Set<(position: GlobalPosition) => void>();
  private readonly activationListeners = new Set<() => void>();
  private session = 0;
  private generation = 0;
  private subscription: Subscription | undefined;
  private readonly batcher: EventBatcher;
  private timer: unknown;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.clock = options.clock ?? systemClock;
    this.waiters = new PositionWaiters(this.clock);
    this.batcher = new EventBatcher({
      batchSize: options.batchSize ?? 500,
      session: () => this.session,
      write: (batch) => this.writeBatch(batch),
      fail: (error) => this.stepBack(error),
    });
    const processes = options.processes ?? localProcesses;
    this.lease = new Lease(
      options.readStore,
      TICKETS_PROJECTION,
      options.holderId ?? holderIdOf(processes.self, randomUUID()),
      options.leaseTtlMs ?? 15_000,
      processes,
    );
  }

  /** Whether this runner is writing (active), waiting for the lease (standby) or stopped. */
  get status(): RunnerStatus {
    return this.state;
  }

  /** Starts as standby and tries to take the lease at once; resolves when that first try is over (active or standby). */
  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'standby';
    await this.tryToActivate();
  }

  /** Stops delivering, writes what is buffered, and releases the lease for a standby. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    const wasActive = this.state === 'active';
    this.state = 'stopped';
    this.clock.clearTimeout(this.timer);
    await this.subscription?.close();
    this.subscription = undefined;
    if (wasActive) {
      await this.batcher.flush();
      await this.lease.release();
    }
    this.session++;
  }

  /** Registers a listener for each committed checkpoint; returns its removal. */
  onCheckpoint(listener: (position: GlobalPosition) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Registers a listener called each time this runner becomes active (took the lease); returns its removal. */
  onActive(listener: () => void): () => void {
    this.activationListeners.add(listener);
    return () => this.activationListeners.delete(listener);
  }

  /** Resolves when this runner has committed `position` or later; rejects with ReadModelTimeoutError after `timeoutMs`. */
  waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<void> {
    return this.waiters.wait(position, timeoutMs);
  }

  private async tryToActivate(): Promise<void> {
    if (this.state !== 'standby') return;
    try {
      if (!(await this.lease.tryAcquire(this.clock.now()))) return this.schedule(this.options.standbyRetryMs ?? 2_000, () => this.tryToActivate());
      if (this.state !== 'standby') return await this.lease.release();
      await this.activate();
    } catch (error) {
      this.stepBack(error);
    }
  }

  private async activate(): Promise<void> {
    const session = ++this.session;
    this.generation = await activeGeneration(this.options.readStore.db);
    // Facts an upgrade added are filled in from the log first: the projection continues from them.
    const backfilled = await backfillFromLog({
      eventStore: this.options.eventStore,
      readStore: this.options.readStore,
      generation: this.generation,
      renewIn: (trx) => this.lease.renewIn(trx, this.clock.now()),
      keepGoing: () => session === this.session && this.state === 'standby',
      residentKeys: this.options.residentKeys,
    });
    // Stopped meanwhile: the next runner resumes the backfill where this one left it.
    if (!backfilled) return this.lease.release();
    const checkpoint = await readCheckpoint(this.options.readStore.db, this.generation);
    if (session !== this.session || this.state !== 'standby') return;
    this.state = 'active';
    this.reach(checkpoint.position);
    this.batcher.clear();
    this.subscription = this.options.eventStore.subscribeToAll({
      after: checkpoint.position,
      filter: { streamPrefixes: [...PROJECTED_STREAM_PREFIXES] },
      onEvent: (event) => this.batcher.receive(session, event),
      onCaughtUp: () => this.batcher.scheduleFlush(session),
    });
    this.subscription.stopped.catch((error: unknown) => session === this.session && this.stepBack(error));
    this.heartbeat(session);
    for (const listener of this.activationListeners) listener();
  }

  private async writeBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const generation = this.generation;
    const last = batch[batch.length - 1];
    const { tickets, articles, contacts, phoneCoverage } = splitBatch(batch);
    const keys = this.options.residentKeys
      ? await this.options.residentKeys.ring([...new Set([...tickets, ...contacts].map((event) => event.streamName))])
      : undefined;
    await this.options.readStore.writeTransaction(async (trx) => {
      await this.lease.renewIn(trx, this.clock.now());
      const active = await activeGeneration(trx);
      if (active !== generation) throw new GenerationSwitchedError(generation, active);
      await applyBatch(trx, this.options.readStore.dialect, generationTables(generation), tickets, this.options.catalog, keys);
      await applyArticleEvents(trx, this.options.readStore, articles);
      await applyContactEvents(trx, this.options.readStore.dialect, contacts, {
        tickets,
        timeZone: this.options.catalog.config.calendar.timeZone,
        residentKeys: keys,
      });
      await applyPhoneCoverageEvents(trx, this.options.readStore.dialect, phoneCoverage);
      await writeCheckpoint(trx, generation, last, this.clock.now());
    });
    this.reach(last.globalPosition);
    this.options.onBatch?.({ generation, position: last.globalPosition, events: batch.length });
  }

  private heartbeat(session: number): void {
    this.schedule(this.options.heartbeatMs ?? 5_000, async () => {
      if (session !== this.session || this.state !== 'active') return;
      try {
        await this.lease.renew(this.clock.now());
        this.heartbeat(session);
      } catch (error) {
        if (session === this.session) this.stepBack(error);
      }
    });
  }

  /** Leaves the active role after a failure (the buffer is dropped: it is re-read from the checkpoint) and retries as standby. */
  private stepBack(error: unknown): void {
    if (this.state === 'stopped') return;
    this.session++;
    this.state = 'standby';
    this.batcher.clear();
    void this.subscription?.close();
    this.subscription = undefined;
    this.clock.clearTimeout(this.timer);
    this.options.onError?.(error);
    // A blue-green switch is not a failure: follow the new generation at once.
    const delay = error instanceof GenerationSwitchedError ? 0 : (this.options.standbyRetryMs ?? 2_000);
    this.schedule(delay, () => this.tryToActivate());
  }

  private schedule(ms: number, task: () => Promise<void>): void {
    this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(task, ms);
  }

  private reach(position: GlobalPosition | undefined): void {
    if (position === undefined) return;
    this.waiters.reach(position);
    for (const listener of this.listeners) listener(position);
  }
}
