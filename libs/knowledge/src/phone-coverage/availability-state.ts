export const AVAILABILITY_STATUSES = ['unmarked', 'available', 'away'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

/** A staff member's availability folded from its stream. */
export interface AvailabilityState {
  readonly status: AvailabilityStatus;
  readonly staffId?: string;
  /** The line they answer (or last answered). */
  readonly department?: string;
  /** Since when the status holds. */
  readonly since?: string;
  /** When a mark of available lapses: the end of the local day it was made on. */
  readonly until?: string;
}

export const initialAvailabilityState: AvailabilityState = { status: 'unmarked' };

/** Whether the staff member answers the line at `now`: marked available, and the mark has not lapsed. */
export const isAvailableAt = (state: AvailabilityState, now: Date): boolean =>
  state.status === 'available' && state.until !== undefined && now.getTime() < Date.parse(state.until);
