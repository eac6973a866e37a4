import type { RecordedEvent } from '@switchboard/event-store';

/**
 * The contract between the outbound consumer and what it delivers to. The consumer reads the log
 * in order from its checkpoint; for each event it asks every destination which deliveries the event
 * calls for (`plan`), records them in its delivery log in the same transaction as its checkpoint,
 * and then performs them (`deliver`), retrying with back-off until a delivery succeeds or is given
 * up. A delivery is keyed by the event's id, the destination's id and the delivery's own key, so it
 * is planned once and performed once in effect, however often the consumer restarts.
 */
export interface OutboundDestination {
  /** Stable name, part of every delivery key and of the delivery log: 'resident-email', 'webhooks', 'nats'… */
  readonly id: string;
  /**
   * The deliveries this event calls for at this destination: none for most events. Deterministic for
   * one event and one configuration (a replanned event gives the same keys); it may read state it
   * needs (a ticket's contact preferences, the subscribers) but must not send anything.
   */
  plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]>;
  /**
   * Performs one delivery. Resolves when the receiver accepted it; rejects (or resolves 'failed')
   * when it did not. Receivers that can drop duplicates get `deliveryId` as their message id.
   */
  deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome>;
  /**
   * Called once a delivery is settled for good (delivered, or given up after the last attempt):
   * e.g. records "resident notified by e-mail" on the ticket's history. Optional.
   */
  settled?(delivery: DeliveryAttempt, outcome: SettledDelivery): Promise<void>;
}

export interface PlannedDelivery {
  /** Unique within the event and destination: a subscriber id, 'email:resident', 'digest:<staff>'… */
  readonly key: string;
  /** What the destination needs to perform it later, as JSON (no secrets, no contact data in the clear). */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Deliver not before this moment (a daily digest); default at once. */
  readonly notBefore?: Date;
}

export interface DeliveryAttempt {
  /** `<destination id>:<event id>:<key>`: the same for every attempt of one delivery. */
  readonly deliveryId: string;
  readonly destinationId: string;
  readonly key: string;
  readonly eventId: string;
  readonly streamName: string;
  readonly eventType: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export type DeliveryOutcome =
  { readonly status: 'delivered'; readonly detail?: string } | { readonly status: 'failed'; readonly error: string; readonly retryable: boolean };

export type SettledDelivery =
  | { readonly status: 'delivered'; readonly at: Date; readonly attempts: number; readonly detail?: string }
  | { readonly status: 'given_up'; readonly at: Date; readonly attempts: number; readonly error: string };
