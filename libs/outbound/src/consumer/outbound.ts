import type { EventStore, GlobalPosition } from '@switchboard/event-store';
import type { Clock, ReadStore } from '@switchboard/read-models';
import { systemClock } from '@switchboard/read-models';
import { NatsJetStreamRelay } from '../brokers/nats-jetstream-relay';
import { RabbitMqRelay } from '../brokers/rabbitmq-relay';
import type { OutboundDestination } from '../destination';
import { replayWebhooks, WebhookDestination, type WebhookReplayResult } from '../webhooks/webhook-destination';
import { WebhookSubscriptions } from '../webhooks/webhook-subscriptions';
import { deliveryLog, type DeliveryLogPage } from './delivery-log';
import { OutboundConsumer, type OutboundObserver } from './outbound-consumer';
import { measureOutboundLag, type OutboundLag } from './outbound-lag';
import { outboundDb } from './outbound-db';
import type { OutboundSettings } from './outbound-settings';
import { PublicTicketEvents } from './public-ticket-events';

/** The consumer's name: its checkpoint row and its lease. */
export const OUTBOUND_CONSUMER = 'outbound';

export interface OutboundWiring {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly settings: OutboundSettings;
  /** Destinations beside the webhooks and the broker relays the settings name (residents' and staff's notifications). */
  readonly destinations?: readonly OutboundDestination[];
  readonly clock?: Clock;
  readonly holderId?: string;
  readonly onError?: (error: unknown) => void;
  readonly observer?: OutboundObserver;
}

/**
 * The outbound side of one process, wired from its settings: the consumer with every destination
 * (webhooks always, the broker relays when configured, the notifications given), the webhook
 * subscriptions and their replay, and the lag any process can read. Every process that serves the
 * director's webhook routes has one; only the one that `start`s it delivers (by lease, one at a time).
 */
export class Outbound {
  readonly subscriptions: WebhookSubscriptions;
  readonly webhooks: WebhookDestination;
  readonly consumer: OutboundConsumer;
  private readonly events: PublicTicketEvents;
  private readonly relays: (NatsJetStreamRelay | RabbitMqRelay)[] = [];
  private readonly clock: Clock;

  constructor(private readonly wiring: OutboundWiring) {
    const { eventStore, readStore, settings } = wiring;
    this.clock = wiring.clock ?? systemClock;
    this.events = new PublicTicketEvents(eventStore);
    this.subscriptions = new WebhookSubscriptions(readStore);
    this.webhooks = new WebhookDestination(this.subscriptions, this.events, { timeoutMs: settings.webhooks.timeoutMs, clock: this.clock });
    if (settings.nats) this.relays.push(new NatsJetStreamRelay(this.events, settings.nats));
    if (settings.rabbitmq) this.relays.push(new RabbitMqRelay(this.events, settings.rabbitmq));
    this.consumer = new OutboundConsumer({
      eventStore,
      readStore,
      destinations: [this.webhooks, ...this.relays, ...(wiring.destinations ?? [])],
      name: OUTBOUND_CONSUMER,
      startAt: settings.startAt,
      retry: settings.retry,
      concurrency: settings.concurrency,
      clock: this.clock,
      holderId: wiring.holderId,
      onError: wiring.onError,
      observer: wiring.observer,
    });
  }

  /** Names of the destinations this process delivers to. */
  get destinationIds(): string[] {
    return [this.webhooks.id, ...this.relays.map((relay) => relay.id), ...(this.wiring.destinations ?? []).map((destination) => destination.id)];
  }

  /** Starts the consumer (active, or standby behind another process's lease) unless the settings turn it off. */
  async start(): Promise<void> {
    if (this.wiring.settings.enabled) await this.consumer.start();
  }

  /** Stops delivering, hands the lease on, closes the broker connections. */
  async stop(): Promise<void> {
    await this.consumer.stop();
    await Promise.all(this.relays.map((relay) => relay.close()));
  }

  /** Delivers the events from `from` on again to one webhook subscriber (see `replayWebhooks`); the active consumer, here or elsewhere, sends them. */
  async replayWebhooks(subscriptionId: string, from: GlobalPosition, limit?: number): Promise<WebhookReplayResult> {
    const result = await replayWebhooks({
      subscriptionId,
      from,
      limit,
      eventStore: this.wiring.eventStore,
      readStore: this.wiring.readStore,
      subscriptions: this.subscriptions,
      destination: this.webhooks,
      events: this.events,
      now: this.clock.now(),
    });
    this.consumer.kick();
    return result;
  }

  /** A webhook subscriber's deliveries, newest first. */
  webhookDeliveries(subscriptionId: string, page: { readonly before?: GlobalPosition; readonly limit: number }): Promise<DeliveryLogPage> {
    return deliveryLog(outboundDb(this.wiring.readStore.db), this.webhooks.id, subscriptionId, page);
  }

  lag(): Promise<OutboundLag> {
    return measureOutboundLag(this.wiring.eventStore, this.wiring.readStore, OUTBOUND_CONSUMER, this.clock.now());
  }
}
