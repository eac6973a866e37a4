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
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
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

/** How far the zone's clocks are ahead of UTC at an instant, in ms. */
function offsetAt(timeZone: string, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const part: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(second)) part[type] = Number(value);
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - second;
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
