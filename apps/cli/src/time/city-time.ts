import { instantOfWallTime } from '@switchboard/ticketing';

/** A local date and time as read from a file or the command line. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The zone's clock reading at an instant, field by field. */
function clockParts(timeZone: string, instant: number): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map(({ type, value }) => [type, value]),
  );
}

/** An instant as city-hall time, e.g. `2026-01-05 09:00:00 EST`: what a director reads in an audit. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const part = clockParts(timeZone, instant);
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}

/**
 * The instant a local time in a zone denotes, as Temporal's 'compatible' disambiguation does:
 * a time skipped by a DST change moves forward by the gap, a repeated time takes its first occurrence.
 */
export function zonedInstant(local: LocalDateTime, timeZone: string): number {
  return instantOfWallTime(timeZone, Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond));
}

/** Whether the fields name a real calendar date and clock time (no 31 February, no 25:00). */
export function isRealLocalTime(local: LocalDateTime): boolean {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  return (
    date.getUTCFullYear() === local.year &&
    date.getUTCMonth() === local.month - 1 &&
    date.getUTCDate() === local.day &&
    local.hour <= 23 &&
    local.minute <= 59 &&
    local.second <= 59
  );
}
