import { type BusinessRule, type Guard, hasRole, headOf, type MachineEvent, type PermissionRule } from '../shared/rules';
import type { RosterCommand } from './roster-commands';
import type { RosterState } from './roster-state';

/** What the roster lifecycle's guards look at: the folded roster. */
export interface RosterContext {
  readonly roster: RosterState;
}

export type RosterMachineEvent = MachineEvent<RosterCommand>;
export type RosterGuard = Guard<RosterContext, RosterMachineEvent>;

/** Who-may rules of rosters; `D` in `whoMay` is the roster's department. */
export const ROSTER_PERMISSION_RULES = {
  departmentHeadsKeepTheirDepartmentsRosterTheDirectorAny: {
    check: ({ event }) => hasRole(event.actor, 'director') || headOf(event.actor, event.department),
    whoMay: [{ role: 'department_head', department: 'D' }, { role: 'director' }],
  },
} satisfies Record<string, PermissionRule<RosterGuard>>;

/** Business rules of rosters: each names the command field it judges. */
export const ROSTER_BUSINESS_RULES = {
  onlyADateWithAnExceptionIsCleared: {
    check: ({ context, event }) => event.type !== 'ClearRosterException' || context.roster.exceptions.some((e) => e.date === event.date),
    field: 'date',
    message: 'the roster has no exception on this date (it follows the weekly roster already)',
  },
} satisfies Record<string, BusinessRule<RosterGuard>>;

export type RosterRuleName = keyof typeof ROSTER_PERMISSION_RULES | keyof typeof ROSTER_BUSINESS_RULES;
