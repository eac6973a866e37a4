"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fold = void 0;
exports.evolve = evolve;
const ticket_state_1 = require("../model/ticket-state");
const resumable = (status) => status === 'assigned' || status === 'in_progress' || status === 'escalated' ? status : undefined;
/**
 * Folds one recorded event into the ticket's state. It never judges: whatever was recorded
 * happened, even if today's rules would refuse it (rules and roles change; history does not).
 */
function evolve(state, event) {
    switch (event.type) {
        case 'TicketOpened': {
            const d = event.data;
            return {
                ...ticket_state_1.initialTicketState,
                status: 'intake',
                ticketId: d.ticketId,
                serviceCode: d.serviceCode,
                owningDepartment: d.owningDepartment,
                channel: d.channel,
                priority: d.priority,
                openedAt: event.metadata.occurredAt,
            };
        }
        case 'TicketAssigned':
            return {
                ...state,
                status: 'assigned',
                department: event.data.department,
                assignee: event.data.assignee,
                dueAt: event.data.dueAt ?? state.dueAt,
                heldFrom: undefined,
                slaRemainingMs: undefined,
            };
        case 'WorkStarted':
            return { ...state, status: 'in_progress', assignee: event.data.assignee };
        case 'TicketEscalated':
            return {
                ...state,
                status: 'escalated',
                escalationTier: Math.max(state.escalationTier, event.data.tier),
                department: event.data.department ?? state.department,
                dueAt: event.data.dueAt ?? state.dueAt,
                heldFrom: undefined,
                slaRemainingMs: undefined,
            };
        case 'TicketPutOnHold':
            return {
                ...state,
                status: 'on_hold',
                heldFrom: resumable(state.status) ?? 'assigned',
                slaRemainingMs: event.data.remainingBusinessMs,
                dueAt: undefined,
            };
        case 'TicketResumed':
            return {
                ...state,
                status: state.heldFrom ?? 'assigned',
                heldFrom: undefined,
                dueAt: event.data.dueAt,
                slaRemainingMs: undefined,
            };
        case 'TicketCommented':
            return state;
        case 'PriorityChanged':
            return { ...state, priority: event.data.to };
        case 'SlaBreached':
            return { ...state, breachedDueAt: event.data.dueAt };
        case 'TicketCompleted':
            return {
                ...state,
                status: 'completed',
                completedAt: event.metadata.occurredAt,
                completedByDepartment: event.data.department ?? state.department ?? state.owningDepartment,
                dueAt: undefined,
                heldFrom: undefined,
                slaRemainingMs: undefined,
            };
        case 'TicketReopened':
            return {
                ...state,
                status: 'assigned',
                department: event.data.department,
                assignee: undefined,
                escalationTier: 0,
                dueAt: event.data.dueAt,
                breachedDueAt: undefined,
                completedAt: undefined,
                reopenCount: state.reopenCount + 1,
            };
        case 'TicketClosed':
            return {
                ...state,
                status: 'closed',
                closeReason: event.data.reason,
                dueAt: undefined,
                heldFrom: undefined,
                slaRemainingMs: undefined,
            };
        default:
            // An event type this version does not know: history is kept, the fold moves on.
            return state;
    }
}
/** Folds a whole history, starting from a ticket that does not exist yet. */
const fold = (events, from = ticket_state_1.initialTicketState) => {
    let state = from;
    for (const event of events)
        state = evolve(state, event);
    return state;
};
exports.fold = fold;
//# sourceMappingURL=evolve.js.map