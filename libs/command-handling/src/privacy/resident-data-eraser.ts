import { ConcurrencyConflictError, type EventStore, type RecordedEvent } from '@switchboard/event-store';
import { contactStream, type StampedContactEvent } from '@switchboard/knowledge';
import {
  type Actor,
  type EncodedTicketEvent,
  encodeTicketEvent,
  type EventMetadata,
  type ResidentDataErased,
  type ResidentKeyStore,
  stampEvent,
  ticketStreamName,
} from '@switchboard/ticketing';
import type { ContactCommandHandler } from '../knowledge/contact-commands';
import { loadTicket } from '../load-ticket';

/** Why and how a record's resident data is erased. */
export interface ResidentDataErasure {
  readonly reason: string;
  readonly trigger: ResidentDataErased['data']['trigger'];
  readonly actor: Actor;
  /** Idempotency key of the request: the event's id derives from it. */
  readonly commandId: string;
}

/** What an erasure answers: the record, the erasure's revision and position (or the earlier one's), and when. */
export interface ErasureResult {
  readonly id: string;
  readonly revision: number;
  readonly position: string;
  readonly erasedAt: string;
  /** True when the record's resident data had been erased already: nothing was recorded. */
  readonly alreadyErased: boolean;
}

/** A record's stream as the eraser needs it: where it stands, and its earlier erasure if any. */
interface ErasableRecord {
  readonly revision?: number;
  readonly erased?: { readonly stored: RecordedEvent; readonly metadata: EventMetadata };
}

interface ErasableStream {
  readonly id: string;
  readonly stream: string;
  readonly load: () => Promise<ErasableRecord>;
  readonly encode: (erasure: ResidentDataErasure, now: Date) => EncodedTicketEvent;
}

const MAX_ATTEMPTS = 5;

/** Where a loaded stream stands and its earlier erasure, from its steps (a ticket's records, a contact's steps). */
function erasableRecord(
  revision: number | undefined,
  steps: readonly { readonly stored: RecordedEvent; readonly event?: { readonly type: string; readonly metadata: EventMetadata } }[],
): ErasableRecord {
  const earlier = steps.find((step) => step.event?.type === 'ResidentDataErased');
  return { revision, erased: earlier?.event && { stored: earlier.stored, metadata: earlier.event.metadata } };
}
/** The erasure as the one fact a ticket's and a contact's stream record alike. */
const erasedEvent = (erasure: ResidentDataErasure, at: Date) =>
  stampEvent<ResidentDataErased>({ type: 'ResidentDataErased', data: { reason: erasure.reason, trigger: erasure.trigger } }, 0, {
    commandId: erasure.commandId,
    actor: erasure.actor,
    occurredAt: at.toISOString(),
  });

/**
 * Erases a record's resident data: destroys its key first, then records ResidentDataErased (who,
 * when, why) on its stream. In that order, a failure between the two leaves the data unreadable
 * and the erasure unrecorded, and the retry (the key already gone) records it; never the reverse.
 * Undefined when the record does not exist.
 */
async function eraseRecord(
  store: EventStore,
  keys: ResidentKeyStore,
  record: ErasableStream,
  erasure: ResidentDataErasure,
  now: Date,
): Promise<ErasureResult | undefined> {
  for (let attempt = 1; ; attempt++) {
    const { revision, erased } = await record.load();
    if (revision === undefined) return undefined;
    if (erased) {
      await keys.erase(record.stream, new Date(erased.metadata.occurredAt));
      const { stored, metadata } = erased;
      return { id: record.id, revision: stored.revision, position: stored.globalPosition, erasedAt: metadata.occurredAt, alreadyErased: true };
    }
    await keys.erase(record.stream, now);
    try {
      const appended = await store.append(record.stream, revision, [record.encode(erasure, now)]);
      return { id: record.id, revision: appended.nextExpectedRevision, position: appended.position, erasedAt: now.toISOString(), alreadyErased: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Erases a ticket's resident data (every contact recorded on it); undefined when the ticket does not exist. */
export function eraseTicketResidentData(
  store: EventStore,
  keys: ResidentKeyStore,
  ticketId: string,
  erasure: ResidentDataErasure,
  now: Date,
): Promise<ErasureResult | undefined> {
  return eraseRecord(
    store,
    keys,
    {
      id: ticketId,
      stream: ticketStreamName(ticketId),
      load: async () => {
        const ticket = await loadTicket(store, ticketId);
        return erasableRecord(ticket.revision, ticket.records);
      },
      encode: (e, at) => encodeTicketEvent(erasedEvent(e, at)),
    },
    erasure,
    now,
  );
}

/** Erases a 311 contact's resident data (the resident's identity); undefined when the contact does not exist. */
export function eraseContactResidentData(
  store: EventStore,
  keys: ResidentKeyStore,
  contacts: Pick<ContactCommandHandler, 'load'>,
  contactId: string,
  erasure: ResidentDataErasure,
  now: Date,
): Promise<ErasureResult | undefined> {
  return eraseRecord(
    store,
    keys,
    {
      id: contactId,
      stream: contactStream.streamName(contactId),
      load: async () => {
        const contact = await contacts.load(contactId);
        return erasableRecord(contact.revision, contact.steps);
      },
      encode: (e, at) => contactStream.encode(erasedEvent(e, at) satisfies StampedContactEvent),
    },
    erasure,
    now,
  );
}
