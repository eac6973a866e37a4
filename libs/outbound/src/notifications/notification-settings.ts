import { NOTIFICATIONS_ACTOR, recordNotificationFact } from '@switchboard/command-handling';
import type { EventStore } from '@switchboard/event-store';
import type { NotificationOutcome, ResidentNotified, StaffNotified } from '@switchboard/ticketing';
import type { DeliveryAttempt, DeliveryOutcome, SettledDelivery } from '../destination';
import type { TransportResult } from './transports/transport';
import type { EmailTransport, SmsTransport } from './transports/transport';

/** What every notification destination shares: how to send, what the city is called, and where its links point. */
export interface NotificationContext {
  /** Undefined: e-mail is off (no SMTP server configured); nothing is planned for it. */
  readonly email?: EmailTransport;
  /** Undefined: text messages are off. */
  readonly sms?: SmsTransport;
  /** The country calling code for national phone numbers (`1`). */
  readonly smsCountryCode: string;
  /** Shown in subjects and texts: `Harrowfield 311`. */
  readonly cityName: string;
  /** The API's public URL, for the unsubscribe link and the console's ticket links. */
  readonly publicUrl: string;
  /** Signs unsubscribe links (HMAC-SHA256). */
  readonly unsubscribeSecret: Uint8Array;
  /** The Message-ID domain: `<delivery id>@<domain>`. */
  readonly messageIdDomain: string;
}

/** How a delivery's outcome says it was not sent on purpose (the contract's outcomes are delivered or failed). */
export const SKIPPED = 'skipped:';

/** A delivered outcome's detail for a notice not sent on purpose, and why. */
export const skippedDetail = (reason: string): string => `${SKIPPED}${reason}`;

/** The reason of a skipped outcome's detail; undefined when it was sent. */
export const skippedReason = (detail: string | undefined): string | undefined => (detail?.startsWith(SKIPPED) ? detail.slice(SKIPPED.length) : undefined);

/** A Message-ID from a delivery id: the same on every attempt, so a receiver can drop a duplicate. */
export const messageIdOf = (deliveryId: string, domain: string): string => `<${deliveryId.replace(/[^\w.-]/g, '.')}@${domain}>`;

/** How a settled delivery ended, as the ticket's history records it (the fields every notification fact shares). */
export function notificationRecordOf(
  delivery: DeliveryAttempt,
  outcome: SettledDelivery,
): { outcome: NotificationOutcome; attempts: number; reason?: string; deliveryId: string; causedBy: string } {
  const skipped = outcome.status === 'delivered' ? skippedReason(outcome.detail) : undefined;
  return {
    outcome: outcome.status === 'given_up' ? 'failed' : skipped !== undefined ? 'skipped' : 'sent',
    attempts: skipped !== undefined ? 0 : outcome.attempts,
    ...(outcome.status === 'given_up' ? { reason: outcome.error } : skipped !== undefined ? { reason: skipped } : {}),
    deliveryId: delivery.deliveryId,
    causedBy: delivery.eventId,
  };
}

/** Records a settled notification on its ticket, once per delivery id. */
export async function recordSettled(
  store: EventStore,
  ticketId: string,
  delivery: DeliveryAttempt,
  outcome: SettledDelivery,
  fact: ResidentNotified | StaffNotified,
): Promise<void> {
  await recordNotificationFact(store, ticketId, fact, { commandId: delivery.deliveryId, actor: NOTIFICATIONS_ACTOR, occurredAt: outcome.at });
}

/** A transport's answer as the consumer takes it: accepted is delivered; otherwise failed, retried when it may help. */
export const outcomeOfSend = (result: TransportResult): DeliveryOutcome =>
  result.accepted ? { status: 'delivered', detail: result.detail } : { status: 'failed', error: result.error, retryable: result.retryable };
