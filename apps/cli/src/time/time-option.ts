import type { CliIo } from '../cli-io';
import type { ParsedArgs } from '../command';
import { UsageError } from '../exit-codes';
import { stringOption } from '../parse-command-line';
import { zonedInstant } from './city-time';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a time given on the command line: an ISO instant with an offset, a local date-time, or a
 * date alone (the whole day: its start for `start`, the next day's start for `end`). Local forms
 * are read in `timeZone`, the city's, so "--to 2026-01-31" means the end of 31 January at city hall.
 */
export function parseTimeArgument(text: string, timeZone: string, edge: 'start' | 'end'): Date {
  if (WITH_OFFSET.test(text)) {
    const instant = Date.parse(text);
    if (!Number.isNaN(instant)) return new Date(instant);
  }
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1, 4).map(Number);
    const local = { year, month, day: edge === 'end' ? day + 1 : day, hour: 0, minute: 0, second: 0, millisecond: 0 };
    return new Date(zonedInstant(local, timeZone));
  }
  const full = LOCAL_DATE_TIME.exec(text);
  if (full) {
    const [year, month, day, hour, minute] = full.slice(1, 6).map(Number);
    const second = Number(full[6] ?? 0);
    const millisecond = Number((full[7] ?? '0').padEnd(3, '0'));
    return new Date(zonedInstant({ year, month, day, hour, minute, second, millisecond }, timeZone));
  }
  throw new Error(`"${text}" is not a time; use 2026-01-31, 2026-01-31T17:00 (city time) or 2026-01-31T22:00:00Z.`);
}

/** A time option, with the command named in the usage error when it is malformed. */
export function timeOption(args: ParsedArgs, name: string, timeZone: string, edge: 'start' | 'end', command: string): Date | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  try {
    return parseTimeArgument(text, timeZone, edge);
  } catch (error) {
    throw new UsageError(`--${name}: ${(error as Error).message}`, command);
  }
}

/** `--as-of`, defaulting to now. */
export function asOfOption(args: ParsedArgs, timeZone: string, io: CliIo, command: string): Date {
  return timeOption(args, 'as-of', timeZone, 'end', command) ?? io.now();
}
