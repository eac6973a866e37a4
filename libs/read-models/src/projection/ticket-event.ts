import type { RecordedEvent } from '@switchboard/event-store';
import { upcast, type RecordedTicketEvent, type StoredTicketEvent } from '@switchboard/ticketing';

/** Ticket streams are `ticket-<id>`; the runner subscribes to this prefix only. */
export const TICKET_STREAM_PREFIX = 'ticket-';

/** A stored event brought to today's schema; undefined for event types this version does not know. */
export function toTicketEvent(recorded: RecordedEvent): RecordedTicketEvent | undefined {
  return upcast({ type: recorded.type, data: recorded.data, metadata: recorded.metadata } as unknown as StoredTicketEvent);
}
