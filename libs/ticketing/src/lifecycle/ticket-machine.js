"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ticketLifecycle = void 0;
exports.commandsAcceptedIn = commandsAcceptedIn;
const xstate_1 = require("xstate");
const policy_rules_1 = require("./policy-rules");
const guards = {
    ...Object.fromEntries(Object.entries(policy_rules_1.PERMISSION_RULES).map(([name, rule]) => [name, rule.check])),
    ...Object.fromEntries(Object.entries(policy_rules_1.BUSINESS_RULES).map(([name, rule]) => [name, rule.check])),
    ...policy_rules_1.RESUME_ROUTES,
};
/** A transition allowed when every named rule holds (permission first, then business rules). */
const when = (target, ...rules) => ({ target, guard: (0, xstate_1.and)(rules) });
/** Commands that record something without moving the ticket. */
const annotations = (self) => ({
    CommentOnTicket: when(self, 'commentsComeFromOperatorsAndTheDepartment'),
    ChangePriority: when(self, 'prioritiesAreSetByOperatorsDepartmentHeadsAndTheDirector'),
});
const escalate = (...extra) => when('escalated', 'escalationsComeFromOperatorsTheDepartmentOrTheSystem', ...extra, 'theSystemEscalatesOnlyOverdueTickets');
const complete = when('completed', 'onlyTheTicketsDepartmentWorksIt', 'aCompletionNeedsAResolution');
const close = when('closed', 'closingIsForOperatorsDepartmentHeadsAndTheDirector', 'aDuplicateNamesItsParentTicket');
const route = (...extra) => when('assigned', 'operatorsDepartmentHeadsAndTheDirectorRouteTickets', ...extra);
const work = (target) => when(target, 'onlyTheTicketsDepartmentWorksIt');
const recordBreach = (self) => when(self, 'onlyTheSystemRecordsSlaBreaches', 'aBreachIsRecordedOnceTheDueTimeHasPassed');
/**
 * The ticket lifecycle: the single source of truth for which command may happen in which
 * state, and under which named rules. It never runs as an actor and holds no timers; command
 * handling asks it through `snapshot.can` and the pure `transition`.
 */
exports.ticketLifecycle = (0, xstate_1.setup)({
    types: {
        context: {},
        events: {},
        input: {},
    },
    guards,
}).createMachine({
    id: 'ticket',
    initial: 'unopened',
    context: ({ input }) => input,
    states: {
        unopened: {
            description: 'No history yet: the id is free.',
            on: { OpenTicket: when('intake', 'residentsAndCityStaffMayOpenTickets') },
        },
        intake: {
            description: 'Recorded by 311 or a department, not yet routed.',
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
/** The commands the lifecycle accepts in a state, whoever asks. */
function commandsAcceptedIn(status) {
    return Object.keys(exports.ticketLifecycle.root.states[status].on);
}
//# sourceMappingURL=ticket-machine.js.map