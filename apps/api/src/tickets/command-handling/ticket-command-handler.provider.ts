import type { FactoryProvider } from '@nestjs/common';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { RESIDENT_KEYS } from '../../privacy/resident-keys.module';
import { CATALOG } from '../../catalog/catalog.module';
import { CLOCK, type Clock } from '../../clock/clock';
import { SwitchboardMetrics } from '../../observability/switchboard-metrics';

/**
 * The shared command pipeline, built once per process from the app's event store, catalog, clock
 * and metrics: commands are injected as `TicketCommandHandler`, the very class the SLA watcher and
 * the CLI construct, so the write side has one name and one face.
 */
export const ticketCommandHandlerProvider: FactoryProvider<TicketCommandHandler> = {
  provide: TicketCommandHandler,
  inject: [EVENT_STORE, CATALOG, CLOCK, SwitchboardMetrics, RESIDENT_KEYS],
  useFactory: (store: EventStore, catalog: ServiceCatalog, clock: Clock, metrics: SwitchboardMetrics, keys: ResidentKeyStore) =>
    new TicketCommandHandler(store, catalog, () => clock.now(), keys, metrics),
};
