import type { FactoryProvider } from '@nestjs/common';
import { type AvailabilityCommandHandler, availabilityCommandHandler, type RosterCommandHandler, rosterCommandHandler } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';

/** Injection tokens of the roster and availability command pipelines. */
export const ROSTER_COMMANDS = 'switchboard:RosterCommands';
export const AVAILABILITY_COMMANDS = 'switchboard:AvailabilityCommands';

export const rosterCommandsProvider: FactoryProvider<RosterCommandHandler> = {
  provide: ROSTER_COMMANDS,
  inject: [EVENT_STORE, CATALOG, CLOCK],
  useFactory: (store: EventStore, catalog: ServiceCatalog, clock: Clock) => rosterCommandHandler(store, catalog, () => clock.now()),
};

export const availabilityCommandsProvider: FactoryProvider<AvailabilityCommandHandler> = {
  provide: AVAILABILITY_COMMANDS,
  inject: [EVENT_STORE, CATALOG, CLOCK],
  useFactory: (store: EventStore, catalog: ServiceCatalog, clock: Clock) => availabilityCommandHandler(store, catalog, () => clock.now()),
};
