/**
 * Times in the city's zone (the catalog calendar's), whatever the browser's own zone is.
 * Pure: no DOM, so the browser and the unit tests share it.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall clock in `timeZone` at `instant`, as milliseconds of a UTC date with the same fields. */
function wallTime(timeZone: string, instant: number): number {
  const parts = partsFormat(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant a local date (`YYYY-MM-DD`, midnight) or date and time (`YYYY-MM-DDTHH:mm`) happens
 * in `timeZone`; undefined for text that is neither. A time that happens twice (the hour repeated
 * when clocks go back) is its first occurrence; a time skipped when clocks go forward is moved
 * forward by the change (02:30 on the spring-forward night in New York is 03:30).
 */
export function instantOfCityTime(timeZone: string, local: string): Date | undefined {
  const match = WALL.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(wall)) return undefined;
  // Offsets never change twice within a day: the one in force half a day before and after are the candidates.
  const offsetBefore = wallTime(timeZone, wall - 43_200_000) - (wall - 43_200_000);
  const offsetAfter = wallTime(timeZone, wall + 43_200_000) - (wall + 43_200_000);
  const readsBack = (offset: number) => wallTime(timeZone, wall - offset) === wall;
  // The earlier instant is the one with the larger offset.
  const candidates = [Math.max(offsetBefore, offsetAfter), Math.min(offsetBefore, offsetAfter)].filter(readsBack);
  return new Date(wall - (candidates[0] ?? offsetBefore));
}

/** The local date (`YYYY-MM-DD`) in `timeZone` at `instant`. */
export function cityDate(timeZone: string, instant: Date | string): string {
  return new Date(wallTime(timeZone, new Date(instant).getTime())).toISOString().slice(0, 10);
}

/** The local date and time (`YYYY-MM-DDTHH:mm`, as a datetime-local input holds it) in `timeZone`. */
export function cityDateTime(timeZone: string, instant: Date | string): string {
  return new Date(wallTime(timeZone, new Date(instant).getTime())).toISOString().slice(0, 16);
}

/** `YYYY-MM-DD` plus `days` (negative for earlier). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant for people: "Mon, Nov 2, 2026, 9:05 AM" in the city's zone. */
export function formatCityTime(timeZone: string, instant: string | Date | null | undefined): string {
  if (instant === null || instant === undefined) return '—';
  let format = displayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    displayFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** A duration for people: "3 h 20 min", "2 d 4 h", "45 s". */
export function formatDuration(milliseconds: number): string {
  const abs = Math.abs(milliseconds);
  const minutes = Math.floor(abs / 60_000);
  if (minutes < 1) return `${Math.floor(abs / 1000)} s`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
