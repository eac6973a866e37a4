import type { BusinessCalendar } from '@switchboard/ticketing';
import { type AvailabilityState, isAvailableAt } from './availability-state';
import { localDayOf, type RosterSchedule, scheduledOnDay } from './schedule';

/** A staff member of a department's line at one moment: scheduled now, marked available now, or both. */
export interface LineAnswerer {
  readonly staffId: string;
  readonly scheduled: boolean;
  /** The slot they are scheduled in now (local ISO instants). */
  readonly scheduledUntil?: string;
  readonly available: boolean;
  /** When their mark of available lapses. */
  readonly availableUntil?: string;
}

export interface LineNow {
  readonly cityHallOpen: boolean;
  /** Available first (they answer a transfer), then scheduled but not available; by staff id within each. */
  readonly answerers: readonly LineAnswerer[];
}

/**
 * Who answers a department's line at `now`: the staff its roster schedules now (weekly slots and
 * the date's exception) and the staff marked available for it now (a lapsed mark is not).
 */
export function lineNow(
  roster: RosterSchedule | undefined,
  availability: readonly AvailabilityState[],
  department: string,
  calendar: BusinessCalendar,
  now: Date,
): LineNow {
  const at = now.getTime();
  const { timeZone } = calendar.config;
  const scheduled = roster ? scheduledOnDay(roster, localDayOf(at, timeZone), timeZone).filter((slot) => slot.from <= at && at < slot.until) : [];
  const available = availability.filter((a) => a.department === department && a.staffId !== undefined && isAvailableAt(a, now));
  const ids = [...new Set([...scheduled.map((s) => s.staffId), ...available.map((a) => a.staffId!)])];
  const answerers = ids.map((staffId): LineAnswerer => {
    const slots = scheduled.filter((s) => s.staffId === staffId);
    const mark = available.find((a) => a.staffId === staffId);
    return {
      staffId,
      scheduled: slots.length > 0,
      ...(slots.length > 0 ? { scheduledUntil: new Date(Math.max(...slots.map((s) => s.until))).toISOString() } : {}),
      available: mark !== undefined,
      ...(mark ? { availableUntil: mark.until } : {}),
    };
  });
  answerers.sort((a, b) => Number(b.available) - Number(a.available) || a.staffId.localeCompare(b.staffId));
  return { cityHallOpen: calendar.isBusinessTime(now), answerers };
}
