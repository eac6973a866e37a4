import { isRealLocalTime, type LocalDateTime, zonedInstant } from '../time/city-time';

/** Reads one timestamp of a source file as an instant (epoch ms), or undefined when it does not match. */
export type TimestampReader = (text: string) => number | undefined;

const TOKENS: Record<string, { pattern: string; field: keyof LocalDateTime | 'meridiem' }> = {
  YYYY: { pattern: '(\\d{4})', field: 'year' },
  MM: { pattern: '(\\d{1,2})', field: 'month' },
  DD: { pattern: '(\\d{1,2})', field: 'day' },
  HH: { pattern: '(\\d{1,2})', field: 'hour' },
  hh: { pattern: '(\\d{1,2})', field: 'hour' },
  mm: { pattern: '(\\d{2})', field: 'minute' },
  ss: { pattern: '(\\d{2})', field: 'second' },
  A: { pattern: '(AM|PM|am|pm)', field: 'meridiem' },
};
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_LOCAL = 'YYYY-MM-DDTHH:mm:ss';
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A reader for a mapping's `timestampFormat`: `iso` (W3C/ISO 8601; without an offset it is local
 * time) or a pattern of YYYY MM DD HH hh mm ss A, e.g. `YYYY-MM-DD HH:mm:ss` or `MM/DD/YYYY hh:mm:ss A`.
 * Local times are read in `timeZone`; fractional seconds after `ss` are accepted.
 */
export function timestampReader(format: string, timeZone: string): TimestampReader {
  if (format === 'iso') {
    const local = timestampReader(ISO_LOCAL, timeZone);
    return (text) => {
      if (!ISO_WITH_OFFSET.test(text)) return local(text) ?? local(`${text}:00`);
      const instant = Date.parse(text);
      return Number.isNaN(instant) ? undefined : instant;
    };
  }
  const fields: (keyof LocalDateTime | 'meridiem')[] = [];
  const source = format.split(/(YYYY|MM|DD|HH|hh|mm|ss|A)/).map((piece) => {
    const token = TOKENS[piece];
    if (!token) return escape(piece);
    fields.push(token.field);
    return token.field === 'second' ? `${token.pattern}(?:\\.(\\d{1,9}))?` : token.pattern;
  });
  const regex = new RegExp(`^${source.join('')}$`);
  const twelveHour = format.includes('hh');
  return (text) => {
    const match = regex.exec(text.trim());
    if (!match) return undefined;
    const local: Record<string, number> = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    let pm: boolean | undefined;
    let group = 1;
    for (const field of fields) {
      const value = match[group++];
      if (field === 'meridiem') pm = value.toUpperCase() === 'PM';
      else local[field] = Number(value);
      if (field === 'second') local.millisecond = Number((match[group++] ?? '0').slice(0, 3).padEnd(3, '0'));
    }
    if (twelveHour && pm !== undefined) local.hour = (local.hour % 12) + (pm ? 12 : 0);
    const time = local as unknown as LocalDateTime;
    return isRealLocalTime(time) ? zonedInstant(time, timeZone) : undefined;
  };
}
