import { randomBytes } from 'node:crypto';
import { InMemoryEventStore, type RecordedEvent } from '@switchboard/event-store';
import { connect as amqpConnect, type ChannelModel, type GetMessage } from 'amqplib';
import { connect as natsConnect, type NatsConnection } from 'nats';
import { ManualClock } from '../../../read-models/src/testing/manual-clock';
import { appendTicket, opened } from '../../../read-models/src/testing/ticket-history';
import { useReadStore } from '../../../read-models/src/testing/test-read-store';
import type { OutboundDestination } from '../destination';
import { OutboundConsumer } from '../consumer/outbound-consumer';
import { outboundDb } from '../consumer/outbound-db';
import { PublicTicketEvents } from '../consumer/public-ticket-events';
import { NatsJetStreamRelay, natsSubject } from './nats-jetstream-relay';
import { amqpRoutingKey, RabbitMqRelay } from './rabbitmq-relay';

// Both run against the real servers (.ci/prepare starts them): NATS with JetStream on 4222,
// RabbitMQ on 5672. Each run uses stream, subject, exchange and queue names of its own, removed afterwards.
const NATS_URL = process.env.SWITCHBOARD_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const AMQP_URL = process.env.SWITCHBOARD_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const assigned = (department: string) =>
  ({ type: 'TicketAssigned', data: { department, dueAt: '2026-03-04T14:00:00.000Z', slaBusinessMs: 28_800_000 } }) as const;

