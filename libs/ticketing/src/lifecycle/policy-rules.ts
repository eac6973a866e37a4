import { DIRECTOR_TIER } from '../model/ticket-values';
import type { Actor, Role } from '../model/actor';
import type { TicketState } from '../model/ticket-state';
import type { LifecycleEvent, LifecycleGuard } from './machine-types';

/** The department whose queue holds the ticket, or which owns its service before routing. */
export const responsibleDepartment = (t: TicketState): string | undefined => t.department ?? t.owningDepartment;

const is = (actor: Actor, ...roles: Role[]) => roles.includes(actor.role);
const ofDepartment = (actor: Actor, department: string | undefined) => department !== undefined && actor.department === department;
const departmentMember = (actor: Actor, t: TicketState) => is(actor, 'staff', 'department_head') && ofDepartment(actor, responsibleDepartment(t));
const departmentHead = (actor: Actor, t: TicketState) => is(actor, 'department_head') && ofDepartment(actor, responsibleDepartment(t));

/**
 * Who-may rules: the permission table of DESIGN.md, one named rule per kind of act.
 * `D` in `whoMay` stands for the ticket's department.
 */
export const PERMISSION_RULES = {
  residentsAndCityStaffMayOpenTickets: {
    check: ({ event }) => !is(event.actor, 'system'),
    whoMay: [{ role: 'operator' }, { role: 'staff' }, { role: 'department_head' }, { role: 'director' }, { role: 'resident' }],
  },
  operatorsDepartmentHeadsAndTheDirectorRouteTickets: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director') || departmentHead(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  onlyTheTicketsDepartmentWorksIt: {
    check: ({ context, event }) => is(event.actor, 'director') || departmentMember(event.actor, context.ticket),
    whoMay: [{ role: 'staff', department: 'D' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  operatorsResolveAtFirstContact: {
    check: ({ event }) => is(event.actor, 'operator', 'director'),
    whoMay: [{ role: 'operator' }, { role: 'director' }],
  },
  escalationsComeFromOperatorsTheDepartmentOrTheSystem: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director', 'system') || departmentMember(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'staff', department: 'D' }, { role: 'department_head', department: 'D' }, { role: 'director' }, { role: 'system' }],
  },
  commentsComeFromOperatorsAndTheDepartment: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director') || departmentMember(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'staff', department: 'D' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  // A report of the same problem comes in where reports come in: 311, and the department's own line.
  anotherReportIsRecordedByOperatorsTheDepartmentAndTheDirector: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director') || departmentMember(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'staff', department: 'D' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  // A photo is evidence like a comment: 311 and the department add it while the ticket is open.
  photosAreAttachedByOperatorsTheDepartmentAndTheDirector: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director') || departmentMember(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'staff', department: 'D' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  prioritiesAreSetByOperatorsDepartmentHeadsAndTheDirector: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director') || departmentHead(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  reopeningIsForOperatorsTheCompletingDepartmentsHeadAndTheDirector: {
    check: ({ context, event }) =>
      is(event.actor, 'operator', 'director') || (is(event.actor, 'department_head') && ofDepartment(event.actor, context.ticket.completedByDepartment)),
    whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  closingIsForOperatorsDepartmentHeadsAndTheDirector: {
    check: ({ context, event }) => is(event.actor, 'operator', 'director') || departmentHead(event.actor, context.ticket),
    whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
  onlyTheSystemRecordsSlaBreaches: {
    check: ({ event }) => is(event.actor, 'system'),
    whoMay: [{ role: 'system' }],
  },
} satisfies Record<string, { check: LifecycleGuard; whoMay: readonly { role: Role; department?: 'D' }[] }>;

/** Narrows the event for a rule attached only to transitions of command type `C`. */
const field = <C extends LifecycleEvent['type']>(event: LifecycleEvent, _type: C) => event as Extract<LifecycleEvent, { type: C }>;

/**
 * Business rules that depend on what the command says. Each names the field it judges, or
 * is a lifecycle rule (`field: undefined`) whose refusal is an illegal transition.
 */
export const BUSINESS_RULES = {
  aCompletionNeedsAResolution: {
    check: ({ event }) => field(event, 'CompleteTicket').resolutionCode?.trim().length > 0,
    field: 'resolutionCode',
    message: 'a completion needs a resolution code',
  },
  aReopenMustFallWithinTheWindow: {
    check: ({ context, event }) => context.ticket.completedAt !== undefined && event.now - Date.parse(context.ticket.completedAt) <= context.reopenWindowMs,
    field: undefined,
    message: 'the reopen window after completion has passed; open a new ticket instead',
  },
  escalationCannotGoPastTheDirector: {
    check: ({ context }) => context.ticket.escalationTier < DIRECTOR_TIER,
    field: undefined,
    message: 'the ticket is already escalated to the director, the highest tier',
  },
  anEscalationFromIntakeNamesTheDepartment: {
    check: ({ event }) => (field(event, 'EscalateTicket').department ?? '').trim().length > 0,
    field: 'department',
    message: 'an escalation from intake must name the department whose experts must answer',
  },
  theSystemEscalatesOnlyOverdueTickets: {
    check: ({ event }) => !is(event.actor, 'system') || field(event, 'EscalateTicket').reason === 'overdue',
    field: 'reason',
    message: 'the system escalates only for the reason "overdue"',
  },
  aDuplicateNamesItsParentTicket: {
    check: ({ context, event }) => {
      const close = field(event, 'CloseTicket');
      if (close.reason !== 'duplicate') return true;
      const parent = close.parentTicketId?.trim();
      return !!parent && parent !== context.ticket.ticketId;
    },
    field: 'parentTicketId',
    message: 'a duplicate must name its parent ticket, which cannot be the ticket itself',
  },
  aReassignmentChangesDepartmentOrAssignee: {
    check: ({ context, event }) => {
      const assign = field(event, 'AssignTicket');
      return assign.department !== context.ticket.department || (assign.assignee ?? undefined) !== context.ticket.assignee;
    },
    field: 'department',
    message: 'the ticket is already assigned to this department and assignee',
  },
  aBreachIsRecordedOnceTheDueTimeHasPassed: {
    check: ({ context, event }) => {
      const due = context.ticket.dueAt;
      return due !== undefined && event.now >= Date.parse(due) && context.ticket.breachedDueAt !== due;
    },
    field: undefined,
    message: 'the SLA clock is not past due, or this breach is already recorded',
  },
} satisfies Record<string, { check: LifecycleGuard; field: string | undefined; message: string }>;

/**
 * Where a command leads when it may lead to more than one state: routes, not rules anyone can
 * break. "Resume" goes back to where the hold began; an open goes to the owning department's
 * queue when the catalog routes the service on open, and to intake otherwise. Routing on open is
 * the catalog's act, not the opener's: it needs no routing permission (a resident's Open311
 * request is routed too), and the TicketAssigned it records says so (`routedBy: 'catalog'`).
 */
export const ROUTES = {
  heldFromInProgress: (({ context }) => context.ticket.heldFrom === 'in_progress') as LifecycleGuard,
  heldFromEscalated: (({ context }) => context.ticket.heldFrom === 'escalated') as LifecycleGuard,
  theCatalogRoutesTheServiceOnOpen: (({ context, event }) => context.routesOnOpen(field(event, 'OpenTicket').serviceCode)) as LifecycleGuard,
};

export type PermissionRuleName = keyof typeof PERMISSION_RULES;
export type BusinessRuleName = keyof typeof BUSINESS_RULES;
export type RouteName = keyof typeof ROUTES;
