import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor, parseCatalog, type ServiceCatalog } from '@switchboard/ticketing';

const DEMO_CATALOG = join(__dirname, '../../../ticketing/config/demo-catalog.json');

/** The demo city's catalog (departments, service types, calendar), which the demo knowledge base refers to. */
export const demoCatalog: ServiceCatalog = parseCatalog(readFileSync(DEMO_CATALOG, 'utf8'), DEMO_CATALOG);
export const CITY_TIME_ZONE = demoCatalog.config.calendar.timeZone;

/** One actor of each kind the knowledge base's rules name. */
export const people = {
  operator: { id: 'op-ana', role: 'operator' },
  operator2: { id: 'op-raj', role: 'operator' },
  clerkHead: { id: 'clerk-head', role: 'department_head', department: 'CLERK' },
  clerkStaff: { id: 'clerk-di', role: 'staff', department: 'CLERK' },
  dpwHead: { id: 'dpw-head', role: 'department_head', department: 'DPW' },
  dpwStaff: { id: 'dpw-bo', role: 'staff', department: 'DPW' },
  director: { id: 'dir-eve', role: 'director' },
  resident: { id: 'res-key-1', role: 'resident' },
  system: { id: 'sla-watcher', role: 'system' },
} satisfies Record<string, Actor>;
