import type { Weekday } from '@switchboard/ticketing';

/** A staff member answering the department's main line on one weekday, from–until in the city's local time ('HH:MM'). */
export interface WeeklySlot {
  readonly weekday: Weekday;
  readonly from: string;
  readonly until: string;
  readonly staffId: string;
}

/** A slot of one date only (an exception's cover). */
export type DateSlot = Omit<WeeklySlot, 'weekday'>;

/**
 * One date that differs from the weekly roster: who of the weekly slots does not answer that day
 * (a sick day, leave), and who answers besides them (cover, a holiday rota).
 */
export interface RosterException {
  readonly date: string;
  readonly away: readonly string[];
  readonly extra: readonly DateSlot[];
  readonly reason?: string;
}

/** Staff ids are the city's user ids: letters, digits, '.', '-' and '_'. */
export const STAFF_ID = /^[A-Za-z0-9._-]{1,64}$/;
