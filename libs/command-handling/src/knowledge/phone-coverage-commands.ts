import type { EventStore } from '@switchboard/event-store';
import {
  type AvailabilityCommand,
  type AvailabilityEvent,
  type AvailabilityState,
  availabilityStream,
  decideAvailability,
  decideRoster,
  evolveAvailability,
  evolveRoster,
  initialAvailabilityState,
  initialRosterState,
  type RosterCommand,
  type RosterEvent,
  type RosterState,
  rosterStream,
} from '@switchboard/knowledge';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { type StreamAggregate, StreamCommandHandler } from '../stream-command-handler';

type Aggregate<C extends { readonly type: string }, S, F extends RosterEvent | AvailabilityEvent> = StreamAggregate<C, S, F> & {
  readonly statusOf: (state: S) => string;
};

/** Department rosters as the pipeline handles them: `roster-<department>` streams, folded and decided by the roster domain. */
export const rosterAggregate: Aggregate<RosterCommand, RosterState, RosterEvent> = {
  name: 'Roster',
  codec: rosterStream,
  initial: initialRosterState,
  evolve: evolveRoster,
  decide: decideRoster,
  idOf: (command) => command.department,
  statusOf: (state) => state.status,
};

/** Staff availability as the pipeline handles it: `availability-<staffId>` streams. */
export const availabilityAggregate: Aggregate<AvailabilityCommand, AvailabilityState, AvailabilityEvent> = {
  name: 'Availability',
  codec: availabilityStream,
  initial: initialAvailabilityState,
  evolve: evolveAvailability,
  decide: decideAvailability,
  idOf: (command) => command.staffId,
  statusOf: (state) => state.status,
};

export type RosterCommandHandler = StreamCommandHandler<RosterCommand, RosterState, RosterEvent>;
export type AvailabilityCommandHandler = StreamCommandHandler<AvailabilityCommand, AvailabilityState, AvailabilityEvent>;

/** The roster command pipeline on a store, with the catalog (its departments) and the clock. */
export const rosterCommandHandler = (store: EventStore, catalog: ServiceCatalog, now: () => Date): RosterCommandHandler =>
  new StreamCommandHandler(store, rosterAggregate, catalog, now);

/** The availability command pipeline on a store, with the catalog (its departments and time zone) and the clock. */
export const availabilityCommandHandler = (store: EventStore, catalog: ServiceCatalog, now: () => Date): AvailabilityCommandHandler =>
  new StreamCommandHandler(store, availabilityAggregate, catalog, now);
