import type { CloseReason, StampedTicketEvent, ServiceCatalog } from '@switchboard/ticketing';
import type { TicketHistoryStep } from '@switchboard/command-handling';

/** One entry of the public history (the "notes" extension). */
export interface PublicNote {
  readonly datetime: string;
  readonly description: string;
  readonly type: string;
}

const CLOSED_BECAUSE: Record<CloseReason, string> = {
  duplicate: 'Closed as a duplicate',
  withdrawn: 'Closed: withdrawn',
  invalid: 'Closed: not a valid request',
  not_city_responsibility: "Closed: not the city's responsibility",
};

/**
 * The public history of a ticket: state changes in fixed wording and public comments. Staff's
 * free-text notes on state changes (hold reasons, escalation and completion notes) are written
 * for colleagues and stay out, as do internal comments, priority changes and SLA breaches:
 * staff reach residents through public comments.
 */
export function publicNotes(records: readonly TicketHistoryStep[], catalog: ServiceCatalog): PublicNote[] {
  return records.flatMap(({ event }) => {
    const note = event ? publicNoteOf(event, catalog) : undefined;
    return note ? [{ datetime: event!.metadata.occurredAt, ...note }] : [];
  });
}

export function publicNoteOf(event: StampedTicketEvent, catalog: ServiceCatalog): Omit<PublicNote, 'datetime'> | undefined {
  switch (event.type) {
    case 'TicketOpened':
      return { type: 'opened', description: 'Request received.' };
    case 'TicketAssigned':
      return { type: 'assigned', description: `Routed to ${catalog.department(event.data.department)?.name ?? event.data.department}.` };
    case 'WorkStarted':
      return { type: 'in_progress', description: 'Work has started.' };
    case 'TicketPutOnHold':
      return { type: 'on_hold', description: 'On hold.' };
    case 'TicketResumed':
      return { type: 'resumed', description: 'Work has resumed.' };
    case 'TicketEscalated':
      return { type: 'escalated', description: 'Escalated for review.' };
    case 'TicketCommented':
      return event.data.visibility === 'public' ? { type: 'comment', description: event.data.body } : undefined;
    case 'TicketCompleted':
      return { type: 'completed', description: 'Completed.' };
    case 'TicketReopened':
      return { type: 'reopened', description: 'Reopened.' };
    case 'TicketClosed':
      return {
        type: 'closed',
        description:
          event.data.reason === 'duplicate' && event.data.parentTicketId
            ? `${CLOSED_BECAUSE.duplicate} of request ${event.data.parentTicketId}.`
            : `${CLOSED_BECAUSE[event.data.reason] ?? 'Closed'}.`,
      };
    default:
      return undefined;
  }
}
