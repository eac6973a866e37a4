import type { EventStore, GlobalPosition, RecordedEvent } from '@switchboard/event-store';
import { type Clock, headPosition, type ReadStore, scanAll, systemClock } from '@switchboard/read-models';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery } from '../destination';
import { type PlannedRow, scheduleRedelivery } from '../consumer/delivery-log';
import { outboundTransaction } from '../consumer/outbound-db';
import type { PublicTicketEvent, PublicTicketEvents } from '../consumer/public-ticket-events';
import { webhookHeaders } from './standard-webhooks';
import { subscriptionWants, type WebhookSubscription, type WebhookSubscriptions } from './webhook-subscriptions';

export const WEBHOOKS = 'webhooks';

/** What a webhook delivery carries: the exact body that is signed and sent, the same on every attempt. */
export type WebhookPayload = { readonly body: string };

/** The body of a webhook request, Standard Webhooks' recommended shape: the event's type, when it happened, and the event. */
export function webhookBody(event: PublicTicketEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event });
}

export interface WebhookDestinationOptions {
  /** A receiver that has not answered within this long has failed this attempt; default 10 s. */
  readonly timeoutMs?: number;
  readonly clock?: Clock;
}

/**
 * Signed webhooks as a destination of the outbound consumer: each ticket event is planned once per
 * subscription whose filters (departments, event types) want it, keyed by the subscription's id, so
 * its `webhook-id` (the delivery id) is the same on every attempt and a receiver drops duplicates by
 * it. Each attempt is signed at the time it is sent, with the secrets in force then.
 */
export class WebhookDestination implements OutboundDestination {
  readonly id = WEBHOOKS;
  private readonly clock: Clock;

  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly events: PublicTicketEvents,
    private readonly options: WebhookDestinationOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    if (!event.streamName.startsWith('ticket-')) return [];
    // The event type is known without reading the ticket: only a subscriber that may want it costs a stream read.
    const subscriptions = (await this.subscriptions.list(this.clock.now())).filter(
      (subscription) => subscription.enabled && (!subscription.eventTypes || subscription.eventTypes.includes(event.type)),
    );
    if (subscriptions.length === 0) return [];
    const ticketEvent = await this.events.of(event);
    if (!ticketEvent) return [];
    return subscriptions.flatMap((subscription) => this.plannedFor(subscription, ticketEvent));
  }

  /** The delivery of one event to one subscriber, when its filters want the event. */
  plannedFor(subscription: WebhookSubscription, event: PublicTicketEvent): PlannedDelivery[] {
    if (!subscriptionWants(subscription, event.type, event.departments)) return [];
    const payload: WebhookPayload = { body: webhookBody(event) };
    return [{ key: subscription.id, payload }];
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const target = await this.subscriptions.target(delivery.key, now);
    if (!target) return { status: 'failed', error: 'the subscription was removed', retryable: false };
    if (!target.subscription.enabled) return { status: 'failed', error: 'the subscription is disabled', retryable: false };
    const { body } = delivery.payload as unknown as WebhookPayload;
    let response: Response;
    try {
      response = await fetch(target.subscription.url, {
        method: 'POST',
        headers: {
          ...webhookHeaders(target.secrets, delivery.deliveryId, now, body),
          'content-type': 'application/json',
          'user-agent': 'Switchboard-Webhooks/1',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { status: 'failed', error: `POST ${target.subscription.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, retryable: true };
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { status: 'delivered', detail: `HTTP ${response.status}` };
    // 410 Gone: the receiver says the endpoint is no more; anything else may pass.
    return { status: 'failed', error: `HTTP ${response.status} from ${target.subscription.url}`, retryable: response.status !== 410 };
  }
}

export interface WebhookReplay {
  readonly subscriptionId: string;
  /** Events at this position and after are delivered again (as far as `limit` allows). */
  readonly from: GlobalPosition;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly subscriptions: WebhookSubscriptions;
  readonly destination: WebhookDestination;
  readonly events: PublicTicketEvents;
  readonly now: Date;
  /** Deliveries scheduled by one replay at most; default 10,000. */
  readonly limit?: number;
  /** Events read by one replay at most; default 100,000. */
  readonly scanLimit?: number;
}

export interface WebhookReplayResult {
  readonly scheduled: number;
  /** The last position read, when any. */
  readonly through?: GlobalPosition;
  /** Where to replay from next when a limit (deliveries, or events read) cut this replay short. */
  readonly next?: GlobalPosition;
}

const REPLAY_WRITE_CHUNK = 500;
const REPLAY_SCAN_LIMIT = 100_000;

/**
 * Delivers the events from position `from` (inclusive) to the log's head at the start again to one
 * subscriber, as its filters want them now: each one's delivery starts a new round (or is planned,
 * for events from before the subscription), under the same delivery id as before, so a receiver that
 * already has it drops it. The active consumer performs them as it performs any due delivery.
 */
export async function replayWebhooks(replay: WebhookReplay): Promise<WebhookReplayResult> {
  const subscription = await replay.subscriptions.get(replay.subscriptionId, replay.now);
  if (!subscription) throw new Error(`No webhook subscription ${replay.subscriptionId}`);
  const limit = replay.limit ?? 10_000;
  const head = await headPosition(replay.eventStore);
  const start = await positionBefore(replay.eventStore, replay.from);
  let rows: PlannedRow[] = [];
  let scheduled = 0;
  let through: GlobalPosition | undefined;
  let next: GlobalPosition | undefined;
  const write = async () => {
    const batch = rows;
    rows = [];
    if (batch.length > 0) await outboundTransaction(replay.readStore, (trx) => scheduleRedelivery(trx, batch, replay.now));
  };
  let scanned = 0;
  for await (const event of scanAll(replay.eventStore, start)) {
    if (head === undefined || event.globalPosition > head) break;
    // One call reads a bounded part of the log, however few of its events the subscriber wants.
    if (scanned++ >= (replay.scanLimit ?? REPLAY_SCAN_LIMIT)) {
      next = event.globalPosition;
      break;
    }
    if (!event.streamName.startsWith('ticket-') || (subscription.eventTypes && !subscription.eventTypes.includes(event.type))) {
      through = event.globalPosition;
      continue;
    }
    const ticketEvent = await replay.events.of(event);
    const planned = ticketEvent ? replay.destination.plannedFor(subscription, ticketEvent) : [];
    if (planned.length > 0 && scheduled >= limit) {
      next = event.globalPosition;
      break;
    }
    for (const delivery of planned) rows.push({ destinationId: WEBHOOKS, event, planned: delivery, hasSettledHook: false });
    scheduled += planned.length;
    through = event.globalPosition;
    if (rows.length >= REPLAY_WRITE_CHUNK) await write();
  }
  await write();
  return { scheduled, ...(through ? { through } : {}), ...(next ? { next } : {}) };
}

/** The position of the last event before `position` (undefined: none), so a forward read after it begins at `position`. */
async function positionBefore(store: EventStore, position: GlobalPosition): Promise<GlobalPosition | undefined> {
  for await (const event of store.readAll({ direction: 'backwards', after: position, maxCount: 1 })) return event.globalPosition;
  return undefined;
}
