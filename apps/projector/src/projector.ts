import { readFileSync } from 'node:fs';
import { type CheckpointLoop, createEventStore, type EventStore, periodicCheckpoints, type SignedCheckpoint } from '@switchboard/event-store';
import {
  createReadStore,
  ProjectionRunner,
  QueueChangePruner,
  type QueueChangePruneResult,
  ReadModels,
  type ReadStore,
  resumeWindowOfDays,
  type RunnerStatus,
  systemClock,
} from '@switchboard/read-models';
import { parseCatalog, type ResidentKeyStore } from '@switchboard/ticketing';
import {
  openResidentKeyStore,
  ResidentRetentionWatcher,
  SlaWatcher,
  SlaWatchLoop,
  TicketCommandHandler,
  type SlaWatcherObserver,
} from '@switchboard/command-handling';
import { type Notifications, notificationsFor, Outbound, type OutboundDestination, type OutboundObserver } from '@switchboard/outbound';
import type { ProjectorConfig } from './projector-config';

export interface ProjectorHooks {
  readonly onError?: (error: unknown) => void;
  readonly sla?: SlaWatcherObserver;
  /** After each prune of the queue change log. */
  readonly pruned?: (result: QueueChangePruneResult) => void;
  /** After each signed checkpoint of the event log; `checkpointsOff` once at start when none will be written, and why. */
  readonly checkpointWritten?: (checkpoint: SignedCheckpoint) => void;
  readonly checkpointsOff?: (reason: string) => void;
  readonly now?: () => Date;
  /** Hears the outbound consumer's attempts and batches (metrics). */
  readonly outbound?: OutboundObserver;
  /** Destinations beside the webhooks and broker relays the configuration names (residents' and staff's notifications). */
  readonly outboundDestinations?: readonly OutboundDestination[];
}

/**
 * The production projector: keeps the read models up to date, watches SLAs, prunes the queue
 * change log to its resume window and signs checkpoints of the event log (docs/audit.md). Of
 * several projectors on one read store, the one holding the projection lease does all four (the others wait as standby), so the watcher never reads read
 * models another process is still writing behind.
 */
export class Projector {
  private constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly runner: ProjectionRunner,
    private readonly loop: SlaWatchLoop,
    private readonly pruner: QueueChangePruner,
    readonly readModels: ReadModels,
    /** The periodic checkpoints (undefined when no signing key is configured); its tick is exposed so tests write one without waiting. */
    readonly checkpoints: CheckpointLoop | undefined,
    private readonly residentKeys: ResidentKeyStore,
    private readonly retention: SlaWatchLoop,
    /** The outbound consumer (active or standby by its own lease) with the webhook subscriptions. */
    readonly outbound: Outbound,
    private readonly notifications: Notifications,
  ) {}

  /** Opens the stores and the catalog, starts the runner (active or standby) and the watch loop. */
  static async start(config: ProjectorConfig, hooks: ProjectorHooks = {}): Promise<Projector> {
    const catalog = parseCatalog(readFileSync(config.catalogPath, 'utf8'), config.catalogPath);
    const eventStore = createEventStore(config.eventStoreUrl);
    const readStore = await createReadStore(config.readStoreUrl);
    const residentKeys = openResidentKeyStore(config.eventStoreUrl, config.residentKeysPath);
    const runner = new ProjectionRunner({ eventStore, readStore, catalog, residentKeys, onError: hooks.onError });
    const readModels = new ReadModels({ eventStore, readStore, runner });
    const now = hooks.now ?? (() => new Date());
    const watcher = new SlaWatcher({
      catalog,
      handler: new TicketCommandHandler(eventStore, catalog, now, residentKeys),
      checks: readModels,
      now,
      observer: hooks.sla,
    });
    const loop = new SlaWatchLoop(watcher, { intervalMs: config.slaWatchIntervalMs, mayWatch: () => runner.status === 'active', onError: hooks.onError });
    runner.onActive(() => loop.wake());
    const retention = new SlaWatchLoop(new ResidentRetentionWatcher({ catalog, store: eventStore, keys: residentKeys, checks: readModels, now }), {
      intervalMs: config.residentRetentionIntervalMs,
      mayWatch: () => runner.status === 'active',
      onError: hooks.onError,
    });
    runner.onActive(() => retention.wake());
    const pruner = new QueueChangePruner(readStore, {
      resumeWindowMs: resumeWindowOfDays(config.queueFeedResumeDays),
      mayPrune: () => runner.status === 'active',
      clock: { ...systemClock, now },
      onPruned: hooks.pruned,
      onError: hooks.onError,
    });
    const checkpoints = periodicCheckpoints({
      store: eventStore,
      storeUrl: config.eventStoreUrl,
      keyFile: config.auditSigningKey,
      intervalMs: config.auditCheckpointIntervalMs,
      mayWrite: () => runner.status === 'active',
      now,
      timers: systemClock,
      onWritten: hooks.checkpointWritten,
      onError: hooks.onError,
    });
    if (!checkpoints.loop) hooks.checkpointsOff?.(checkpoints.reason);
    const notifications = notificationsFor(config.notifications, config.eventStoreUrl, {
      eventStore,
      readStore,
      keys: residentKeys,
      catalog,
      now,
      // The configuration requires SWITCHBOARD_PUBLIC_URL once a channel is on.
      fallbackPublicUrl: config.notifications.publicUrl ?? 'http://localhost:3000',
    });
    const outbound = new Outbound({
      eventStore,
      readStore,
      settings: config.outbound,
      destinations: [...notifications.destinations, ...(hooks.outboundDestinations ?? [])],
      clock: { ...systemClock, now },
      onError: hooks.onError,
      observer: hooks.outbound,
    });
    await runner.start();
    loop.start();
    retention.start();
    pruner.start();
    checkpoints.loop?.start();
    // Its own lease, beside the projection's: a standby projector takes over the deliveries as it takes over projecting.
    await outbound.start();
    return new Projector(eventStore, readStore, runner, loop, pruner, readModels, checkpoints.loop, residentKeys, retention, outbound, notifications);
  }

  /** Active (projecting and watching), standby (waiting for the lease) or stopped. */
  get status(): RunnerStatus {
    return this.runner.status;
  }

  /** Finishes a scan or prune in progress, writes what is buffered, hands the lease to a standby, closes the stores. */
  async stop(): Promise<void> {
    await this.checkpoints?.stop();
    await this.pruner.stop();
    await this.loop.stop();
    await this.retention.stop();
    await this.outbound.stop();
    await this.notifications.close();
    await this.runner.stop();
    await this.readStore.close();
    await this.eventStore.close();
    await this.residentKeys.close();
  }
}
