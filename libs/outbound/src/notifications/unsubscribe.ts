import { NOTIFICATIONS_ACTOR, recordNotificationFact } from '@switchboard/command-handling';
import type { EventStore } from '@switchboard/event-store';
import type { UnsubscribeClaim } from './unsubscribe-token';

/** What an unsubscribe did: `unsubscribed` false when the ticket does not exist; `repeated` when it had been stopped already. */
export interface UnsubscribeResult {
  readonly unsubscribed: boolean;
  readonly repeated: boolean;
  readonly position?: string;
}

/**
 * Stops a ticket's updates for its resident: ResidentUnsubscribed on the ticket's stream, so it
 * holds across restarts and every process (plans and deliveries read it off the history). Its id
 * is one per ticket, so a link opened twice, or by a mail scanner first, records it once.
 */
export async function recordUnsubscribe(store: EventStore, claim: UnsubscribeClaim, now: Date): Promise<UnsubscribeResult> {
  const recorded = await recordNotificationFact(
    store,
    claim.ticketId,
    { type: 'ResidentUnsubscribed', data: { via: 'link' } },
    { commandId: `unsubscribe:${claim.ticketId}`, actor: NOTIFICATIONS_ACTOR, occurredAt: now },
  );
  return recorded ? { unsubscribed: true, repeated: recorded.repeated, position: recorded.position } : { unsubscribed: false, repeated: false };
}
