import type { StampedTicketEvent } from '../events/ticket-events';
import { initialTicketState, type ResumableStatus, type TicketState } from '../model/ticket-state';

const resumable = (status: TicketState['status']): ResumableStatus | undefined =>
  status === 'assigned' || status === 'in_progress' || status === 'escalated' ? status : undefined;

/**
 * Folds one recorded event into the ticket's state. It never judges: whatever was recorded
 * happened, even if today's rules would refuse it (rules and roles change; history does not).
 */
export function evolve(state: TicketState, event: StampedTicketEvent): TicketState {
  switch (event.type) {
    case 'TicketOpened': {
      const d = event.data;
      return {
        ...initialTicketState,
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
        slaBusinessMs: event.data.slaBusinessMs ?? state.slaBusinessMs,
        heldFrom: undefined,
        slaRemainingMs: undefined,
        overdueSince: undefined,
      };
    case 'WorkStarted':
      return { ...state, status: 'in_progress', assignee: event.data.assignee };
    case 'TicketEscalated':
      return {
        ...state,
        status: 'escalated',
        escalationTier: Math.max(state.escalationTier, event.data.tier) as TicketState['escalationTier'],
        department: event.data.department ?? state.department,
        dueAt: event.data.dueAt ?? state.dueAt,
        slaBusinessMs: event.data.slaBusinessMs ?? state.slaBusinessMs,
        heldFrom: undefined,
        slaRemainingMs: undefined,
        overdueSince: undefined,
      };
    case 'TicketPutOnHold':
      return {
        ...state,
        status: 'on_hold',
        heldFrom: resumable(state.status) ?? 'assigned',
        slaRemainingMs: event.data.remainingBusinessMs,
        overdueSince: event.data.overdueSince,
        dueAt: undefined,
      };
    case 'TicketResumed':
      return {
        ...state,
        status: state.heldFrom ?? 'assigned',
        heldFrom: undefined,
        dueAt: event.data.dueAt,
        slaRemainingMs: undefined,
        overdueSince: undefined,
      };
    case 'TicketCommented':
      return state;
    case 'AnotherReportRecorded':
      return { ...state, otherReports: (state.otherReports ?? 0) + 1 };
    case 'PhotoAttached':
      return { ...state, photos: [...(state.photos ?? []), { ...event.data, attachedAt: event.metadata.occurredAt, attachedBy: event.metadata.actor.id }] };
    case 'ResidentDataErased':
      return { ...state, residentDataErasedAt: event.metadata.occurredAt };
    case 'ResidentNotified':
    case 'StaffNotified':
      return state;
    case 'ResidentUnsubscribed':
      return { ...state, residentUnsubscribedAt: state.residentUnsubscribedAt ?? event.metadata.occurredAt };
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
        overdueSince: undefined,
      };
    case 'TicketReopened':
      return {
        ...state,
        status: 'assigned',
        department: event.data.department,
        assignee: undefined,
        escalationTier: 0,
        dueAt: event.data.dueAt,
        slaBusinessMs: event.data.slaBusinessMs,
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
        overdueSince: undefined,
      };
    default:
      // An event type this version does not know: history is kept, the fold moves on.
      return state;
  }
}

/** Folds a whole history, starting from a ticket that does not exist yet. */
export const fold = (events: Iterable<StampedTicketEvent>, from: TicketState = initialTicketState): TicketState => {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
};
