import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { TicketCommandHandler } from '@switchboard/ticket-service';
import { CATALOG } from '../../catalog/catalog.module';
import { CLOCK, type Clock } from '../../clock/clock';
import { SwitchboardMetrics } from '../../observability/switchboard-metrics';

/** The shared command pipeline, wired to the app's event store, catalog and clock. */
@Injectable()
export class TicketCommandService extends TicketCommandHandler {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CATALOG) catalog: ServiceCatalog, @Inject(CLOCK) clock: Clock, metrics: SwitchboardMetrics) {
    super(store, catalog, () => clock.now(), metrics);
  }
}
