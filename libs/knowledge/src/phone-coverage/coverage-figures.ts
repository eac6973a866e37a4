import { type CalendarConfig, isoDateOfDay, OpeningHoursTable } from '@switchboard/ticketing';
import type { ContactState } from '../contacts/contact-state';
import { callbackFigures, transferFigures } from '../metrics/department-figures';
import { MINUTE_MS } from '../metrics/metrics-range';
import { clip, type Interval, lengthOf, uncovered } from './intervals';
import { localDayOf, type RosterSchedule, scheduledOnDay } from './schedule';

/** A roster as it stood from `effectiveAt` until the next version (the read side keeps every version). */
export interface RosterVersion {
  readonly effectiveAt: string;
  readonly roster: RosterSchedule;
}

/** A staff member marked available on a department's line over [from, until). */
export interface AvailableSpan {
  readonly staffId: string;
  readonly department: string;
  readonly from: string;
  readonly until: string;
}

export interface CoverageInput {
  readonly departments: readonly string[];
  /** Each department's roster versions, oldest first. */
  readonly rosters: ReadonlyMap<string, readonly RosterVersion[]>;
  readonly availableSpans: readonly AvailableSpan[];
  /** Contacts started in [from, to): their transfers and callbacks. */
  readonly contacts: readonly ContactState[];
  readonly calendar: CalendarConfig;
  readonly from: Date;
  readonly to: Date;
  /** Availability and lateness are only known up to now. */
  readonly now: Date;
}

export const COVERAGE_GAP_KINDS = ['nobody_scheduled', 'nobody_available'] as const;
export type CoverageGapKind = (typeof COVERAGE_GAP_KINDS)[number];

export interface CoverageGap {
  readonly kind: CoverageGapKind;
  readonly from: string;
  readonly until: string;
}

/** One department's phone coverage on one local date (docs/metrics.md, "Phone coverage"). */
export interface CoverageDay {
  readonly department: string;
  readonly date: string;
  readonly cityHallMinutes: number;
  readonly unscheduledMinutes: number;
  readonly unavailableMinutes: number;
  readonly transfers: number;
  readonly transfersNotReached: number;
  readonly callbacksLate: number;
  readonly gaps: readonly CoverageGap[];
}

const minutes = (ms: number): number => Math.round(ms / MINUTE_MS);
const gapsOf = (kind: CoverageGapKind, intervals: readonly Interval[]): CoverageGap[] =>
  intervals.map((i) => ({ kind, from: new Date(i.from).toISOString(), until: new Date(i.until).toISOString() }));

/** Who the department's roster versions schedule within an interval of one local day: each version over the time it was in force. */
function scheduledWithin(versions: readonly RosterVersion[], day: number, within: Interval, timeZone: string): Interval[] {
  return versions.flatMap((version, index) => {
    const next = versions[index + 1];
    const inForce = clip(within, Date.parse(version.effectiveAt), next ? Date.parse(next.effectiveAt) : Number.POSITIVE_INFINITY);
    if (!inForce) return [];
    return scheduledOnDay(version.roster, day, timeZone).flatMap((slot) => clip(slot, inForce.from, inForce.until) ?? []);
  });
}

/** Transfers and late callbacks by department and local date, from the contact figures over [from, min(to, now)). */
function contactCounts(input: CoverageInput): Map<string, { transfers: number; notReached: number; late: number }> {
  const counts = new Map<string, { transfers: number; notReached: number; late: number }>();
  const end = Math.min(input.to.getTime(), input.now.getTime());
  if (end <= input.from.getTime()) return counts;
  const range = { from: input.from, to: new Date(end), period: 'day' as const, timeZone: input.calendar.timeZone };
  const entry = (department: string, date: string) => {
    const key = `${department}\u0000${date}`;
    const found = counts.get(key) ?? { transfers: 0, notReached: 0, late: 0 };
    counts.set(key, found);
    return found;
  };
  for (const row of transferFigures(input.contacts, range)) {
    const e = entry(row.group, row.period);
    e.transfers = row.transfers;
    e.notReached = row.transfers - row.reached;
  }
  for (const row of callbackFigures(input.contacts, range)) entry(row.group, row.period).late = row.late;
  return counts;
}

/**
 * Phone coverage by department and local date over [from, to): of City Hall's hours that day,
 * the minutes nobody was scheduled on the department's line (the roster in force at each moment),
 * the minutes nobody was marked available (counted up to now), with the gaps themselves; and the
 * transfers to the department that reached nobody and its late callbacks, as the contact figures
 * count them. A row for every department and every date with City Hall hours, or with transfers
 * or late callbacks. Sorted by department, then date.
 */
export function coverageDays(input: CoverageInput): CoverageDay[] {
  const { from, to, now, calendar } = input;
  if (!(from.getTime() < to.getTime())) throw new RangeError('from: must be a date before to');
  const hours = new OpeningHoursTable(calendar);
  const counts = contactCounts(input);
  const firstDay = localDayOf(from.getTime(), calendar.timeZone);
  const lastDay = localDayOf(to.getTime() - 1, calendar.timeZone);
  const rows: CoverageDay[] = [];
  for (const department of [...input.departments].sort()) {
    const versions = input.rosters.get(department) ?? [];
    const spans = input.availableSpans.filter((s) => s.department === department).map((s) => ({ from: Date.parse(s.from), until: Date.parse(s.until) }));
    for (let day = firstDay; day <= lastDay; day++) {
      const date = isoDateOfDay(day);
      const open = hours.spanOn(day);
      const cityHall = open && clip({ from: open.open, until: open.close }, from.getTime(), to.getTime());
      const count = counts.get(`${department}\u0000${date}`);
      if (!cityHall && !count) continue;
      const unscheduled = cityHall ? uncovered(cityHall, scheduledWithin(versions, day, cityHall, calendar.timeZone)) : [];
      const past = cityHall && clip(cityHall, cityHall.from, now.getTime());
      const unavailable = past ? uncovered(past, spans) : [];
      rows.push({
        department,
        date,
        cityHallMinutes: cityHall ? minutes(cityHall.until - cityHall.from) : 0,
        unscheduledMinutes: minutes(lengthOf(unscheduled)),
        unavailableMinutes: minutes(lengthOf(unavailable)),
        transfers: count?.transfers ?? 0,
        transfersNotReached: count?.notReached ?? 0,
        callbacksLate: count?.late ?? 0,
        gaps: [...gapsOf('nobody_scheduled', unscheduled), ...gapsOf('nobody_available', unavailable)].sort((a, b) => a.from.localeCompare(b.from)),
      });
    }
  }
  return rows;
}
