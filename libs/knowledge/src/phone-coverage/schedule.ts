import { DAY_MS, isoDateOfDay, parseClockTime, parseIsoDate, instantOfWallTime, wallTimeOf, weekdayOfDay } from '@switchboard/ticketing';
import type { Interval } from './intervals';
import type { RosterState } from './roster-state';
import type { DateSlot } from './roster-values';

/** What of a roster scheduling reads: its weekly slots and dated exceptions. */
export type RosterSchedule = Pick<RosterState, 'slots' | 'exceptions'>;

/** A staff member scheduled on the line over an interval of instants. */
export interface ScheduledInterval extends Interval {
  readonly staffId: string;
}

/** The slots of one local date: the weekly slots of its weekday, less those of the staff away that date, plus the date's extra slots. */
export function slotsOnDate(roster: RosterSchedule, date: string): DateSlot[] {
  const day = parseIsoDate(date);
  if (day === undefined) throw new RangeError(`date: must be a date YYYY-MM-DD that exists (got ${JSON.stringify(date)})`);
  const exception = roster.exceptions.find((e) => e.date === date);
  const away = new Set(exception?.away ?? []);
  const weekday = weekdayOfDay(day);
  const weekly = roster.slots.filter((s) => s.weekday === weekday && !away.has(s.staffId)).map(({ from, until, staffId }) => ({ from, until, staffId }));
  return [...weekly, ...(exception?.extra ?? [])];
}

/** The local day number (days since 1970-01-01 in the zone) of an instant. */
export const localDayOf = (instant: number, timeZone: string): number => Math.floor(wallTimeOf(timeZone, instant) / DAY_MS);

/** Who is scheduled on a local day, as instants (local times resolve across daylight-saving changes as the calendar resolves them). */
export function scheduledOnDay(roster: RosterSchedule, day: number, timeZone: string): ScheduledInterval[] {
  const at = (clock: string) => instantOfWallTime(timeZone, day * DAY_MS + parseClockTime(clock)! * 60_000);
  return slotsOnDate(roster, isoDateOfDay(day)).map((slot) => ({ staffId: slot.staffId, from: at(slot.from), until: at(slot.until) }));
}
