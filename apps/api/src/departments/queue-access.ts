import type { Actor } from '@switchboard/ticketing';
import { type QueryPermission, QueryForbidden } from '../errors/api-exceptions';

const ownDepartment = (actor: Actor, department: string): boolean =>
  (actor.role === 'staff' || actor.role === 'department_head') && actor.department === department;

const departmentMembers = (department: string): QueryPermission[] => [
  { role: 'staff', department },
  { role: 'department_head', department },
];

/** A department's queue and its feed are for its own staff and head, 311 operators and the director. */
export function assertMayReadQueue(actor: Actor, department: string): void {
  if (ownDepartment(actor, department) || actor.role === 'operator' || actor.role === 'director') return;
  throw new QueryForbidden(
    'QueueIsReadByItsDepartment311AndTheDirector',
    [...departmentMembers(department), { role: 'operator' }, { role: 'director' }],
    `Only ${department} staff, 311 operators and the director may read the ${department} queue.`,
  );
}

/** Claiming starts work, which the department's own staff and head (and the director) may do. */
export function assertMayClaim(actor: Actor, department: string): void {
  if (ownDepartment(actor, department) || actor.role === 'director') return;
  throw new QueryForbidden(
    'OnlyTheDepartmentClaimsFromItsQueue',
    [...departmentMembers(department), { role: 'director' }],
    `Only ${department} staff, its head and the director may claim from the ${department} queue.`,
  );
}
