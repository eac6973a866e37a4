import type { RecordedEvent } from '@switchboard/event-store';
import { connect, headers, nanos, type JetStreamClient, type NatsConnection, StorageType } from 'nats';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery } from '../destination';
import type { PublicTicketEvents } from '../consumer/public-ticket-events';
import { addressToken, type BrokerPayload, planBrokerMessages, publishError } from './broker-messages';

export const NATS_RELAY = 'nats';

export interface NatsRelaySettings {
  /** `nats://127.0.0.1:4222` (several comma-separated). */
  readonly servers: string;
  /** The JetStream stream the relay publishes to, made when missing with the subjects `<subjectPrefix>.>`. */
  readonly stream: string;
  /** Subjects are `<subjectPrefix>.<department>.<event type>`. */
  readonly subjectPrefix: string;
  /** The stream's duplicate window, made with the stream: a message id seen again within it is dropped by JetStream. */
  readonly duplicateWindowMs: number;
  /** How long a publish waits for JetStream's acknowledgement; default 5 s. */
  readonly timeoutMs?: number;
}

/** `<prefix>.<department>.<event type>`: department queue consumers subscribe to `<prefix>.DPW.>`, or `<prefix>.*.TicketCompleted`. */
export const natsSubject = (prefix: string, department: string, eventType: string): string =>
  `${prefix}.${addressToken(department)}.${addressToken(eventType)}`;

/**
 * Ticket events relayed to NATS JetStream for department queue consumers. Each message's
 * `Nats-Msg-Id` is its delivery id, so JetStream drops a retried publish within the stream's
 * duplicate window (the acknowledgement says `duplicate`), and a consumer can drop one after it.
 * A publish counts as delivered only once JetStream has stored it (its acknowledgement).
 */
export class NatsJetStreamRelay implements OutboundDestination {
  readonly id = NATS_RELAY;
  private connection: Promise<{ nc: NatsConnection; js: JetStreamClient }> | undefined;

  constructor(
    private readonly events: PublicTicketEvents,
    readonly settings: NatsRelaySettings,
  ) {}

  plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    return planBrokerMessages(this.events, event, (department, type) => natsSubject(this.settings.subjectPrefix, department, type));
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    const { address, body } = delivery.payload as unknown as BrokerPayload;
    try {
      const { js } = await this.connect();
      const h = headers();
      h.set('Switchboard-Event-Type', delivery.eventType);
      h.set('Switchboard-Event-Id', delivery.eventId);
      const ack = await js.publish(address, new TextEncoder().encode(body), {
        msgID: delivery.deliveryId,
        headers: h,
        expect: { streamName: this.settings.stream },
        timeout: this.settings.timeoutMs ?? 5_000,
      });
      return { status: 'delivered', detail: `${ack.stream} #${ack.seq}${ack.duplicate ? ' (duplicate: already stored)' : ''}` };
    } catch (error) {
      return { status: 'failed', error: `NATS ${this.settings.servers}: ${publishError(error)}`, retryable: true };
    }
  }

  /** Drains and closes the connection. */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    const opened = await connection?.catch(() => undefined);
    await opened?.nc.drain().catch(() => undefined);
  }

  /** Connects once (the client reconnects by itself afterwards) and makes the stream when it is missing; a failed connect is tried again next time. */
  private connect(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    this.connection ??= (async () => {
      const nc = await connect({ servers: this.settings.servers.split(','), name: 'switchboard-outbound', maxReconnectAttempts: -1 });
      try {
        const jsm = await nc.jetstreamManager();
        const exists = await jsm.streams.info(this.settings.stream).then(
          () => true,
          () => false,
        );
        if (!exists) {
          await jsm.streams.add({
            name: this.settings.stream,
            subjects: [`${this.settings.subjectPrefix}.>`],
            storage: StorageType.File,
            duplicate_window: nanos(this.settings.duplicateWindowMs),
          });
        }
        void nc.closed().then(() => {
          if (this.connection === opening) this.connection = undefined;
        });
        return { nc, js: nc.jetstream() };
      } catch (error) {
        await nc.close().catch(() => undefined);
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
