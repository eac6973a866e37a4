import type { Fact, Stamped } from '../shared/stamp';
import type { DateSlot, RosterException, WeeklySlot } from './roster-values';

/** The weekly roster as now set, with the slots it added and removed against the one before (what an audit reads). */
export type WeeklyRosterSet = Fact<
  'WeeklyRosterSet',
  { department: string; slots: readonly WeeklySlot[]; added: readonly WeeklySlot[]; removed: readonly WeeklySlot[] }
>;
/** A date's exception as now set; `replaced` is the exception it replaced, if there was one. */
export type RosterExceptionSet = Fact<
  'RosterExceptionSet',
  { department: string; date: string; away: readonly string[]; extra: readonly DateSlot[]; reason?: string; replaced?: RosterException }
>;
/** The date follows the weekly roster again; `cleared` is the exception that was removed. */
export type RosterExceptionCleared = Fact<'RosterExceptionCleared', { department: string; date: string; cleared: RosterException }>;

/** Every fact that can happen to a department's roster. */
export type RosterEvent = WeeklyRosterSet | RosterExceptionSet | RosterExceptionCleared;
export type RosterEventType = RosterEvent['type'];
export type StampedRosterEvent<E extends RosterEvent = RosterEvent> = Stamped<E>;

/** The schema version written today for each roster event type. */
export const ROSTER_SCHEMA_VERSIONS: Readonly<Record<RosterEventType, number>> = {
  WeeklyRosterSet: 1,
  RosterExceptionSet: 1,
  RosterExceptionCleared: 1,
};
