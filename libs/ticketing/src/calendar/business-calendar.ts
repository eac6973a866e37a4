import { CalendarConfigError } from './calendar-config-error';
import type { CalendarConfig } from './calendar-config';
import { calendarConfigProblems } from './calendar-config-problems';
import { DAY_MS } from './local-date';
import { OpeningHoursTable, type OpenSpan } from './opening-hours';
import type { Sla } from '../sla/sla-duration';
import { wallTimeOf } from './zoned-time';

const HOUR_MS = 3_600_000;

/**
 * The city's business clock. Business time is the union of each open day's half-open span
 * [opening, closing) in the configured time zone; weekdays without hours and holidays have none.
 */
export interface BusinessCalendar {
  readonly config: CalendarConfig;
  /** Adds `ms` of business time to `start` (if start is outside business hours, counting begins at the next opening). Returns the instant it runs out. */
  addBusinessTime(start: Date, ms: number): Date;
  /** The instant `ms` of business time before `end`: the inverse of `addBusinessTime`. */
  subtractBusinessTime(end: Date, ms: number): Date;
  /** Business time (ms) between two instants; 0 if end <= start. */
  businessTimeBetween(start: Date, end: Date): number;
  /** Due instant for an SLA starting at `start`. */
  dueDate(start: Date, sla: Sla): Date;
  /** Whether the city is open at an instant (opening included, closing excluded). */
  isBusinessTime(at: Date): boolean;
}

/** Creates a business calendar; throws CalendarConfigError listing every problem of an invalid config. */
export function createBusinessCalendar(config: CalendarConfig): BusinessCalendar {
  const problems = calendarConfigProblems(config);
  if (problems.length > 0) throw new CalendarConfigError(problems);
  return new ZonedBusinessCalendar(config);
}

class ZonedBusinessCalendar implements BusinessCalendar {
  private readonly openingHours: OpeningHoursTable;

  constructor(readonly config: CalendarConfig) {
    this.openingHours = new OpeningHoursTable(config);
  }

  addBusinessTime(start: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time to add must be a finite number of ms >= 0 (got ${ms})`);
    let remaining = ms;
    for (let from = instantOf(start); ;) {
      const span = this.spanOn(this.nextOpenDay(from));
      const begin = Math.max(from, span.open);
      // `<=`: time that runs out exactly at closing is due at closing, not at the next opening.
      if (remaining <= span.close - begin) return new Date(begin + remaining);
      remaining -= span.close - begin;
      from = span.close;
    }
  }

  subtractBusinessTime(end: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time to subtract must be a finite number of ms >= 0 (got ${ms})`);
    const to = instantOf(end);
    let remaining = ms;
    // Terminates: a valid config has an open weekday, so every week going back has business time.
    for (let day = this.dayOf(to); ; day--) {
      const span = this.openingHours.spanOn(day);
      if (!span) continue;
      const finish = Math.min(to, span.close);
      if (finish <= span.open) continue;
      if (remaining <= finish - span.open) return new Date(finish - remaining);
      remaining -= finish - span.open;
    }
  }

  businessTimeBetween(start: Date, end: Date): number {
    const from = instantOf(start);
    const to = instantOf(end);
    if (to <= from) return 0;
    const lastDay = this.dayOf(to);
    let total = 0;
    for (let day = this.dayOf(from); day <= lastDay; day++) {
      const span = this.openingHours.spanOn(day);
      if (span) total += Math.max(0, Math.min(to, span.close) - Math.max(from, span.open));
    }
    return total;
  }

  /**
   * `business_hours`: the instant `amount` hours of business time after start.
   * `business_days`: a start inside business hours is due at the same local time of day on the
   * amount-th following business day, clamped into that day's hours (a day that closes earlier
   * is due at its closing). A start outside business hours counts from the next opening, and
   * that opening's day is the first of the `amount` business days: it is due at the closing of
   * the amount-th business day. So 1 business day from Friday 20:00 is Monday's closing, and
   * from 10:00 on Monday it is 10:00 on Tuesday.
   */
  dueDate(start: Date, sla: Sla): Date {
    if (!(sla.amount > 0)) throw new RangeError(`SLA amount must be > 0 (got ${sla.amount})`);
    if (sla.unit === 'business_hours') return this.addBusinessTime(start, sla.amount * HOUR_MS);
    if (!Number.isInteger(sla.amount)) throw new RangeError(`business_days SLA must be a whole number of days (got ${sla.amount})`);
    const from = instantOf(start);
    if (!this.isBusinessTime(start)) {
      const firstDay = this.nextOpenDay(from);
      return new Date(this.spanOn(this.businessDaysAfter(firstDay, sla.amount - 1)).close);
    }
    const startDay = this.dayOf(from);
    const timeOfDay = wallTimeOf(this.config.timeZone, from) - startDay * DAY_MS;
    const dueDay = this.businessDaysAfter(startDay, sla.amount);
    const { open, close } = this.spanOn(dueDay);
    return new Date(Math.min(close, Math.max(open, this.openingHours.instantOn(dueDay, timeOfDay))));
  }

  isBusinessTime(at: Date): boolean {
    const instant = instantOf(at);
    const span = this.openingHours.spanOn(this.dayOf(instant));
    return span !== undefined && span.open <= instant && instant < span.close;
  }

  private dayOf(instant: number): number {
    return Math.floor(wallTimeOf(this.config.timeZone, instant) / DAY_MS);
  }

  private spanOn(openDay: number): OpenSpan {
    return this.openingHours.spanOn(openDay)!;
  }

  /** The first day, from the one holding `instant`, that is still open at or after it. */
  private nextOpenDay(instant: number): number {
    // Terminates: a valid config has an open weekday and finitely many holidays.
    for (let day = this.dayOf(instant); ; day++) {
      const span = this.openingHours.spanOn(day);
      if (span && span.close > instant) return day;
    }
  }

  /** The open day `count` open days after `openDay`. */
  private businessDaysAfter(openDay: number, count: number): number {
    let day = openDay;
    for (let stepped = 0; stepped < count; stepped++) day = this.nextOpenDay(this.spanOn(day).close);
    return day;
  }
}

function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('invalid Date');
  return instant;
}
