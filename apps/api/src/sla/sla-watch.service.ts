import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ProjectionRunner, ReadModels } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { SlaWatcher, SlaWatchLoop, TicketCommandHandler } from '@switchboard/command-handling';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { SwitchboardMetrics } from '../observability/switchboard-metrics';
import { PROJECTION_RUNNER, READ_MODELS } from '../read-models/read-models.module';

/**
 * The SLA watcher inside the API process (the embedded default): it scans on an interval while
 * this process's projection runner holds the lease, so of several processes sharing a read store
 * one watches. With SWITCHBOARD_PROJECTOR=off the separate projector watches instead.
 */
@Injectable()
export class SlaWatchService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SlaWatcher');
  /** Exposed so tests drive scans by hand with their clock. */
  readonly watcher: SlaWatcher;
  private readonly loop: SlaWatchLoop;

  constructor(
    @Inject(CATALOG) catalog: ServiceCatalog,
    @Inject(CLOCK) clock: Clock,
    @Inject(READ_MODELS) readModels: ReadModels,
    @Inject(PROJECTION_RUNNER) runner: ProjectionRunner,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    commands: TicketCommandHandler,
    metrics: SwitchboardMetrics,
  ) {
    this.watcher = new SlaWatcher({
      catalog,
      handler: commands,
      checks: readModels,
      now: () => clock.now(),
      observer: {
        slaAction: (kind, ticketId) => {
          metrics.slaAction(kind);
          this.logger.log(`SLA action ${kind} on ticket ${ticketId}`);
        },
        failed: (ticketId, error) =>
          this.logger.error(`SLA watcher could not settle ticket ${ticketId}; the next scan retries`, error instanceof Error ? error.stack : String(error)),
      },
    });
    this.loop = new SlaWatchLoop(this.watcher, {
      intervalMs: config.slaWatchIntervalMs,
      mayWatch: () => runner.status === 'active',
      onError: (error) => this.logger.error('SLA scan failed; the next scan retries', error instanceof Error ? error.stack : String(error)),
    });
    // A process that takes over the lease (a restart, a standby) watches at once, not an interval later.
    runner.onActive(() => this.loop.wake());
  }

  onApplicationBootstrap(): void {
    if (this.config.projector === 'in-process') this.loop.start();
  }

  /** Stops scanning before the read models and the event store close (this module is imported after them). */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
