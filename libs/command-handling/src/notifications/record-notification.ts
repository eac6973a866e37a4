import { ConcurrencyConflictError, type EventStore } from '@switchboard/event-store';
import {
  type Actor,
  encodeTicketEvent,
  type ResidentNotified,
  type ResidentUnsubscribed,
  type StaffNotified,
  stampEvent,
  ticketStreamName,
} from '@switchboard/ticketing';
import { loadTicket } from '../load-ticket';

/** The facts the outbound side records on a ticket: what happened to a notification, and a resident's unsubscribe. */
export type NotificationFact = ResidentNotified | StaffNotified | ResidentUnsubscribed;

/** Who records it, under which id (a delivery's id, or the unsubscribe's), and when. */
export interface NotificationStamp {
  readonly commandId: string;
  readonly actor: Actor;
  readonly occurredAt: Date;
}

/** Where the fact sits on the ticket's stream; `repeated` when the id had recorded it already (nothing written). */
export interface RecordedNotification {
  readonly revision: number;
  readonly position: string;
  readonly repeated: boolean;
}

/** Who records the notifications the outbound consumer settles. */
export const NOTIFICATIONS_ACTOR: Actor = { id: 'notifications', role: 'system' };

const MAX_ATTEMPTS = 8;

/**
 * Records a notification fact on the ticket's stream, once per command id: a settled delivery
 * retried after a crash, or a link clicked twice, finds its fact and writes nothing. These facts
 * are no lifecycle step: any ticket takes them in any state (a closed ticket's closing notice is
 * recorded after it closed), so they are appended here without the lifecycle's decision, like an
 * erasure; another writer in between is retried on the fresh stream. Undefined when the ticket
 * does not exist.
 */
export async function recordNotificationFact(
  store: EventStore,
  ticketId: string,
  fact: NotificationFact,
  stamp: NotificationStamp,
): Promise<RecordedNotification | undefined> {
  const stream = ticketStreamName(ticketId);
  for (let attempt = 1; ; attempt++) {
    const ticket = await loadTicket(store, ticketId);
    if (ticket.revision === undefined) return undefined;
    const earlier = ticket.records.find((step) => step.event?.metadata.commandId === stamp.commandId);
    if (earlier) return { revision: earlier.stored.revision, position: earlier.stored.globalPosition, repeated: true };
    const event = stampEvent<NotificationFact>(fact, 0, { commandId: stamp.commandId, actor: stamp.actor, occurredAt: stamp.occurredAt.toISOString() });
    try {
      const appended = await store.append(stream, ticket.revision, [encodeTicketEvent(event)]);
      return { revision: appended.nextExpectedRevision, position: appended.position, repeated: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
