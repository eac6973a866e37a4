import type { Actor } from '../model/actor';
import { commandDigest } from './command-digest';
import type { TicketCommand } from '../commands/ticket-commands';
import { deterministicEventId } from './event-ids';
import type { EventMetadata, StampedTicketEvent, TicketEvent } from './ticket-events';
import { CURRENT_SCHEMA_VERSION, type TicketEventAsStored, upcast } from './upcasters';
import { NO_RESIDENT_KEYS, openedField, type ResidentKeyRing, type ResidentSealing, sealedField } from '../privacy/resident-data';

// The one mapping between ticket events and a store's records. Plain shapes only: the store's
// own types match them structurally, so the domain imports nothing of the store.

/** Ticket streams are `ticket-<id>`; subscribers filter on this prefix. */
export const TICKET_STREAM_PREFIX = 'ticket-';

/** One stream per ticket. */
export const ticketStreamName = (ticketId: string): string => `${TICKET_STREAM_PREFIX}${ticketId}`;

/** The ticket id of a ticket stream's name; undefined for any other stream. */
export const ticketIdOfStream = (streamName: string): string | undefined =>
  streamName.startsWith(TICKET_STREAM_PREFIX) && streamName.length > TICKET_STREAM_PREFIX.length ? streamName.slice(TICKET_STREAM_PREFIX.length) : undefined;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

/** A ticket event as a store appends it. */
export interface EncodedTicketEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonRecord;
  readonly metadata: JsonRecord;
}

/** A record as a store returns it: any schema version, nothing yet trusted. */
export interface StoredRecord {
  /** The stream the record was read from: the resident record its sealed personal data is bound to. */
  readonly streamName?: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
}

/** Who recorded a batch of facts, under which command, and when. */
export interface EventStamp {
  readonly commandId: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor: Actor;
  /** ISO-8601 instant the fact happened. */
  readonly occurredAt: string;
  /** The command that decided the facts: its type and digest bind the command id to the request. */
  readonly command?: TicketCommand;
  readonly imported?: EventMetadata['imported'];
}

/** The `index`-th fact of a command with its metadata: the event id derives from the command id. */
export function stampEvent<E extends TicketEvent>(fact: E, index: number, stamp: EventStamp): StampedTicketEvent<E> {
  const metadata: EventMetadata = {
    eventId: deterministicEventId(stamp.commandId, index),
    commandId: stamp.commandId,
    ...(stamp.command ? { commandType: stamp.command.type, commandDigest: commandDigest(stamp.command) } : {}),
    correlationId: stamp.correlationId ?? stamp.commandId,
    causationId: stamp.causationId ?? stamp.commandId,
    actor: stamp.actor,
    occurredAt: stamp.occurredAt,
    schemaVersion: CURRENT_SCHEMA_VERSION[fact.type],
    ...(stamp.imported ? { imported: stamp.imported } : {}),
  };
  return { ...fact, metadata };
}

/** The field of a ticket event that holds a resident's personal data, sealed in the log. */
const PERSONAL_FIELD = 'contact';

/** Whether the event carries resident data: the writer issues the ticket's key before encoding it. */
export const carriesResidentData = (event: TicketEvent): boolean => (event.data as Record<string, unknown>)[PERSONAL_FIELD] !== undefined;

/**
 * A recorded ticket event as the store takes it: the resident's contact sealed under the ticket's
 * key (or left out once the ticket's resident data was erased). An event with a contact and no
 * sealing is refused: no writer can store personal data in the clear.
 */
export const encodeTicketEvent = (event: StampedTicketEvent, sealing?: ResidentSealing): EncodedTicketEvent => ({
  id: event.metadata.eventId,
  type: event.type,
  data: sealedField(event.data as unknown as Record<string, unknown>, PERSONAL_FIELD, event.metadata.eventId, sealing) as JsonRecord,
  metadata: event.metadata as unknown as JsonRecord,
});

/**
 * A stored record brought to today's schema, its contact opened with the ticket's key from `keys`
 * (without it, or once erased, the contact is left out; plaintext from before sealing reads until
 * the ticket is erased); undefined for event types this version does not know.
 */
export function decodeTicketEvent(stored: StoredRecord, keys: ResidentKeyRing = NO_RESIDENT_KEYS): StampedTicketEvent | undefined {
  const event = upcast({ type: stored.type, data: stored.data, metadata: stored.metadata } as TicketEventAsStored);
  if (!event || !carriesResidentData(event)) return event;
  return { ...event, data: openedField(event.data as unknown as Record<string, unknown>, PERSONAL_FIELD, stored.streamName, keys) } as StampedTicketEvent;
}
