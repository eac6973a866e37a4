import { DAY_MS } from './local-date';

/*
 * Instants are epoch milliseconds. A "wall" time is the local wall-clock reading expressed as
 * if it were UTC epoch milliseconds, so that day and time-of-day arithmetic on it is plain
 * integer arithmetic: local day number = floor(wall / DAY_MS).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the IANA time zone (it throws RangeError on unknown zones). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsetCache = new Map<string, number>();

/**
 * The zone's offset from UTC at an instant, in ms (wall = instant + offset). Intl is slow
 * (every SLA computation asks many times), so offsets are cached per quarter hour: since 1970
 * every zone's offsets are whole quarter hours and change on a quarter hour, so one reading
 * holds for the whole quarter. Earlier instants (local mean time) are always computed.
 */
export function zoneOffsetAt(timeZone: string, instant: number): number {
  if (instant < 0) return computeZoneOffset(timeZone, instant);
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size >= MAX_CACHED_OFFSETS) offsetCache.clear();
    offset = computeZoneOffset(timeZone, Math.floor(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeZoneOffset(timeZone: string, instant: number): number {
  // Intl formats whole seconds only; offsets never change within a second.
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - wholeSecond;
}

/** The local wall time of an instant. */
export function wallTimeOf(timeZone: string, instant: number): number {
  return instant + zoneOffsetAt(timeZone, instant);
}

/**
 * The instant a local wall time denotes.
 * A wall time skipped by a forward transition (02:30 on a spring-forward night) resolves as if
 * the clock had not yet moved, which lands the length of the gap later (03:30 daylight time).
 * A wall time that occurs twice (01:30 on a fall-back night) resolves to its first occurrence.
 * This is what Temporal calls the 'compatible' disambiguation. It assumes, as holds for every
 * real zone, that a zone changes its offset at most once within a day either side.
 */
export function instantOfWallTime(timeZone: string, wall: number): number {
  const offsetBefore = zoneOffsetAt(timeZone, wall - DAY_MS);
  const offsetAfter = zoneOffsetAt(timeZone, wall + DAY_MS);
  if (offsetBefore === offsetAfter) return wall - offsetBefore;
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallTimeOf(timeZone, instant) === wall);
  return readings.length > 0 ? Math.min(...readings) : wall - offsetBefore;
}
