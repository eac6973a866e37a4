import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { Outbound, type OutboundDestination, registerOutboundMetrics } from '@switchboard/outbound';
import type { ReadStore } from '@switchboard/read-models';
import { systemClock } from '@switchboard/read-models';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { SwitchboardMetrics } from '../observability/switchboard-metrics';
import { READ_STORE } from '../read-models/read-models.module';

/** Injection token of this process's Outbound (the consumer, the webhook subscriptions and their replay). */
export const OUTBOUND = 'switchboard:Outbound';
/**
 * Injection token of more destinations for the consumer (residents' and staff's notifications): a
 * `@Global()` module that provides it (an array) adds them; without one, the consumer delivers
 * webhooks and the broker relays the configuration names.
 */
export const OUTBOUND_DESTINATIONS = 'switchboard:OutboundDestinations';

/**
 * Starts the consumer in the embedded default (SWITCHBOARD_PROJECTOR=in-process), as the projection
 * runner is started; with a separate projector it runs there, and this process only manages the
 * webhook subscriptions (the delivery log is shared through the read store). Stops it before the
 * read store closes (this module is imported after the read models).
 */
@Injectable()
class OutboundLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(OUTBOUND) private readonly outbound: Outbound,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.projector === 'in-process') await this.outbound.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.outbound.stop();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: OUTBOUND,
      inject: [EVENT_STORE, READ_STORE, API_CONFIG, CLOCK, SwitchboardMetrics, { token: OUTBOUND_DESTINATIONS, optional: true }],
      useFactory: (
        eventStore: EventStore,
        readStore: ReadStore,
        config: ApiConfig,
        clock: Clock,
        metrics: SwitchboardMetrics,
        destinations: readonly OutboundDestination[] | undefined,
      ) => {
        const logger = new Logger('Outbound');
        let outbound: Outbound | undefined;
        const observer = registerOutboundMetrics(
          metrics.registry,
          () => outbound!.lag(),
          (error) => logger.warn(`outbound lag unavailable: ${String(error)}`),
        );
        outbound = new Outbound({
          eventStore,
          readStore,
          settings: config.outbound,
          destinations: destinations ?? [],
          // Timers stay real (the consumer's back-off and lease); the API's clock gives the time, as the pruner's does.
          clock: { ...systemClock, now: () => clock.now() },
          onError: (error) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
          observer,
        });
        return outbound;
      },
    },
    OutboundLifecycle,
  ],
  exports: [OUTBOUND],
})
export class OutboundModule {}
