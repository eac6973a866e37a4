import { ConcurrencyConflictError, type EventStore, type GlobalPosition, InvalidArgumentError } from '@switchboard/event-store';
import { carriesResidentData, encodeTicketEvent, type ResidentKeyStore, type StampedTicketEvent, ticketStreamName } from '@switchboard/ticketing';

/** How an imported ticket's append ended. */
export type AppendOutcome = 'imported' | 'already_present' | { readonly refused: string };

/**
 * Appends an imported ticket as a new stream (expected: no stream). A re-run produces the same
 * event ids, so the store answers an earlier import's result and writes nothing (`already_present`);
 * a stream with another history under that id is refused.
 */
export async function appendImportedTicket(
  store: EventStore,
  ticket: { readonly ticketId: string; readonly events: readonly StampedTicketEvent[] },
  head: GlobalPosition | undefined,
  keys: ResidentKeyStore,
): Promise<AppendOutcome> {
  const stream = ticketStreamName(ticket.ticketId);
  const sealing = ticket.events.some(carriesResidentData) ? { recordId: stream, key: await keys.issue(stream) } : undefined;
  const events = ticket.events.map((event) => encodeTicketEvent(event, sealing));
  try {
    const result = await store.append(stream, 'no_stream', events);
    // An idempotent retry answers with the original position, at or before the head the import started from.
    return head !== undefined && result.position <= head ? 'already_present' : 'imported';
  } catch (error) {
    if (error instanceof ConcurrencyConflictError) return { refused: `ticket ${ticket.ticketId} already exists with a different history` };
    if (error instanceof InvalidArgumentError) {
      return { refused: `ticket ${ticket.ticketId} was imported before with different content (did the mapping or the source change?)` };
    }
    throw error;
  }
}
