import { type BusinessRule, type Guard, hasRole, type MachineEvent, type PermissionRule } from '../shared/rules';
import type { AvailabilityCommand } from './availability-commands';
import type { AvailabilityState } from './availability-state';

/** What the availability lifecycle's guards look at: the folded availability. */
export interface AvailabilityContext {
  readonly availability: AvailabilityState;
}

export type AvailabilityMachineEvent = MachineEvent<AvailabilityCommand>;
export type AvailabilityGuard = Guard<AvailabilityContext, AvailabilityMachineEvent>;

/** Who-may rules of availability; `A` in `whoMay` is the staff member whose availability it is. */
export const AVAILABILITY_PERMISSION_RULES = {
  staffMarkOnlyThemselves: {
    check: ({ event }) => hasRole(event.actor, 'staff', 'department_head') && event.actor.id === event.staffId,
    whoMay: [
      { role: 'staff', id: 'A' },
      { role: 'department_head', id: 'A' },
    ],
  },
} satisfies Record<string, PermissionRule<AvailabilityGuard>>;

/** Business rules of availability: each names the command field it judges. */
export const AVAILABILITY_BUSINESS_RULES = {
  staffAnswerTheirOwnDepartmentsLine: {
    check: ({ event }) => event.type !== 'MarkAvailable' || event.department === event.actor.department,
    field: 'department',
    message: "staff answer their own department's line: mark yourself available for your department",
  },
} satisfies Record<string, BusinessRule<AvailabilityGuard>>;

export type AvailabilityRuleName = keyof typeof AVAILABILITY_PERMISSION_RULES | keyof typeof AVAILABILITY_BUSINESS_RULES;
