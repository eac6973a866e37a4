import type { CloseReason, StampedTicketEvent, ServiceCatalog, TicketState } from '@switchboard/ticketing';
import type { LoadedTicket } from '@switchboard/command-handling';
import { publicNoteOf } from '../requests/reading/public-notes';
import { mediaUrlOf } from '../media/public-media';

/**
 * The statuses of mySociety's Open311 extension (what FixMyStreet reads from
 * `servicerequestupdates`), beyond the spec's open and closed.
 */
export type UpdateStatus = 'open' | 'in_progress' | 'investigating' | 'fixed' | 'closed' | 'duplicate' | 'not_councils_responsibility' | 'no_further_action';

const CLOSED_AS: Record<CloseReason, UpdateStatus> = {
  duplicate: 'duplicate',
  withdrawn: 'closed',
  invalid: 'no_further_action',
  not_city_responsibility: 'not_councils_responsibility',
};

/** A ticket's state as an update status: work started is in progress, held or escalated is being investigated, completed is fixed. */
export function updateStatusOf(state: TicketState): UpdateStatus {
  switch (state.status) {
    case 'in_progress':
      return 'in_progress';
    case 'on_hold':
    case 'escalated':
      return 'investigating';
    case 'completed':
      return 'fixed';
    case 'closed':
      return state.closeReason ? CLOSED_AS[state.closeReason] : 'closed';
    default:
      return 'open';
  }
}

/** One status update of a request, as `servicerequestupdates` answers it. */
export interface RequestUpdate {
  /** The event's id: unique and stable, so a client that fetches overlapping windows drops what it has. */
  readonly updateId: string;
  readonly serviceRequestId: string;
  readonly status: UpdateStatus;
  readonly updatedAt: string;
  readonly description: string;
  readonly mediaUrl: string;
}

/**
 * What happened to a request after it was opened, in public: each state change in the fixed words of
 * its public notes, each public comment, each public photo (its caption, its media_url), with the
 * status the request had after it — within [from, to). The opening itself is the request, not an
 * update of it; internal comments and photos, priority changes and breaches never appear.
 */
export function requestUpdates(ticket: LoadedTicket, catalog: ServiceCatalog, endpointUrl: string, from: Date, to: Date): RequestUpdate[] {
  return ticket.records.flatMap(({ event, stateAfter }) => {
    if (!event || event.type === 'TicketOpened') return [];
    const at = Date.parse(event.metadata.occurredAt);
    if (at < from.getTime() || at >= to.getTime()) return [];
    const said = publicUpdateOf(event, ticket.ticketId, catalog, endpointUrl);
    if (!said) return [];
    return [
      {
        updateId: event.metadata.eventId,
        serviceRequestId: ticket.ticketId,
        status: updateStatusOf(stateAfter),
        updatedAt: event.metadata.occurredAt,
        ...said,
      },
    ];
  });
}

function publicUpdateOf(
  event: StampedTicketEvent,
  ticketId: string,
  catalog: ServiceCatalog,
  endpointUrl: string,
): Pick<RequestUpdate, 'description' | 'mediaUrl'> | undefined {
  if (event.type === 'PhotoAttached') {
    if (event.data.visibility !== 'public') return undefined;
    return { description: event.data.caption ?? '', mediaUrl: mediaUrlOf({ ...event.data, attachedAt: '', attachedBy: '' }, ticketId, endpointUrl) };
  }
  const note = publicNoteOf(event, catalog);
  return note ? { description: note.description, mediaUrl: '' } : undefined;
}
