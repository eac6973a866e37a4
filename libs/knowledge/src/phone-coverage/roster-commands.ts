import type { DateSlot, WeeklySlot } from './roster-values';

type Command<Type extends string, Fields> = Readonly<{ type: Type; department: string } & Fields>;

/** The department's weekly roster, whole: the slots replace the ones before. */
export type SetWeeklyRoster = Command<'SetWeeklyRoster', { slots: readonly WeeklySlot[] }>;
/** How one date differs from the weekly roster (replacing that date's exception, if any). */
export type SetRosterException = Command<'SetRosterException', { date: string; away: readonly string[]; extra: readonly DateSlot[]; reason?: string }>;
/** The date follows the weekly roster again. */
export type ClearRosterException = Command<'ClearRosterException', { date: string }>;

export type RosterCommand = SetWeeklyRoster | SetRosterException | ClearRosterException;
export type RosterCommandType = RosterCommand['type'];
