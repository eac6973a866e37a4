import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ProjectionLag, ReadModels } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { type GaugeReading, SwitchboardMetrics } from '../observability/switchboard-metrics';
import { READ_MODELS } from './read-models.module';

/** The read store has no count query: a queue is counted by reading it, up to this many entries. */
export const OPEN_TICKETS_COUNT_LIMIT = 1000;
/** The projection the lag gauges report (the library's only one: tickets, queues and facts move together). */
const PROJECTION = 'tickets';

/** Scrape-time gauges of the read models: projection lag and open tickets per department. */
@Injectable()
export class ReadModelGauges implements OnModuleInit {
  private readonly logger = new Logger('ReadModelGauges');
  /** The measurement in flight: a scrape collects both lag gauges at once, and they share it. */
  private measuring: Promise<ProjectionLag> | undefined;

  constructor(
    private readonly metrics: SwitchboardMetrics,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'switchboard_projection_lag_events',
      'Ticket events not yet applied to the read models (a lower bound past 10,000).',
      ['projection'],
      () => this.readLag((lag) => lag.eventsBehind),
    );
    this.metrics.gauge(
      'switchboard_projection_lag_seconds',
      'Seconds since the last applied event was recorded, while events wait; 0 when caught up.',
      ['projection'],
      () => this.readLag((lag) => lag.secondsBehind),
    );
    this.metrics.gauge('switchboard_open_tickets', `Tickets in each department's queue (counted up to ${OPEN_TICKETS_COUNT_LIMIT}).`, ['department'], () =>
      this.openTickets(),
    );
  }

  private async readLag(figure: (lag: ProjectionLag) => number): Promise<GaugeReading[]> {
    this.measuring ??= this.readModels.lag().finally(() => {
      this.measuring = undefined;
    });
    try {
      return [{ labels: { projection: PROJECTION }, value: figure(await this.measuring) }];
    } catch (error) {
      // A scrape must still answer the other metrics when the read store is down.
      this.logger.warn(`projection lag unavailable: ${String(error)}`);
      return [];
    }
  }

  private async openTickets(): Promise<GaugeReading[]> {
    const now = this.clock.now();
    try {
      return await Promise.all(
        this.catalog.departments().map(async ({ code }) => ({
          labels: { department: code },
          value: (await this.readModels.departmentQueue(code, { now, limit: OPEN_TICKETS_COUNT_LIMIT })).length,
        })),
      );
    } catch (error) {
      this.logger.warn(`open tickets unavailable: ${String(error)}`);
      return [];
    }
  }
}
