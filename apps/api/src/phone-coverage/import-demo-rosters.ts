import type { INestApplication } from '@nestjs/common';
import type { RosterCommandHandler } from '@switchboard/command-handling';
import type { WeeklySlot } from '@switchboard/knowledge';
import { type Actor, type ServiceCatalog, WEEKDAYS } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { DEMO_CATALOG_PATH, DEMO_USERS_PATH } from '../config/api-config';
import { ROSTER_COMMANDS } from './phone-coverage.providers';
import { resolve } from 'node:path';

/** Who the demo rosters are recorded as: the director's authority (any department's roster), named as the import. */
export const DEMO_ROSTER_IMPORTER: Actor = { id: 'import:demo-rosters', role: 'director' };

type Shift = Omit<WeeklySlot, 'weekday'>;

/** Each shift on every weekday City Hall opens, until it closes that day (Thursday's late opening included). */
function everyOpenDay(catalog: ServiceCatalog, shifts: (close: string) => readonly Shift[]): WeeklySlot[] {
  return WEEKDAYS.flatMap((weekday) => {
    const hours = catalog.config.calendar.hours[weekday];
    return hours ? shifts(hours.close).map((shift) => ({ weekday, ...shift })) : [];
  });
}

/**
 * The demo city's rosters, over its demo users (apps/api/config/demo-users.json): Public Works
 * has its line covered from opening to closing (Sam mornings, Hana afternoons and Thursday
 * evenings); Traffic & Engineering has one person, Eli, who leaves the lunch hour and Thursday's
 * late opening uncovered, so the coverage report has gaps to show. The other departments have no
 * staff among the demo users, and no roster.
 */
export function demoRosters(catalog: ServiceCatalog): ReadonlyMap<string, readonly WeeklySlot[]> {
  return new Map([
    [
      'DPW',
      everyOpenDay(catalog, (close) => [
        { from: '08:30', until: '12:30', staffId: 'sam.dpw' },
        { from: '12:30', until: close, staffId: 'hana.dpw' },
      ]),
    ],
    [
      'ENGINEERING',
      everyOpenDay(catalog, () => [
        { from: '08:30', until: '12:00', staffId: 'eli.engineering' },
        { from: '13:00', until: '16:30', staffId: 'eli.engineering' },
      ]),
    ],
  ]);
}

/** Whether the API runs as the demo city: the demo catalog and the demo users, whose staff the demo rosters name. */
export const isDemoCity = (config: { readonly catalogPath: string; readonly usersPath: string }): boolean =>
  config.catalogPath === resolve(DEMO_CATALOG_PATH) && config.usersPath === resolve(DEMO_USERS_PATH);

export interface DemoRosterImport {
  readonly set: number;
  /** Rosters the log already held (set by this import before, or kept by their department since): left as they are. */
  readonly kept: number;
}

/**
 * Sets each demo department's weekly roster once, and only on a roster nobody has set: the command
 * id names the department, so a restart (or a second API instance) answers the first answer and
 * writes nothing, and a roster its head has kept since is never replaced.
 */
export async function importDemoRosters(app: INestApplication): Promise<DemoRosterImport> {
  const catalog = app.get<ServiceCatalog>(CATALOG);
  const rosters = app.get<RosterCommandHandler>(ROSTER_COMMANDS);
  let set = 0;
  let kept = 0;
  for (const [department, slots] of demoRosters(catalog)) {
    const { state } = await rosters.load(department);
    if (state.status !== 'unset') {
      kept += 1;
      continue;
    }
    await rosters.execute({ type: 'SetWeeklyRoster', department, slots }, { actor: DEMO_ROSTER_IMPORTER, commandId: `demo-roster:${department}:weekly` });
    set += 1;
  }
  return { set, kept };
}
