import type { ConfigReader } from '@switchboard/ticketing';
import type { InvalidCommand } from '../shared/domain-errors';
import { commandProblems, readIsoDate, readText } from '../shared/reading';
import { readSlots, readStaffId } from './read-slots';
import type { RosterCommandType } from './roster-commands';

type Fields = Record<string, unknown>;
const MAX_REASON = 500;

const READERS: { readonly [T in RosterCommandType]: (reader: ConfigReader, fields: Fields) => void } = {
  SetWeeklyRoster: (r, f) => readSlots(r, f.slots, 'slots', true),
  SetRosterException: (r, f) => {
    readIsoDate(r, f.date, 'date');
    const away = r.list(f.away, 'away');
    const seen = r.repeatCheck('staff member');
    away?.forEach((id, index) => {
      const staffId = readStaffId(r, id, `away[${index}]`);
      if (staffId) seen(staffId, `away[${index}]`);
    });
    readSlots(r, f.extra, 'extra', false);
    if (Array.isArray(f.away) && Array.isArray(f.extra) && f.away.length === 0 && f.extra.length === 0) {
      r.report('away', 'an exception needs someone away or an extra slot; to follow the weekly roster on this date, clear its exception');
    }
    readText(r, f.reason, 'reason', MAX_REASON, true);
  },
  ClearRosterException: (r, f) => readIsoDate(r, f.date, 'date'),
};

const FIELDS: { readonly [T in RosterCommandType]: readonly string[] } = {
  SetWeeklyRoster: ['department', 'slots'],
  SetRosterException: ['department', 'date', 'away', 'extra', 'reason'],
  ClearRosterException: ['department', 'date'],
};

const withDepartment = Object.fromEntries(
  Object.entries(READERS).map(([type, read]) => [
    type,
    (reader: ConfigReader, fields: Fields) => {
      reader.string(fields.department, 'department');
      read(reader, fields);
    },
  ]),
) as typeof READERS;

/** Every field problem of a roster command, in the order found; empty when its shape is right. */
export const validateRosterCommand = (command: unknown): InvalidCommand<RosterCommandType>[] =>
  commandProblems<RosterCommandType>(command, withDepartment, FIELDS);
