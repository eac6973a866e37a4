import type { StampedRosterEvent } from './roster-events';
import { initialRosterState, type RosterState } from './roster-state';

const touched = (state: RosterState, event: StampedRosterEvent): RosterState => ({
  ...state,
  status: 'kept',
  department: event.data.department,
  updatedAt: event.metadata.occurredAt,
  updatedBy: event.metadata.actor.id,
});

/** Folds one recorded roster event into the roster, never judging it. */
export function evolveRoster(state: RosterState, event: StampedRosterEvent): RosterState {
  switch (event.type) {
    case 'WeeklyRosterSet':
      return { ...touched(state, event), slots: event.data.slots };
    case 'RosterExceptionSet': {
      const { date, away, extra, reason } = event.data;
      const others = state.exceptions.filter((e) => e.date !== date);
      const exception = { date, away, extra, ...(reason ? { reason } : {}) };
      return { ...touched(state, event), exceptions: [...others, exception].sort((a, b) => a.date.localeCompare(b.date)) };
    }
    case 'RosterExceptionCleared':
      return { ...touched(state, event), exceptions: state.exceptions.filter((e) => e.date !== event.data.date) };
    default:
      return state;
  }
}

/** Folds a stream's events, in order, into the roster they describe. */
export const foldRoster = (events: readonly StampedRosterEvent[], from: RosterState = initialRosterState): RosterState => events.reduce(evolveRoster, from);
