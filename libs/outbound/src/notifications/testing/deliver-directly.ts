import type { EventStore, GlobalPosition } from '@switchboard/event-store';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, SettledDelivery } from '../../destination';

// A destination driven by hand, as the outbound consumer drives it (plan → deliver, attempts until
// accepted or given up → settled), over the log after a position: for specs of a destination
// itself. It has none of the consumer's durability; the consumer's own specs cover that.

export interface DirectDelivery {
  readonly attempt: DeliveryAttempt;
  readonly outcome: DeliveryOutcome;
  readonly settled: SettledDelivery;
  readonly notBefore?: Date;
}

export interface DirectRun {
  readonly deliveries: readonly DirectDelivery[];
  /** The log's last position read: pass it as `after` to deliver only what came since. */
  readonly position?: GlobalPosition;
}

export async function deliverDirectly(
  store: EventStore,
  destination: OutboundDestination,
  options: { readonly after?: GlobalPosition; readonly maxAttempts?: number; readonly now?: () => Date } = {},
): Promise<DirectRun> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 3;
  const deliveries: DirectDelivery[] = [];
  let position = options.after;
  const events = [];
  for await (const event of store.readAll({ after: options.after })) events.push(event);
  for (const event of events) {
    position = event.globalPosition;
    for (const planned of await destination.plan(event)) {
      let outcome: DeliveryOutcome = { status: 'failed', error: 'never attempted', retryable: true };
      let attempt: DeliveryAttempt | undefined;
      for (let n = 1; n <= maxAttempts; n++) {
        attempt = {
          deliveryId: `${destination.id}:${event.id}:${planned.key}`,
          destinationId: destination.id,
          key: planned.key,
          eventId: event.id,
          streamName: event.streamName,
          eventType: event.type,
          payload: planned.payload,
          attempt: n,
        };
        outcome = await destination.deliver(attempt).catch((error: Error): DeliveryOutcome => ({ status: 'failed', error: error.message, retryable: true }));
        if (outcome.status === 'delivered' || !outcome.retryable) break;
      }
      const settled: SettledDelivery =
        outcome.status === 'delivered'
          ? { status: 'delivered', at: now(), attempts: attempt!.attempt, detail: outcome.detail }
          : { status: 'given_up', at: now(), attempts: attempt!.attempt, error: outcome.error };
      await destination.settled?.(attempt!, settled);
      deliveries.push({ attempt: attempt!, outcome, settled, notBefore: planned.notBefore });
    }
  }
  return { deliveries, position };
}
