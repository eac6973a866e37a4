import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemoryEventStore } from '@switchboard/event-store';
import { headPosition } from '@switchboard/read-models';
import { Webhook } from 'standardwebhooks';
import { ManualClock } from '../../../read-models/src/testing/manual-clock';
import { appendTicket, opened } from '../../../read-models/src/testing/ticket-history';
import { READ_STORE_KINDS, useReadStore } from '../../../read-models/src/testing/test-read-store';
import { deliveryLog } from '../consumer/delivery-log';
import { OutboundConsumer } from '../consumer/outbound-consumer';
import { outboundDb } from '../consumer/outbound-db';
import { PublicTicketEvents } from '../consumer/public-ticket-events';
import { webhookSignature } from './standard-webhooks';
import { replayWebhooks, WebhookDestination, WEBHOOKS } from './webhook-destination';
import { WebhookSubscriptions } from './webhook-subscriptions';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A webhook receiver on loopback: every request kept; answers with `status(path)` (204 by default). */
class Receiver {
  readonly received: Received[] = [];
  status: (path: string) => number = () => 204;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(this.status(path)).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What arrived at `path`, in log order (deliveries are attempted several at once, so they may arrive in any order). */
  to(path: string): Received[] {
    const position = (request: Received) => String(JSON.parse(request.body).data.position);
    return this.received.filter((request) => request.path === path).sort((a, b) => position(a).localeCompare(position(b)));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const headersOf = (request: Received) => ({
  'webhook-id': String(request.headers['webhook-id']),
  'webhook-timestamp': String(request.headers['webhook-timestamp']),
  'webhook-signature': String(request.headers['webhook-signature']),
});

/** Verified by the independent implementation of the scheme (npm standardwebhooks): throws when no signature holds. */
const verify = (secret: string, request: Received): unknown => new Webhook(secret).verify(request.body, headersOf(request));

describe.each(READ_STORE_KINDS)('signed webhooks (%s)', (kind) => {
  const consumers: OutboundConsumer[] = [];
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });
  const { store } = useReadStore(kind);
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.status = () => 204;
  });

  let events: InMemoryEventStore;
  let clock: ManualClock;
  let subscriptions: WebhookSubscriptions;
  let destination: WebhookDestination;
  let publicEvents: PublicTicketEvents;

  beforeEach(() => {
    events = new InMemoryEventStore();
    clock = new ManualClock();
    subscriptions = new WebhookSubscriptions(store());
    publicEvents = new PublicTicketEvents(events);
    // Signed with the real clock: receivers (and standardwebhooks) refuse timestamps far from their own time.
    destination = new WebhookDestination(subscriptions, publicEvents);
  });

  const start = async (): Promise<OutboundConsumer> => {
    const consumer = new OutboundConsumer({
      eventStore: events,
      readStore: store(),
      destinations: [destination],
      clock,
      random: () => 0.5,
      startAt: 'beginning',
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  const history = async () => {
    await appendTicket(events, 'W1', [
      ['2026-03-02T14:00:00.000Z', opened('W1', { contact: { name: 'A. Resident', phone: '555-0100', email: 'a@example.org' } })],
      ['2026-03-02T14:01:00.000Z', { type: 'TicketAssigned', data: { department: 'DPW', dueAt: '2026-03-04T14:00:00.000Z', slaBusinessMs: 28_800_000 } }],
      ['2026-03-02T14:02:00.000Z', { type: 'TicketAssigned', data: { department: 'ENG', dueAt: '2026-03-04T14:00:00.000Z', slaBusinessMs: 28_800_000 } }],
    ]);
    await appendTicket(events, 'W2', [
      ['2026-03-02T14:03:00.000Z', opened('W2')],
      ['2026-03-02T14:04:00.000Z', { type: 'TicketAssigned', data: { department: 'DPW', dueAt: '2026-03-04T14:00:00.000Z', slaBusinessMs: 28_800_000 } }],
      ['2026-03-02T14:05:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'filled', firstContactResolution: false } }],
    ]);
  };

  it('delivers each event signed by the Standard Webhooks scheme to the subscribers whose filters want it, without the resident contact', async () => {
    const all = await subscriptions.create({ url: `${receiver.url}/all` }, 'director-1', clock.now());
    const eng = await subscriptions.create({ url: `${receiver.url}/eng`, departments: ['ENG'] }, 'director-1', clock.now());
    const completions = await subscriptions.create({ url: `${receiver.url}/done`, eventTypes: ['TicketCompleted'] }, 'director-1', clock.now());
    await subscriptions.create({ url: `${receiver.url}/off`, enabled: false }, 'director-1', clock.now());
    expect(all.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    await history();
    const consumer = await start();
    await consumer.idle();

    expect(receiver.to('/all').map((request) => JSON.parse(request.body).type)).toEqual([
      'TicketOpened',
      'TicketAssigned',
      'TicketAssigned',
      'TicketOpened',
      'TicketAssigned',
      'TicketCompleted',
    ]);
    // ENG: the move from DPW to ENG (it concerns both queues); nothing of W2, which stayed in DPW.
    expect(receiver.to('/eng').map((request) => JSON.parse(request.body).data.ticketId + ' ' + JSON.parse(request.body).type)).toEqual(['W1 TicketAssigned']);
    expect(receiver.to('/done').map((request) => JSON.parse(request.body).type)).toEqual(['TicketCompleted']);
    expect(receiver.to('/off')).toEqual([]);

    for (const [path, secret] of [
      ['/all', all.secret],
      ['/eng', eng.secret],
      ['/done', completions.secret],
    ] as const) {
      for (const request of receiver.to(path)) {
        expect(verify(secret, request)).toEqual(JSON.parse(request.body));
        expect(() => verify(all.secret === secret ? eng.secret : all.secret, request)).toThrow();
        expect(request.headers['webhook-id']).toMatch(/^webhooks:[0-9a-f-]{36}:wh_[0-9a-f]{16}$/);
      }
    }
    const [openedW1] = receiver.to('/all');
    const body = JSON.parse(openedW1.body);
    expect(body).toMatchObject({ type: 'TicketOpened', timestamp: '2026-03-02T14:00:00.000Z' });
    expect(body.data).toMatchObject({ ticketId: 'W1', revision: 0, type: 'TicketOpened', stateBefore: 'unopened', stateAfter: 'intake', departments: ['DPW'] });
    expect(body.data.data).not.toHaveProperty('contact');
    expect(openedW1.body).not.toContain('555-0100');
    expect(openedW1.body).not.toContain('a@example.org');
    const [moved] = receiver.to('/eng');
    expect(JSON.parse(moved.body).data.departments).toEqual(['DPW', 'ENG']);
    // A tampered body fails verification.
    expect(() => new Webhook(all.secret).verify(openedW1.body.replace('W1', 'W9'), headersOf(openedW1))).toThrow();

    const log = await deliveryLog(outboundDb(store().db), WEBHOOKS, eng.subscription.id, { limit: 10 });
    expect(log.deliveries).toHaveLength(1);
    expect(log.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 1, detail: 'HTTP 204', eventType: 'TicketAssigned' });
    expect(log.deliveries[0].attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'delivered' })]);
  });

  it('retries a receiver that failed under the same webhook-id, signing each attempt afresh', async () => {
    const sub = await subscriptions.create({ url: `${receiver.url}/flaky`, eventTypes: ['TicketCompleted'] }, 'director-1', clock.now());
    let failures = 2;
    receiver.status = () => (failures-- > 0 ? 503 : 200);
    await history();
    const consumer = await start();
    await consumer.idle();
    await clock.advance(750);
    await consumer.idle();
    await clock.advance(1_500);
    await consumer.idle();
    const attempts = receiver.to('/flaky');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((request) => request.headers['webhook-id'])).size).toBe(1);
    for (const request of attempts) verify(sub.secret, request);
    const log = await deliveryLog(outboundDb(store().db), WEBHOOKS, sub.subscription.id, { limit: 10 });
    expect(log.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 3, detail: 'HTTP 200' });
    expect(log.deliveries[0].attemptLog.map((attempt) => [attempt.outcome, attempt.error])).toEqual([
      ['failed', `HTTP 503 from ${receiver.url}/flaky`],
      ['failed', `HTTP 503 from ${receiver.url}/flaky`],
      ['delivered', undefined],
    ]);
  });

  it('signs with the old and the new secret during a rotation window, with the new one only after it', async () => {
    const sub = await subscriptions.create({ url: `${receiver.url}/rotating`, eventTypes: ['TicketOpened'] }, 'director-1', clock.now());
    const consumer = await start();
    const rotated = await subscriptions.rotate(sub.subscription.id, new Date(), 3_600_000);
    expect(rotated!.secret).not.toBe(sub.secret);
    expect(rotated!.subscription.previousSecretValidUntil).toBeDefined();
    await appendTicket(events, 'R1', [['2026-03-02T14:00:00.000Z', opened('R1')]]);
    await consumer.idle();
    const [during] = receiver.to('/rotating');
    const signatures = String(during.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    const timestamp = Number(during.headers['webhook-timestamp']);
    const id = String(during.headers['webhook-id']);
    expect(signatures).toEqual([webhookSignature(rotated!.secret, id, timestamp, during.body), webhookSignature(sub.secret, id, timestamp, during.body)]);
    verify(rotated!.secret, during);
    verify(sub.secret, during);

    // A rotation without a window: only the newest secret signs.
    const again = await subscriptions.rotate(sub.subscription.id, new Date(), 0);
    await appendTicket(events, 'R2', [['2026-03-02T14:01:00.000Z', opened('R2')]]);
    await consumer.idle();
    const after = receiver.to('/rotating')[1];
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    verify(again!.secret, after);
    expect(() => verify(rotated!.secret, after)).toThrow();
  });

  it('replays events from a log position to one subscriber, under the webhook-ids they were first sent with', async () => {
    const first = await subscriptions.create({ url: `${receiver.url}/first`, eventTypes: ['TicketAssigned'] }, 'director-1', clock.now());
    await subscriptions.create({ url: `${receiver.url}/other` }, 'director-1', clock.now());
    await history();
    const consumer = await start();
    await consumer.idle();
    const sentFirst = receiver.to('/first').map((request) => request.headers['webhook-id']);
    // Its first TicketAssigned (W1 to DPW, position 1) is before the replay's start, so it is not sent again.
    expect(sentFirst).toHaveLength(3);
    // A subscriber made afterwards gets the history it missed from a position on.
    const late = await subscriptions.create({ url: `${receiver.url}/late`, departments: ['DPW'] }, 'director-1', clock.now());
    const positions: string[] = [];
    for await (const event of events.readAll()) positions.push(event.globalPosition);

    const replayed = await replayWebhooks({
      subscriptionId: first.subscription.id,
      from: positions[2],
      eventStore: events,
      readStore: store(),
      subscriptions,
      destination,
      events: publicEvents,
      now: clock.now(),
    });
    expect(replayed).toEqual({ scheduled: 2, through: positions[5] });
    const lateReplay = await replayWebhooks({
      subscriptionId: late.subscription.id,
      from: positions[0],
      eventStore: events,
      readStore: store(),
      subscriptions,
      destination,
      events: publicEvents,
      now: clock.now(),
      limit: 3,
    });
    // W1's three events concern DPW (its move to ENG too), then W2's: cut after three, to continue from W2's opening.
    expect(lateReplay).toEqual({ scheduled: 3, through: positions[2], next: positions[3] });
    // A bound on the events read cuts a replay short too, at the event after the last one read.
    const scanCut = await replayWebhooks({
      subscriptionId: late.subscription.id,
      from: positions[0],
      eventStore: events,
      readStore: store(),
      subscriptions,
      destination,
      events: publicEvents,
      now: clock.now(),
      scanLimit: 2,
    });
    expect(scanCut).toEqual({ scheduled: 2, through: positions[1], next: positions[2] });
    consumer.kick();
    await consumer.idle();
    const sentAgain = receiver.to('/first').map((request) => request.headers['webhook-id']);
    expect(sentAgain).toHaveLength(5);
    expect([...new Set(sentAgain)].sort()).toEqual([...sentFirst].sort());
    expect(sentAgain.filter((id) => id === sentFirst[0])).toHaveLength(1);
    expect(receiver.to('/late').map((request) => JSON.parse(request.body).data.revision)).toEqual([0, 1, 2]);
    expect(receiver.to('/other')).toHaveLength(6);
    for (const request of receiver.to('/late')) verify(late.secret, request);
    const log = await deliveryLog(outboundDb(store().db), WEBHOOKS, first.subscription.id, { limit: 2 });
    expect(log.deliveries.map((delivery) => delivery.attempts)).toEqual([2, 2]);
    expect(log.next).toBeDefined();
    expect(await headPosition(events)).toBe(positions[5]);
  });
});