/** Two tickets: one opened, routed to DPW and moved to ENG; one opened in DPW and completed. The resident contact is on both openings. */
async function history(events: InMemoryEventStore): Promise<void> {
  await appendTicket(events, 'N1', [
    ['2026-03-02T14:00:00.000Z', opened('N1')],
    ['2026-03-02T14:01:00.000Z', assigned('DPW')],
    ['2026-03-02T14:02:00.000Z', assigned('ENG')],
  ]);
  await appendTicket(events, 'N2', [
    ['2026-03-02T14:03:00.000Z', opened('N2')],
    ['2026-03-02T14:04:00.000Z', assigned('DPW')],
    ['2026-03-02T14:05:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'filled', firstContactResolution: false } }],
  ]);
}

async function firstEvent(events: InMemoryEventStore): Promise<RecordedEvent> {
  for await (const event of events.readAll()) return event;
  throw new Error('no events');
}

/** [department, event type] of every message the two tickets call for, in log order. */
const EXPECTED = [
  ['DPW', 'TicketOpened'],
  ['DPW', 'TicketAssigned'],
  ['DPW', 'TicketAssigned'],
  ['ENG', 'TicketAssigned'],
  ['DPW', 'TicketOpened'],
  ['DPW', 'TicketAssigned'],
  ['DPW', 'TicketCompleted'],
];

describe('broker relays', () => {
  const { store } = useReadStore('sqlite');
  const suffix = randomBytes(4).toString('hex');
  let events: InMemoryEventStore;
  let consumer: OutboundConsumer | undefined;

  beforeEach(() => {
    events = new InMemoryEventStore();
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });

  const relayThrough = async (destination: OutboundDestination): Promise<void> => {
    consumer = new OutboundConsumer({ eventStore: events, readStore: store(), destinations: [destination], clock: new ManualClock(), startAt: 'beginning' });
    await consumer.start();
    await consumer.idle();
    const rows = await outboundDb(store().db).selectFrom('ob_deliveries').select(['status', 'destination']).execute();
    expect(rows).toHaveLength(EXPECTED.length);
    expect(rows.every((row) => row.status === 'delivered')).toBe(true);
  };

  describe('NATS JetStream', () => {
    const stream = `SWITCHBOARD_TEST_${suffix}`;
    const prefix = `switchboard-test-${suffix}.tickets`;
    let nc: NatsConnection;
    let relay: NatsJetStreamRelay;
    beforeAll(async () => {
      nc = await natsConnect({ servers: NATS_URL });
    });
    beforeEach(() => {
      relay = new NatsJetStreamRelay(new PublicTicketEvents(events), { servers: NATS_URL, stream, subjectPrefix: prefix, duplicateWindowMs: 3_600_000 });
    });
    afterEach(async () => {
      await relay.close();
      const jsm = await nc.jetstreamManager();
      await jsm.streams.delete(stream).catch(() => undefined);
    });
    afterAll(() => nc.close());

    const stored = async () => {
      const jsm = await nc.jetstreamManager();
      const info = await jsm.streams.info(stream);
      const messages = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++)
        messages.push(await jsm.streams.getMessage(stream, { seq }));
      return { info, messages };
    };

    it('publishes each ticket event to <prefix>.<department>.<event type>, once per department it concerns, with its delivery id as Nats-Msg-Id', async () => {
      await history(events);
      await relayThrough(relay);
      const { info, messages } = await stored();
      expect(info.config.subjects).toEqual([`${prefix}.>`]);
      expect(info.config.duplicate_window).toBe(3_600_000 * 1_000_000);
      const ids = (await outboundDb(store().db).selectFrom('ob_deliveries').select('delivery_id').execute()).map((row) => row.delivery_id);
      const byPosition = messages
        .map((message) => ({ message, body: JSON.parse(new TextDecoder().decode(message.data)) }))
        .sort((a, b) => a.body.position.localeCompare(b.body.position) || a.message.subject.localeCompare(b.message.subject));
      expect(byPosition.map(({ message }) => message.subject)).toEqual(EXPECTED.map(([department, type]) => natsSubject(prefix, department, type)));
      expect(byPosition.map(({ message }) => message.header.get('Nats-Msg-Id')).sort()).toEqual([...ids].sort());
      for (const { message, body } of byPosition) {
        expect(message.header.get('Nats-Msg-Id')).toBe(`nats:${body.eventId}:${message.subject.split('.').at(-2)}`);
        expect(message.header.get('Switchboard-Event-Type')).toBe(body.type);
        expect(JSON.stringify(body)).not.toContain('555-0100');
      }
    });

    it('a retried publish within the duplicate window is dropped by JetStream', async () => {
      await appendTicket(events, 'N3', [['2026-03-02T14:00:00.000Z', opened('N3')]]);
      const event = await firstEvent(events);
      const [planned] = await relay.plan(event);
      const attempt = {
        deliveryId: `nats:${event.id}:${planned.key}`,
        destinationId: 'nats',
        key: planned.key,
        eventId: event.id,
        streamName: event.streamName,
        eventType: event.type,
        payload: planned.payload,
        attempt: 1,
      };
      const first = await relay.deliver(attempt);
      const again = await relay.deliver({ ...attempt, attempt: 2 });
      expect(first).toEqual({ status: 'delivered', detail: `${stream} #1` });
      expect(again).toEqual({ status: 'delivered', detail: `${stream} #1 (duplicate: already stored)` });
      expect((await stored()).info.state.messages).toBe(1);
    });

    it('fails a publish, to be retried, while the server cannot be reached', async () => {
      const unreachable = new NatsJetStreamRelay(new PublicTicketEvents(events), {
        servers: 'nats://127.0.0.1:1',
        stream,
        subjectPrefix: prefix,
        duplicateWindowMs: 60_000,
      });
      await appendTicket(events, 'N4', [['2026-03-02T14:00:00.000Z', opened('N4')]]);
      const event = await firstEvent(events);
      const [planned] = await unreachable.plan(event);
      const outcome = await unreachable.deliver({
        deliveryId: 'nats:x:DPW',
        destinationId: 'nats',
        key: 'DPW',
        eventId: event.id,
        streamName: event.streamName,
        eventType: event.type,
        payload: planned.payload,
        attempt: 1,
      });
      expect(outcome).toMatchObject({ status: 'failed', retryable: true });
      await unreachable.close();
    });
  });

  describe('RabbitMQ', () => {
    const exchange = `switchboard-test-${suffix}.tickets`;
    let model: ChannelModel;
    let relay: RabbitMqRelay;
    beforeAll(async () => {
      model = await amqpConnect(AMQP_URL);
    });
    beforeEach(() => {
      relay = new RabbitMqRelay(new PublicTicketEvents(events), { url: AMQP_URL, exchange });
    });
    afterEach(async () => {
      await relay.close();
      const channel = await model.createChannel();
      await channel.deleteExchange(exchange);
      await channel.close();
    });
    afterAll(() => model.close());

    /** A department consumer's queue: exclusive to this connection, bound to the exchange by `pattern`. */
    const queueFor = async (pattern: string) => {
      const channel = await model.createChannel();
      await channel.assertExchange(exchange, 'topic', { durable: true });
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      await channel.bindQueue(queue, exchange, pattern);
      return {
        async drain(): Promise<GetMessage[]> {
          const messages: GetMessage[] = [];
          for (let message = await channel.get(queue, { noAck: true }); message; message = await channel.get(queue, { noAck: true })) messages.push(message);
          return messages;
        },
        close: () => channel.close(),
      };
    };

    it("publishes each ticket event with routing key <department>.<event type>, confirmed, with its delivery id as message_id: a department's queue gets its own", async () => {
      const dpw = await queueFor('DPW.#');
      const completions = await queueFor('*.TicketCompleted');
      await history(events);
      await relayThrough(relay);
      const ids = (await outboundDb(store().db).selectFrom('ob_deliveries').select('delivery_id').execute()).map((row) => row.delivery_id);

      const dpwMessages = await dpw.drain();
      const bodies = dpwMessages.map((message) => JSON.parse(message.content.toString('utf8')));
      expect(dpwMessages.map((message) => message.fields.routingKey).sort()).toEqual(
        EXPECTED.filter(([department]) => department === 'DPW')
          .map(([department, type]) => amqpRoutingKey(department, type))
          .sort(),
      );
      for (const [i, message] of dpwMessages.entries()) {
        expect(message.properties).toMatchObject({
          messageId: `rabbitmq:${bodies[i].eventId}:DPW`,
          contentType: 'application/json',
          type: bodies[i].type,
          deliveryMode: 2,
        });
        expect(ids).toContain(message.properties.messageId);
        expect(message.content.toString('utf8')).not.toContain('555-0100');
      }
      expect((await completions.drain()).map((message) => message.fields.routingKey)).toEqual(['DPW.TicketCompleted']);
      await Promise.all([dpw.close(), completions.close()]);
    });

    it('a retried publish carries the same message_id, for the consumer to drop', async () => {
      const all = await queueFor('#');
      await appendTicket(events, 'N5', [['2026-03-02T14:00:00.000Z', opened('N5')]]);
      const event = await firstEvent(events);
      const [planned] = await relay.plan(event);
      const attempt = {
        deliveryId: `rabbitmq:${event.id}:DPW`,
        destinationId: 'rabbitmq',
        key: 'DPW',
        eventId: event.id,
        streamName: event.streamName,
        eventType: event.type,
        payload: planned.payload,
        attempt: 1,
      };
      expect(await relay.deliver(attempt)).toEqual({ status: 'delivered', detail: `${exchange} DPW.TicketOpened (confirmed)` });
      expect(await relay.deliver({ ...attempt, attempt: 2 })).toMatchObject({ status: 'delivered' });
      const messages = await all.drain();
      expect(messages.map((message) => message.properties.messageId)).toEqual([attempt.deliveryId, attempt.deliveryId]);
      await all.close();
    });
  });
});
