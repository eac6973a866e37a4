import type { RecordedEvent } from '@switchboard/event-store';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery } from '../destination';

/**
 * A destination for the crash spec: one delivery per ticket event, POSTed to a receiver on loopback
 * with its delivery id in a header, so the receiver can drop a duplicate as a webhook receiver would.
 */
export class HttpTestDestination implements OutboundDestination {
  readonly id = 'http-test';

  constructor(private readonly url: string) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    return event.streamName.startsWith('ticket-') ? [{ key: 'receiver', payload: { type: event.type, stream: event.streamName } }] : [];
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'delivery-id': delivery.deliveryId },
      body: JSON.stringify(delivery.payload),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.ok ? { status: 'delivered' } : { status: 'failed', error: `HTTP ${response.status}`, retryable: true };
  }
}
