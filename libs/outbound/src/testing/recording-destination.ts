import type { RecordedEvent } from '@switchboard/event-store';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery, SettledDelivery } from '../destination';

/**
 * A destination for the consumer's specs: one delivery per ticket event (key `k`), outcomes scripted
 * per delivery id (`failures` before it succeeds, or a failure that is not retryable), every attempt
 * and settlement recorded in order.
 */
export class RecordingDestination implements OutboundDestination {
  readonly attempts: DeliveryAttempt[] = [];
  readonly settlements: { delivery: DeliveryAttempt; outcome: SettledDelivery }[] = [];
  /** Failures each delivery id answers before it is accepted; `Infinity` never accepts. */
  readonly failures = new Map<string, number>();
  readonly refused = new Set<string>();
  notBefore?: (event: RecordedEvent) => Date | undefined;

  constructor(readonly id = 'recording') {}

  async plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    if (!event.streamName.startsWith('ticket-')) return [];
    const notBefore = this.notBefore?.(event);
    return [{ key: 'k', payload: { type: event.type, stream: event.streamName }, ...(notBefore ? { notBefore } : {}) }];
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    this.attempts.push(delivery);
    if (this.refused.has(delivery.deliveryId)) return { status: 'failed', error: 'refused for good', retryable: false };
    const left = this.failures.get(delivery.deliveryId) ?? 0;
    if (left > 0) {
      this.failures.set(delivery.deliveryId, left - 1);
      throw new Error(`receiver down (${left} left)`);
    }
    return { status: 'delivered', detail: `accepted #${delivery.attempt}` };
  }

  async settled(delivery: DeliveryAttempt, outcome: SettledDelivery): Promise<void> {
    this.settlements.push({ delivery, outcome });
  }

  /** Delivery ids attempted, in order. */
  attemptedIds(): string[] {
    return this.attempts.map((attempt) => attempt.deliveryId);
  }
}
