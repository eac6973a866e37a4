import { WEEKDAYS } from '@switchboard/ticketing';
import type { RosterCommand } from './roster-commands';
import type { RosterEvent } from './roster-events';
import type { RosterState } from './roster-state';
import type { DateSlot, WeeklySlot } from './roster-values';

const slotKey = (s: WeeklySlot) => `${s.weekday}|${s.from}|${s.until}|${s.staffId}`;
const inWeekOrder = (a: WeeklySlot, b: WeeklySlot) =>
  WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || a.from.localeCompare(b.from) || a.staffId.localeCompare(b.staffId);
const byTime = (a: DateSlot, b: DateSlot) => a.from.localeCompare(b.from) || a.staffId.localeCompare(b.staffId);
/** Only the slot's own fields, in week order: what is recorded does not depend on how the request listed them. */
const weekly = (slots: readonly WeeklySlot[]): WeeklySlot[] =>
  slots.map(({ weekday, from, until, staffId }) => ({ weekday, from, until, staffId })).sort(inWeekOrder);

/** The fact a roster command accepted by the lifecycle produces (always one). */
export function emitRosterEvents(command: RosterCommand, roster: RosterState): RosterEvent[] {
  const { department } = command;
  switch (command.type) {
    case 'SetWeeklyRoster': {
      const slots = weekly(command.slots);
      const before = new Set(roster.slots.map(slotKey));
      const after = new Set(slots.map(slotKey));
      const added = slots.filter((s) => !before.has(slotKey(s)));
      const removed = roster.slots.filter((s) => !after.has(slotKey(s)));
      return [{ type: 'WeeklyRosterSet', data: { department, slots, added, removed } }];
    }
    case 'SetRosterException': {
      const replaced = roster.exceptions.find((e) => e.date === command.date);
      const extra = command.extra.map(({ from, until, staffId }) => ({ from, until, staffId })).sort(byTime);
      const data = { department, date: command.date, away: [...command.away].sort(), extra };
      return [
        {
          type: 'RosterExceptionSet',
          data: { ...data, ...(command.reason ? { reason: command.reason } : {}), ...(replaced ? { replaced } : {}) },
        },
      ];
    }
    case 'ClearRosterException':
      return [{ type: 'RosterExceptionCleared', data: { department, date: command.date, cleared: roster.exceptions.find((e) => e.date === command.date)! } }];
  }
}
