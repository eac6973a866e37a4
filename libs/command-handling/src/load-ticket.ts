import { type EventStore, type RecordedEvent, StreamNotFoundError } from '@switchboard/event-store';
import {
  decodeTicketEvent,
  evolve,
  initialTicketState,
  NO_RESIDENT_KEYS,
  type ResidentKeyStore,
  type StampedTicketEvent,
  type TicketState,
  ticketStreamName,
} from '@switchboard/ticketing';

/** One stored event of a ticket: where it sits in the store, and the event brought to today's schema. */
export interface TicketHistoryStep {
  readonly stored: RecordedEvent;
  /** Undefined for event types this version does not know (kept in history, skipped by the fold). */
  readonly event?: StampedTicketEvent;
  readonly stateBefore: TicketState;
  readonly stateAfter: TicketState;
}

/** A ticket folded from its own stream. */
export interface LoadedTicket {
  readonly ticketId: string;
  readonly records: readonly TicketHistoryStep[];
  readonly state: TicketState;
  /** Revision of the stream's last event; undefined when the ticket has no history. */
  readonly revision?: number;
}

/**
 * Reads a ticket's stream, upcasting every event, and folds it (recording each state on the way).
 * The resident's contact is opened with the ticket's key from `keys`; without them (a reader that
 * never shows contact data, like Open311) sealed contacts are left out.
 */
export async function loadTicket(store: EventStore, ticketId: string, keys?: ResidentKeyStore): Promise<LoadedTicket> {
  const records: TicketHistoryStep[] = [];
  let state = initialTicketState;
  const stream = ticketStreamName(ticketId);
  const ring = keys ? await keys.ring([stream]) : NO_RESIDENT_KEYS;
  try {
    for await (const stored of store.readStream(stream)) {
      const event = decodeTicketEvent(stored, ring);
      const stateAfter = event ? evolve(state, event) : state;
      records.push({ stored, event, stateBefore: state, stateAfter });
      state = stateAfter;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  const last = records.at(-1);
  return { ticketId, records, state, revision: last?.stored.revision };
}
