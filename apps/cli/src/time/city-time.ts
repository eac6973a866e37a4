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

/** Whether Intl knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's clock reading at an instant, field by field. */
function clockParts(timeZone: string, instant: number): Record<string, string> {
  return Object.fromEntries(formatter(timeZone).formatToParts(instant).map(({ type, value }) => [type, value]));
}

/** How far the zone's clocks are ahead of UTC at an instant, in ms. */
function offsetAt(timeZone: string, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const part = clockParts(timeZone, second);
  return Date.UTC(+part.year, +part.month - 1, +part.day, +part.hour, +part.minute, +part.second) - second;
}

/** An instant as city-hall time, e.g. `2026-01-05 09:00:00 EST`: what a director reads in an audit. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const part = clockParts(timeZone, instant);
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}

const DAY_MS = 86_400_000;

/**
 * The instant a local time in a zone denotes, as Temporal's 'compatible' disambiguation does:
 * a time skipped by a DST change moves forward by the gap, a repeated time takes its first occurrence.
 */
export function zonedInstant(local: LocalDateTime, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const offsetBefore = offsetAt(timeZone, wall - DAY_MS);
  const offsetAfter = offsetAt(timeZone, wall + DAY_MS);
  if (offsetBefore === offsetAfter) return wall - offsetBefore;
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((instant) => instant + offsetAt(timeZone, instant) === wall);
  return readings.length > 0 ? Math.min(...readings) : wall - offsetBefore;
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
