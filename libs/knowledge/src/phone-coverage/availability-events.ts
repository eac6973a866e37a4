import type { Fact, Stamped } from '../shared/stamp';

/** The staff member answers the department's line from the event's time until `until` (the end of that local day), unless they mark away first. */
export type MarkedAvailable = Fact<'MarkedAvailable', { staffId: string; department: string; until: string }>;
/** The staff member stopped answering the department's line at the event's time. */
export type MarkedAway = Fact<'MarkedAway', { staffId: string; department: string }>;

/** Every fact that can happen to a staff member's availability. */
export type AvailabilityEvent = MarkedAvailable | MarkedAway;
export type AvailabilityEventType = AvailabilityEvent['type'];
export type StampedAvailabilityEvent<E extends AvailabilityEvent = AvailabilityEvent> = Stamped<E>;

/** The schema version written today for each availability event type. */
export const AVAILABILITY_SCHEMA_VERSIONS: Readonly<Record<AvailabilityEventType, number>> = { MarkedAvailable: 1, MarkedAway: 1 };
