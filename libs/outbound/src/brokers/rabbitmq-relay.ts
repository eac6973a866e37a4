import type { RecordedEvent } from '@switchboard/event-store';
import { type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery } from '../destination';
import type { PublicTicketEvents } from '../consumer/public-ticket-events';
import { addressToken, type BrokerPayload, planBrokerMessages, publishError } from './broker-messages';

export const RABBITMQ_RELAY = 'rabbitmq';

export interface RabbitMqRelaySettings {
  /** `amqp://guest:guest@127.0.0.1:5672`. */
  readonly url: string;
  /** A durable topic exchange, declared when the relay connects. */
  readonly exchange: string;
  /** How long a publish waits for the broker's confirm; default 5 s. */
  readonly timeoutMs?: number;
}

/** `<department>.<event type>`: a department's queue binds `DPW.#`, completions everywhere `*.TicketCompleted`. */
export const amqpRoutingKey = (department: string, eventType: string): string => `${addressToken(department)}.${addressToken(eventType)}`;

/**
 * Ticket events relayed to a RabbitMQ topic exchange for department queue consumers, on a confirm
 * channel: a publish counts as delivered only once the broker confirmed it (persistent messages, so
 * durable queues keep them across a broker restart). AMQP has no broker-side deduplication: each
 * message's `message_id` is its delivery id, the same on every retry, for consumers to drop repeats.
 */
export class RabbitMqRelay implements OutboundDestination {
  readonly id = RABBITMQ_RELAY;
  private connection: Promise<{ model: ChannelModel; channel: ConfirmChannel }> | undefined;

  constructor(
    private readonly events: PublicTicketEvents,
    readonly settings: RabbitMqRelaySettings,
  ) {}

  plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    return planBrokerMessages(this.events, event, amqpRoutingKey);
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    const { address, body } = delivery.payload as unknown as BrokerPayload;
    try {
      const { channel } = await this.connect();
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          channel.publish(
            this.settings.exchange,
            address,
            Buffer.from(body),
            {
              messageId: delivery.deliveryId,
              persistent: true,
              contentType: 'application/json',
              type: delivery.eventType,
              appId: 'switchboard',
              headers: { 'switchboard-event-id': delivery.eventId },
            },
            (error: unknown) => (error ? reject(error instanceof Error ? error : new Error('the broker did not confirm the message (nack)')) : resolve()),
          );
        }),
        this.settings.timeoutMs ?? 5_000,
      );
      return { status: 'delivered', detail: `${this.settings.exchange} ${address} (confirmed)` };
    } catch (error) {
      // A broker that does not confirm in time may be stuck on this connection: the next attempt opens a fresh one.
      // (A closed channel or connection is forgotten by its 'close' listener; a nack leaves the channel usable.)
      if (error instanceof ConfirmTimeout) void this.close();
      return { status: 'failed', error: `RabbitMQ: ${publishError(error)}`, retryable: true };
    }
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    const opened = await connection?.catch(() => undefined);
    await opened?.model.close().catch(() => undefined);
  }

  private connect(): Promise<{ model: ChannelModel; channel: ConfirmChannel }> {
    this.connection ??= (async () => {
      const model = await connect(this.settings.url);
      // Without listeners, a lost connection's 'error' would be thrown at the process.
      model.on('error', () => undefined);
      model.on('close', () => {
        if (this.connection === opening) this.connection = undefined;
      });
      try {
        const channel = await model.createConfirmChannel();
        channel.on('error', () => undefined);
        channel.on('close', () => {
          if (this.connection === opening) this.connection = undefined;
        });
        await channel.assertExchange(this.settings.exchange, 'topic', { durable: true });
        return { model, channel };
      } catch (error) {
        await model.close().catch(() => undefined);
        throw error;
      }
    })();
    const opening = this.connection;
    opening.catch(() => {
      if (this.connection === opening) this.connection = undefined;
    });
    return opening;
  }
}

class ConfirmTimeout extends Error {
  override readonly name = 'ConfirmTimeout';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConfirmTimeout(`no confirm within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
