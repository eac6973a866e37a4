import { evolve, initialTicketState, type Channel, type ServiceCatalog, type StampedTicketEvent, type TicketState } from '@switchboard/ticketing';

/** What metrics need to know about one ticket, folded from its events. Times are ISO instants. */
export interface TicketFacts {
  readonly ticketId: string;
  readonly serviceCode: string;
  readonly channel: Channel;
  readonly owningDepartment: string;
  /** The department that holds the ticket, completed it, or (before routing) owns its service. */
  readonly department: string;
  readonly status: TicketState['status'];
  readonly openedAt: string;
  /** When a department first took the ticket (routing, or an escalation from intake naming one). */
  readonly firstAssignedAt: string | null;
  readonly assignBusinessMs: number | null;
  readonly startedAt: string | null;
  /** The last completion; null again after a reopen until the ticket is completed again. */
  readonly completedAt: string | null;
  readonly completeBusinessMs: number | null;
  readonly closedAt: string | null;
  /** Due instant in force: while the clock runs, the one a late hold stays late against, or the one at resolution. */
  readonly dueAt: string | null;
  readonly slaStartedAt: string | null;
  readonly onHoldSince: string | null;
  readonly onHoldBusinessMs: number;
  readonly onHoldCalendarMs: number;
  readonly escalationCount: number;
  readonly maxEscalationTier: number;
  readonly reopenCount: number;
  readonly firstContactResolution: boolean;
  /** Whether the last resolution met its due time; null while the ticket is open. */
  readonly onTime: boolean | null;
  /** The lifecycle state the fold continues from (the domain's own `evolve`). */
  readonly state: TicketState;
}

/** The instant a ticket ended (completed or closed without completion), or null while open. */
export const endedAt = (facts: Pick<TicketFacts, 'completedAt' | 'closedAt'>): string | null => facts.completedAt ?? facts.closedAt;

/**
 * Folds one event into a ticket's facts: pure, so the projection and an in-memory replay (CLI)
 * give identical figures. Events before the ticket's opening leave it unopened (undefined).
 */
export function ticketFactsFold(facts: TicketFacts | undefined, event: StampedTicketEvent, catalog: ServiceCatalog): TicketFacts | undefined {
  const at = event.metadata.occurredAt;
  if (event.type === 'TicketOpened') return opened(event.data, at, catalog, evolve(initialTicketState, event));
  if (!facts) return undefined;
  const before = facts.state;
  const state = evolve(before, event);
  const businessMs = (from: string, to: string): number => catalog.calendar.businessTimeBetween(new Date(from), new Date(to));
  // One copy per event, then filled in: a spread per changed fact made most of a rebuild's garbage.
  const next: Mutable<TicketFacts> = { ...facts, state, status: state.status, department: departmentOf(state) };

  if (next.firstAssignedAt === null && state.department !== undefined) {
    next.firstAssignedAt = at;
    next.assignBusinessMs = businessMs(facts.openedAt, at);
  }
  if (before.status === 'on_hold' && state.status !== 'on_hold' && facts.onHoldSince !== null) {
    next.onHoldSince = null;
    next.onHoldBusinessMs = facts.onHoldBusinessMs + businessMs(facts.onHoldSince, at);
    next.onHoldCalendarMs = facts.onHoldCalendarMs + (Date.parse(at) - Date.parse(facts.onHoldSince));
  }
  switch (event.type) {
    case 'TicketAssigned':
    case 'TicketEscalated':
    case 'TicketReopened':
      if (event.data.slaBusinessMs !== undefined) next.slaStartedAt = at;
      break;
    case 'TicketPutOnHold':
      next.onHoldSince = at;
      break;
    case 'WorkStarted':
      if (next.startedAt === null) next.startedAt = at;
      break;
    default:
      break;
  }
  if (event.type === 'TicketEscalated') {
    next.escalationCount = facts.escalationCount + 1;
    next.maxEscalationTier = Math.max(facts.maxEscalationTier, event.data.tier);
  }
  if (event.type === 'TicketCompleted') {
    const due = runningDue(before);
    next.completedAt = at;
    next.completeBusinessMs = businessMs(facts.openedAt, at);
    next.firstContactResolution = facts.firstContactResolution || event.data.firstContactResolution;
    next.dueAt = due;
    next.onTime = due === null || at <= due;
  } else if (event.type === 'TicketClosed') {
    const due = runningDue(before);
    next.closedAt = at;
    next.dueAt = due;
    next.onTime = due === null || at <= due;
  } else if (event.type === 'TicketReopened') {
    next.completedAt = null;
    next.completeBusinessMs = null;
    next.onTime = null;
    next.reopenCount = facts.reopenCount + 1;
    next.dueAt = runningDue(state);
  } else {
    next.dueAt = state.status === 'completed' || state.status === 'closed' ? facts.dueAt : runningDue(state);
  }
  return next;
}

function opened(
  data: { ticketId: string; serviceCode: string; channel: Channel; owningDepartment: string },
  at: string,
  catalog: ServiceCatalog,
  state: TicketState,
): TicketFacts {
  return {
    ticketId: data.ticketId,
    serviceCode: data.serviceCode,
    channel: data.channel,
    owningDepartment: data.owningDepartment ?? catalog.service(data.serviceCode)?.department ?? 'unknown',
    department: data.owningDepartment,
    status: state.status,
    openedAt: at,
    firstAssignedAt: null,
    assignBusinessMs: null,
    startedAt: null,
    completedAt: null,
    completeBusinessMs: null,
    closedAt: null,
    dueAt: null,
    slaStartedAt: null,
    onHoldSince: null,
    onHoldBusinessMs: 0,
    onHoldCalendarMs: 0,
    escalationCount: 0,
    maxEscalationTier: 0,
    reopenCount: 0,
    firstContactResolution: false,
    onTime: null,
    state,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The due time a ticket is measured against now: the running one, or the one a late hold keeps (a hold never hides lateness). */
function runningDue(state: TicketState): string | null {
  return state.dueAt ?? state.overdueSince ?? null;
}

function departmentOf(state: TicketState): string {
  return (state.status === 'completed' ? state.completedByDepartment : undefined) ?? state.department ?? state.owningDepartment ?? 'unknown';
}
