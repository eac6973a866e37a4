// The outbound side: a checkpointed consumer of the event log that delivers to destinations outside
// the engine (residents' and staff's notifications, signed webhooks, broker relays), each delivery
// keyed by event and destination so it happens once in effect.
export type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery, SettledDelivery } from './destination';
export { OutboundConsumer, type OutboundConsumerOptions, type OutboundObserver, type OutboundStart, type OutboundStatus } from './consumer/outbound-consumer';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './consumer/retry-policy';
export { outboundDb, type DeliveryStatus, type OutboundDb } from './consumer/outbound-db';
export { deliveryIdOf, deliveryLog, type DeliveryLogPage, type DeliveryRecord } from './consumer/delivery-log';
export { PublicTicketEvents, publicTicketEvent, type PublicTicketEvent } from './consumer/public-ticket-events';
export { generateWebhookSecret, webhookHeaders, webhookSignature } from './webhooks/standard-webhooks';
export {
  WebhookSubscriptions,
  subscriptionWants,
  type WebhookSubscription,
  type WebhookSubscriptionFields,
  type WebhookSubscriptionWithSecret,
} from './webhooks/webhook-subscriptions';
export { replayWebhooks, WebhookDestination, WEBHOOKS, webhookBody, type WebhookReplayResult } from './webhooks/webhook-destination';
export { addressToken, brokerBody, type BrokerPayload } from './brokers/broker-messages';
export { NATS_RELAY, NatsJetStreamRelay, natsSubject, type NatsRelaySettings } from './brokers/nats-jetstream-relay';
export { amqpRoutingKey, RABBITMQ_RELAY, RabbitMqRelay, type RabbitMqRelaySettings } from './brokers/rabbitmq-relay';
export { Outbound, OUTBOUND_CONSUMER, type OutboundWiring } from './consumer/outbound';
export { outboundSettingsOf, type OutboundSettings } from './consumer/outbound-settings';
export { measureOutboundLag, type OutboundLag } from './consumer/outbound-lag';
export { registerOutboundMetrics } from './consumer/outbound-metrics';
export * from './notifications';
