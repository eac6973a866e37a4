import { and, setup } from 'xstate';
import type { TicketCommandType } from '../commands/ticket-commands';
import type { TicketStatus } from '../model/ticket-state';
import type { LifecycleContext, LifecycleEvent, LifecycleGuard } from './machine-types';
import { BUSINESS_RULES, PERMISSION_RULES, ROUTES, type BusinessRuleName, type PermissionRuleName, type RouteName } from './policy-rules';

type GuardName = PermissionRuleName | BusinessRuleName | RouteName;

const guards = {
  ...Object.fromEntries(Object.entries(PERMISSION_RULES).map(([name, rule]) => [name, rule.check])),
  ...Object.fromEntries(Object.entries(BUSINESS_RULES).map(([name, rule]) => [name, rule.check])),
  ...ROUTES,
} as Record<GuardName, LifecycleGuard>;

/** A transition allowed when every named rule holds (permission first, then business rules). */
const when = (target: TicketStatus, ...rules: GuardName[]) => ({ target, guard: and(rules) });

/** Commands that record something without moving the ticket (comments, priorities, another report of the problem, photos: while it is open, in every open state). */
const annotations = (self: TicketStatus) => ({
  CommentOnTicket: when(self, 'commentsComeFromOperatorsAndTheDepartment'),
  ChangePriority: when(self, 'prioritiesAreSetByOperatorsDepartmentHeadsAndTheDirector'),
  RecordAnotherReport: when(self, 'anotherReportIsRecordedByOperatorsTheDepartmentAndTheDirector'),
  AttachPhoto: when(self, 'photosAreAttachedByOperatorsTheDepartmentAndTheDirector'),
});

const escalate = (...extra: BusinessRuleName[]) =>
  when('escalated', 'escalationsComeFromOperatorsTheDepartmentOrTheSystem', ...extra, 'theSystemEscalatesOnlyOverdueTickets');
const complete = when('completed', 'onlyTheTicketsDepartmentWorksIt', 'aCompletionNeedsAResolution');
const close = when('closed', 'closingIsForOperatorsDepartmentHeadsAndTheDirector', 'aDuplicateNamesItsParentTicket');
const route = (...extra: BusinessRuleName[]) => when('assigned', 'operatorsDepartmentHeadsAndTheDirectorRouteTickets', ...extra);
const work = (target: TicketStatus) => when(target, 'onlyTheTicketsDepartmentWorksIt');
const recordBreach = (self: TicketStatus) => when(self, 'onlyTheSystemRecordsSlaBreaches', 'aBreachIsRecordedOnceTheDueTimeHasPassed');

/**
 * The ticket lifecycle: the single source of truth for which command may happen in which
 * state, and under which named rules. It never runs as an actor and holds no timers; command
 * handling asks it through `snapshot.can` and the pure `transition`.
 */
export const ticketLifecycle = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as LifecycleContext,
  },
  guards,
}).createMachine({
  id: 'ticket',
  initial: 'unopened',
  context: ({ input }) => input,
  states: {
    unopened: {
      description: 'No history yet: the id is free.',
      on: {
        OpenTicket: [
          when('assigned', 'residentsAndCityStaffMayOpenTickets', 'theCatalogRoutesTheServiceOnOpen'),
          when('intake', 'residentsAndCityStaffMayOpenTickets'),
        ],
      },
    },
    intake: {
      description: 'Recorded by 311 or a department, not yet routed: in 311’s intake queue for triage.',
      on: {
        AssignTicket: route(),
        EscalateTicket: escalate('anEscalationFromIntakeNamesTheDepartment'),
        CompleteTicket: when('completed', 'operatorsResolveAtFirstContact', 'aCompletionNeedsAResolution'),
        CloseTicket: close,
        ...annotations('intake'),
      },
    },
    assigned: {
      description: "In a department's queue; the SLA clock runs.",
      on: {
        AssignTicket: route('aReassignmentChangesDepartmentOrAssignee'),
        StartWork: work('in_progress'),
        PutTicketOnHold: work('on_hold'),
        EscalateTicket: escalate('escalationCannotGoPastTheDirector'),
        CompleteTicket: complete,
        CloseTicket: close,
        RecordSlaBreach: recordBreach('assigned'),
        ...annotations('assigned'),
      },
    },
    in_progress: {
      description: 'A staff member accepted it.',
      on: {
        AssignTicket: route(),
        PutTicketOnHold: work('on_hold'),
        EscalateTicket: escalate('escalationCannotGoPastTheDirector'),
        CompleteTicket: complete,
        CloseTicket: close,
        RecordSlaBreach: recordBreach('in_progress'),
        ...annotations('in_progress'),
      },
    },
    on_hold: {
      description: 'Waiting on the resident or a third party; the SLA clock is paused.',
      on: {
        ResumeTicket: [
          when('in_progress', 'onlyTheTicketsDepartmentWorksIt', 'heldFromInProgress'),
          when('escalated', 'onlyTheTicketsDepartmentWorksIt', 'heldFromEscalated'),
          work('assigned'),
        ],
        AssignTicket: route(),
        EscalateTicket: escalate('escalationCannotGoPastTheDirector'),
        CompleteTicket: complete,
        CloseTicket: close,
        ...annotations('on_hold'),
      },
    },
    escalated: {
      description: 'Raised to the department head (tier 1) or the director (tier 2).',
      on: {
        AssignTicket: route(),
        StartWork: work('in_progress'),
        PutTicketOnHold: work('on_hold'),
        EscalateTicket: escalate('escalationCannotGoPastTheDirector'),
        CompleteTicket: complete,
        CloseTicket: close,
        RecordSlaBreach: recordBreach('escalated'),
        ...annotations('escalated'),
      },
    },
    completed: {
      description: 'Resolved; may be reopened within the window.',
      on: {
        ReopenTicket: when('assigned', 'reopeningIsForOperatorsTheCompletingDepartmentsHeadAndTheDirector', 'aReopenMustFallWithinTheWindow'),
      },
    },
    closed: {
      description: 'Ended without completion.',
      type: 'final',
    },
  },
});

export type TicketLifecycle = typeof ticketLifecycle;

/** The rule names of a transition's `and([...])` guard, in the order the machine checks them. */
export const ruleNames = (guard: unknown): string[] =>
  (guard as { guards?: unknown[] } | undefined)?.guards?.filter((g): g is string => typeof g === 'string') ?? [];

/** The commands the lifecycle accepts in a state, whoever asks. */
export function commandsAcceptedIn(status: TicketStatus): TicketCommandType[] {
  return Object.keys(ticketLifecycle.root.states[status].on) as TicketCommandType[];
}
