import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ResidentRetentionWatcher, SlaWatchLoop } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ProjectionRunner, ReadModels } from '@switchboard/read-models';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { PROJECTION_RUNNER, READ_MODELS } from '../read-models/read-models.module';
import { RESIDENT_KEYS } from './resident-keys.module';

/**
 * The retention watcher inside the API process (the embedded default), on the SLA watcher's terms:
 * it scans on an interval while this process's projection runner holds the lease; with
 * SWITCHBOARD_PROJECTOR=off the separate projector scans instead.
 */
@Injectable()
export class ResidentRetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ResidentRetention');
  /** Exposed so tests drive scans by hand with their clock. */
  readonly watcher: ResidentRetentionWatcher;
  private readonly loop: SlaWatchLoop;

  constructor(
    @Inject(CATALOG) catalog: ServiceCatalog,
    @Inject(CLOCK) clock: Clock,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(RESIDENT_KEYS) keys: ResidentKeyStore,
    @Inject(READ_MODELS) readModels: ReadModels,
    @Inject(PROJECTION_RUNNER) runner: ProjectionRunner,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.watcher = new ResidentRetentionWatcher({
      catalog,
      store,
      keys,
      checks: readModels,
      now: () => clock.now(),
      observer: {
        erased: (record) => this.logger.log(`Resident data of ${record} erased: its retention period ran out`),
        failed: (record, error) =>
          this.logger.error(`Could not erase the resident data of ${record}; the next scan retries`, error instanceof Error ? error.stack : String(error)),
      },
    });
    this.loop = new SlaWatchLoop(this.watcher, {
      intervalMs: config.residentRetentionIntervalMs,
      mayWatch: () => runner.status === 'active',
      onError: (error) => this.logger.error('Retention scan failed; the next scan retries', error instanceof Error ? error.stack : String(error)),
    });
    runner.onActive(() => this.loop.wake());
  }

  onApplicationBootstrap(): void {
    if (this.config.projector === 'in-process') this.loop.start();
  }

  /** Stops scanning before the read models and the event store close. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
