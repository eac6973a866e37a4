import { ConcurrencyConflictError, type EventStore } from '@switchboard/event-store';
import { type Actor, encodeTicketEvent, type ResidentDataErased, type ResidentKeyStore, stampEvent, ticketStreamName } from '@switchboard/ticketing';
import { loadTicket } from '../load-ticket';

/** Why and how a ticket's resident data is erased. */
export interface ResidentDataErasure {
  readonly reason: string;
  readonly trigger: ResidentDataErased['data']['trigger'];
  readonly actor: Actor;
  /** Idempotency key of the request: the event's id derives from it. */
  readonly commandId: string;
}

/** What an erasure answers: the ticket, the erasure's revision and position (or the earlier one's), and when. */
export interface ErasureResult {
  readonly ticketId: string;
  readonly revision: number;
  readonly position: string;
  readonly erasedAt: string;
  /** True when the ticket's resident data had been erased already: nothing was recorded. */
  readonly alreadyErased: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * Erases a ticket's resident data: destroys its key first, then records ResidentDataErased (who,
 * when, why) on its stream. In that order, a failure between the two leaves the data unreadable
 * and the erasure unrecorded, and the retry (the key already gone) records it; never the reverse.
 * Undefined when the ticket does not exist.
 */
export async function eraseTicketResidentData(
  store: EventStore,
  keys: ResidentKeyStore,
  ticketId: string,
  erasure: ResidentDataErasure,
  now: Date,
): Promise<ErasureResult | undefined> {
  const stream = ticketStreamName(ticketId);
  for (let attempt = 1; ; attempt++) {
    const ticket = await loadTicket(store, ticketId);
    if (ticket.revision === undefined) return undefined;
    const earlier = ticket.records.find((record) => record.event?.type === 'ResidentDataErased');
    if (earlier?.event) {
      await keys.erase(stream, new Date(earlier.event.metadata.occurredAt));
      return {
        ticketId,
        revision: earlier.stored.revision,
        position: earlier.stored.globalPosition,
        erasedAt: earlier.event.metadata.occurredAt,
        alreadyErased: true,
      };
    }
    await keys.erase(stream, now);
    const event = stampEvent<ResidentDataErased>({ type: 'ResidentDataErased', data: { reason: erasure.reason, trigger: erasure.trigger } }, 0, {
      commandId: erasure.commandId,
      actor: erasure.actor,
      occurredAt: now.toISOString(),
    });
    try {
      const appended = await store.append(stream, ticket.revision, [encodeTicketEvent(event)]);
      return { ticketId, revision: appended.nextExpectedRevision, position: appended.position, erasedAt: now.toISOString(), alreadyErased: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
