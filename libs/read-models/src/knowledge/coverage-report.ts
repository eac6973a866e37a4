import type { Kysely } from 'kysely';
import {
  type AvailabilityState,
  type CoverageDay,
  coverageDays,
  type LineNow,
  lineNow,
  type RosterSchedule,
  type RosterState,
  type RosterVersion,
} from '@switchboard/knowledge';
import type { BusinessCalendar, CalendarConfig } from '@switchboard/ticketing';
import type { ReadDb } from '../store/read-db';
import { projectedContactsIn } from './contact-projection';

/** A department's roster as the read side holds it; undefined when it was never set. */
export async function projectedRoster(db: Kysely<ReadDb>, department: string): Promise<RosterState | undefined> {
  const row = await db.selectFrom('rm_phone_rosters').select('state').where('department', '=', department).executeTakeFirst();
  return row && (JSON.parse(row.state) as RosterState);
}

/** Who answers a department's line at `now`: scheduled by its roster, marked available for it (`lineNow`). */
export async function phoneLineNow(db: Kysely<ReadDb>, department: string, calendar: BusinessCalendar, now: Date): Promise<LineNow> {
  const roster = await projectedRoster(db, department);
  const rows = await db.selectFrom('rm_phone_availability').select('state').where('department', '=', department).where('status', '=', 'available').execute();
  return lineNow(
    roster,
    rows.map((row) => JSON.parse(row.state) as AvailabilityState),
    department,
    calendar,
    now,
  );
}

export interface PhoneCoverageQuery {
  readonly from: Date;
  readonly to: Date;
  readonly now: Date;
  /** The departments reported on (all of the catalog's, or the one asked for). */
  readonly departments: readonly string[];
  readonly calendar: CalendarConfig;
}

/**
 * The coverage report of docs/metrics.md ("Phone coverage") by department and local date: the
 * roster versions in force over the range, the spans staff were available, and the contacts
 * started in it, handed to the pure `coverageDays`.
 */
export async function phoneCoverageReport(db: Kysely<ReadDb>, query: PhoneCoverageQuery): Promise<CoverageDay[]> {
  const { from, to, departments } = query;
  if (!(from.getTime() < to.getTime())) throw new RangeError('from: must be a date before to');
  if (departments.length === 0) return [];
  const versionRows = await db
    .selectFrom('rm_phone_roster_versions')
    .select(['department', 'effective_at', 'state'])
    .where('department', 'in', departments)
    .where('effective_at', '<', to.toISOString())
    .orderBy('department')
    .orderBy('position')
    .execute();
  const rosters = new Map<string, RosterVersion[]>();
  for (const row of versionRows) {
    const versions = rosters.get(row.department) ?? [];
    versions.push({ effectiveAt: row.effective_at, roster: JSON.parse(row.state) as RosterSchedule });
    rosters.set(row.department, versions);
  }
  const spanRows = await db
    .selectFrom('rm_phone_available_spans')
    .select(['staff_id', 'department', 'from_at', 'until_at'])
    .where('department', 'in', departments)
    .where('from_at', '<', to.toISOString())
    .where('until_at', '>', from.toISOString())
    .execute();
  const availableSpans = spanRows.map((row) => ({ staffId: row.staff_id, department: row.department, from: row.from_at, until: row.until_at }));
  const contacts = await projectedContactsIn(db, { from, to });
  return coverageDays({ ...query, rosters, availableSpans, contacts });
}
