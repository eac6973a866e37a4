import type { CalendarConfig } from './calendar-config';
import { DAY_MS, parseClockTime, parseIsoDate } from './local-date';
import { weekdayOfDay, WEEKDAYS, type Weekday } from './weekday';
import { instantOfWallTime } from './zoned-time';

/** A half-open span of instants [open, close) in epoch ms during which the city is open. */
export interface OpenSpan {
  open: number;
  close: number;
}

/** Resolves the opening hours of any local day to instants, from a validated calendar config. */
export class OpeningHoursTable {
  private readonly minutes = new Map<Weekday, { open: number; close: number }>();
  private readonly holidays: Set<number>;
  /** Resolved spans by day: zone lookups dominate the cost, and SLAs revisit the same weeks. */
  private readonly spans = new Map<number, OpenSpan | undefined>();

  constructor(private readonly config: CalendarConfig) {
    for (const weekday of WEEKDAYS) {
      const hours = config.hours[weekday];
      if (hours) {
        this.minutes.set(weekday, { open: parseClockTime(hours.open)!, close: parseClockTime(hours.close)! });
      }
    }
    this.holidays = new Set(config.holidays.map((date) => parseIsoDate(date)!));
  }

  /** The open span of a local day number, or undefined when the city is closed that day. */
  spanOn(day: number): OpenSpan | undefined {
    if (!this.spans.has(day)) this.spans.set(day, this.resolveSpan(day));
    return this.spans.get(day);
  }

  private resolveSpan(day: number): OpenSpan | undefined {
    const minutes = this.minutes.get(weekdayOfDay(day));
    if (!minutes || this.holidays.has(day)) return undefined;
    const open = this.instantOn(day, minutes.open * 60_000);
    const close = this.instantOn(day, minutes.close * 60_000);
    // Only a pathological zone transition inside the hours could invert them; such a day is closed.
    return open < close ? { open, close } : undefined;
  }

  /** The instant of a local time-of-day (ms after midnight) on a local day number. */
  instantOn(day: number, timeOfDay: number): number {
    return instantOfWallTime(this.config.timeZone, day * DAY_MS + timeOfDay);
  }
}
