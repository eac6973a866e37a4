import type { RosterException, WeeklySlot } from './roster-values';

export const ROSTER_STATUSES = ['unset', 'kept'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** A department's roster folded from its stream: the weekly slots, and the dates that differ, by date. */
export interface RosterState {
  readonly status: RosterStatus;
  readonly department?: string;
  readonly slots: readonly WeeklySlot[];
  readonly exceptions: readonly RosterException[];
  /** When it last changed, and by whom. */
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

export const initialRosterState: RosterState = { status: 'unset', slots: [], exceptions: [] };
