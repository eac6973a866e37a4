import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type GlobalPosition } from '@switchboard/event-store';
import { createReadStore, ProjectionRunner, QueueChangePruner, ReadModels, type ReadStore, resumeWindowOfDays, systemClock } from '@switchboard/read-models';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { RESIDENT_KEYS } from '../privacy/resident-keys.module';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { type ApiConfig, defaultReadStoreUrl } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';

/** Injection token of the ReadModels (ticket list, department queues, metrics). */
export const READ_MODELS = 'switchboard:ReadModels';
/** Injection token of a CheckpointListeners: hears each batch this process's runner commits. */
export const CHECKPOINT_LISTENERS = 'switchboard:CheckpointListeners';
/** Injection token of this process's ReadStore (the knowledge base reads and indexes through it). */
export const READ_STORE = 'switchboard:ReadStore';
/** Injection token of this process's ProjectionRunner (started only with SWITCHBOARD_PROJECTOR=in-process). */
export const PROJECTION_RUNNER = 'switchboard:ProjectionRunner';
/** Injection token of the QueueChangePruner (runs with the in-process runner, while it holds the lease). */
export const QUEUE_CHANGE_PRUNER = 'switchboard:QueueChangePruner';

/** Registers a listener for each checkpoint committed in this process; returns its removal. */
export type CheckpointListeners = (listener: (position: GlobalPosition) => void) => () => void;

/** Stops the pruner and the projection runner before the event store closes, then closes the read store. */
@Injectable()
class ReadModelsShutdown implements OnModuleDestroy {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(QUEUE_CHANGE_PRUNER) private readonly pruner: QueueChangePruner,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.pruner.stop();
    await this.runner.stop();
    await this.readStore.close();
  }
}

/**
 * The read models, kept up to date by a projection runner inside the API process (the embedded
 * default). The runner's lease lets several API processes share one read store: one writes.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_STORE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => createReadStore(config.readStoreUrl ?? defaultReadStoreUrl(config.eventStoreUrl) ?? ''),
    },
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, READ_STORE, CATALOG, API_CONFIG, RESIDENT_KEYS],
      useFactory: (eventStore: EventStore, readStore: ReadStore, catalog: ServiceCatalog, config: ApiConfig, residentKeys: ResidentKeyStore) => {
        const logger = new Logger('ProjectionRunner');
        const runner = new ProjectionRunner({ eventStore, readStore, catalog, residentKeys, onError: (error) => logger.error(error) });
        // Production API instances leave projecting to apps/projector: the runner stays stopped.
        if (config.projector === 'in-process') runner.start();
        return runner;
      },
    },
    {
      provide: QUEUE_CHANGE_PRUNER,
      inject: [READ_STORE, PROJECTION_RUNNER, API_CONFIG, CLOCK],
      useFactory: (readStore: ReadStore, runner: ProjectionRunner, config: ApiConfig, clock: Clock) => {
        const logger = new Logger('QueueChangePruner');
        const pruner = new QueueChangePruner(readStore, {
          resumeWindowMs: resumeWindowOfDays(config.queueFeedResumeDays),
          // Of several processes sharing a read store, the one projecting prunes.
          mayPrune: () => runner.status === 'active',
          clock: { ...systemClock, now: () => clock.now() },
          onPruned: ({ deleted, prunedThrough }) => {
            if (deleted > 0) logger.log(`pruned ${deleted} queue changes; feeds resume after ${prunedThrough} or later`);
          },
          onError: (error) => logger.error('pruning the queue change log failed; the next run retries', error instanceof Error ? error.stack : String(error)),
        });
        if (config.projector === 'in-process') pruner.start();
        return pruner;
      },
    },
    {
      provide: READ_MODELS,
      inject: [EVENT_STORE, READ_STORE, PROJECTION_RUNNER],
      useFactory: (eventStore: EventStore, readStore: ReadStore, runner: ProjectionRunner) => new ReadModels({ eventStore, readStore, runner }),
    },
    {
      provide: CHECKPOINT_LISTENERS,
      inject: [PROJECTION_RUNNER],
      useFactory:
        (runner: ProjectionRunner): CheckpointListeners =>
        (listener) =>
          runner.onCheckpoint(listener),
    },
    ReadModelsShutdown,
  ],
  exports: [READ_MODELS, READ_STORE, CHECKPOINT_LISTENERS, PROJECTION_RUNNER, QUEUE_CHANGE_PRUNER],
})
export class ReadModelsModule {}
