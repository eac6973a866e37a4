import { type ConfigReader, elementPath, parseClockTime, WEEKDAYS } from '@switchboard/ticketing';
import { readId } from '../shared/reading';
import { STAFF_ID } from './roster-values';

/** As many slots as a roster (or one date) may hold: far more than any line needs. */
const MAX_SLOTS = 300;

/** A staff member's id. */
export const readStaffId = (reader: ConfigReader, value: unknown, path: string): string | undefined => readId(reader, value, path, STAFF_ID, 'sam.dpw');

interface ReadSlot {
  readonly path: string;
  readonly key: string;
  readonly staffId: string;
  readonly from: number;
  readonly until: number;
}

/**
 * Reads a list of slots (weekly ones with a weekday, or a date's): each from–until a local time
 * 'HH:MM' ('24:00' ends at midnight), from before until; one staff member's slots of the same day
 * must not overlap (two slots of one person would count them twice).
 */
export function readSlots(reader: ConfigReader, value: unknown, path: string, weekly: boolean): void {
  const list = reader.list(value, path);
  if (!list) return;
  if (list.length > MAX_SLOTS) reader.report(path, `must hold at most ${MAX_SLOTS} slots (got ${list.length})`);
  const read: ReadSlot[] = [];
  list.forEach((item, index) => {
    const at = elementPath(path, index);
    const fields = reader.object(item, at, weekly ? ['weekday', 'from', 'until', 'staffId'] : ['from', 'until', 'staffId']);
    if (!fields) return;
    const weekday = weekly ? reader.oneOf(fields.weekday, `${at}.weekday`, WEEKDAYS) : 'date';
    const staffId = readStaffId(reader, fields.staffId, `${at}.staffId`);
    const from = readClock(reader, fields.from, `${at}.from`);
    const until = readClock(reader, fields.until, `${at}.until`);
    if (from !== undefined && until !== undefined && from >= until) reader.report(`${at}.until`, `must be after from (${String(fields.from)})`);
    else if (weekday && staffId && from !== undefined && until !== undefined) read.push({ path: at, key: `${weekday}\u0000${staffId}`, staffId, from, until });
  });
  for (const [index, slot] of read.entries()) {
    const earlier = read.slice(0, index).find((other) => other.key === slot.key && other.from < slot.until && slot.from < other.until);
    if (earlier) reader.report(slot.path, `overlaps ${earlier.path}: ${slot.staffId} would be scheduled twice at once`);
  }
}

function readClock(reader: ConfigReader, value: unknown, path: string): number | undefined {
  const text = reader.string(value, path);
  if (text === undefined) return undefined;
  const minutes = parseClockTime(text);
  if (minutes === undefined) reader.report(path, `must be a local time HH:MM, e.g. "08:30" (got ${JSON.stringify(text)})`);
  return minutes;
}
