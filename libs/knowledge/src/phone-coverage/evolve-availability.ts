import type { StampedAvailabilityEvent } from './availability-events';
import { type AvailabilityState, initialAvailabilityState } from './availability-state';

/** Folds one recorded availability event, never judging it. */
export function evolveAvailability(state: AvailabilityState, event: StampedAvailabilityEvent): AvailabilityState {
  const { staffId, department } = event.data;
  const since = event.metadata.occurredAt;
  switch (event.type) {
    case 'MarkedAvailable':
      return { status: 'available', staffId, department, since, until: event.data.until };
    case 'MarkedAway':
      return { status: 'away', staffId, department, since };
    default:
      return state;
  }
}

/** Folds a stream's events, in order, into the availability they describe. */
export const foldAvailability = (events: readonly StampedAvailabilityEvent[], from: AvailabilityState = initialAvailabilityState): AvailabilityState =>
  events.reduce(evolveAvailability, from);
