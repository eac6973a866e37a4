import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Outbound } from '@switchboard/outbound';
import { Webhook } from 'standardwebhooks';
import { OUTBOUND } from '../src/outbound/outbound.module';
import { as, pothole, startTestApi, type TestApi } from './api-harness';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A subscriber's endpoint on loopback: keeps every request and answers 204; `next(n)` resolves once n requests have arrived. */
class Receiver {
  readonly received: Received[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
        this.waiters = this.waiters.filter((waiter) => (this.received.length >= waiter.count ? (waiter.resolve(), false) : true));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  until(count: number): Promise<Received[]> {
    if (this.received.length >= count) return Promise.resolve(this.received.slice(0, count));
    return new Promise((resolve) => this.waiters.push({ count, resolve: () => resolve(this.received.slice(0, count)) }));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const verified = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }) as { type: string; data: { ticketId: string; position: string; data: Record<string, unknown> } };

describe('webhooks end to end: the director subscribes, the consumer in process delivers signed requests to a receiver on loopback', () => {
  let api: TestApi;
  const receiver = new Receiver();
  beforeAll(async () => {
    await receiver.start();
    api = await startTestApi();
    // Receivers check webhook-timestamp against their own clock (standardwebhooks allows 5 minutes): the test's clock reads real time.
    api.clock.advance((Date.now() - api.clock.now().getTime()) / 60_000);
  });
  afterAll(async () => {
    await api?.close();
    await receiver.stop();
  });

  /** PATCH and DELETE as well as GET and POST (the harness's request sends GET and POST). */
  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const response = await fetch(`${await api.app.getUrl()}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const settled = () => api.app.get<Outbound>(OUTBOUND).consumer.idle();

  it('delivers ticket events signed with the secret shown once, keeps the delivery log, rotates the secret and replays from a position', async () => {
    const created = await call('POST', '/webhooks/subscriptions', as.director, { url: receiver.url, departments: ['DPW'], description: 'Works orders' });
    expect(created.status).toBe(201);
    const { subscription, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({ url: receiver.url, departments: ['DPW'], enabled: true, createdBy: 'dee.director', description: 'Works orders' });
    const listed = await call('GET', '/webhooks/subscriptions', as.director);
    expect(listed.body.subscriptions).toEqual([subscription]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const opened = await api.command('/tickets', as.operator, pothole);
    const ticketId = opened.body.ticketId as string;
    await api.command(`/tickets/${ticketId}/assign`, as.operator, { department: 'DPW' });
    const [first, second] = await receiver.until(2);
    const sent = [first, second]
      .map((request) => ({ id: String(request.headers['webhook-id']), body: verified(secret, request) }))
      .sort((a, b) => a.body.data.position.localeCompare(b.body.data.position));
    const bodies = sent.map(({ body }) => body);
    expect(bodies.map((body) => [body.type, body.data.ticketId])).toEqual([
      ['TicketOpened', ticketId],
      ['TicketAssigned', ticketId],
    ]);
    expect(bodies[0].data.data).not.toHaveProperty('contact');
    expect(first.body + second.body).not.toContain(pothole.contact.phone);

    await settled();
    const log = await call('GET', `/webhooks/subscriptions/${subscription.id}/deliveries`, as.director);
    expect(log.status).toBe(200);
    expect(log.body.deliveries.map((delivery: { eventType: string; status: string }) => [delivery.eventType, delivery.status])).toEqual([
      ['TicketAssigned', 'delivered'],
      ['TicketOpened', 'delivered'],
    ]);
    expect(log.body.deliveries[0].attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'delivered' })]);
    expect([String(first.headers['webhook-id']), String(second.headers['webhook-id'])].sort()).toEqual(
      log.body.deliveries.map((delivery: { deliveryId: string }) => delivery.deliveryId).sort(),
    );

    // Rotation: the next request is signed by both secrets while the window is open.
    const rotated = await call('POST', `/webhooks/subscriptions/${subscription.id}/rotate-secret`, as.director, { overlapHours: 2 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.subscription.previousSecretValidUntil).toBe(new Date(api.clock.now().getTime() + 2 * 3_600_000).toISOString());
    await api.command(`/tickets/${ticketId}/comments`, as.operator, { body: 'Crew booked', visibility: 'public' });
    const [, , commented] = await receiver.until(3);
    expect(String(commented.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(rotated.body.secret, commented).type).toBe('TicketCommented');
    expect(verified(secret, commented).type).toBe('TicketCommented');

    // Replay from the assignment on: the same webhook-ids again, signed with the secrets in force now.
    const assignedAt = log.body.deliveries[0].position;
    const replayed = await call('POST', `/webhooks/subscriptions/${subscription.id}/replay`, as.director, { position: assignedAt });
    expect(replayed).toEqual({ status: 202, body: { scheduled: 2, through: expect.any(String) } });
    const again = (await receiver.until(5)).slice(3);
    expect(again.map((request) => String(request.headers['webhook-id'])).sort()).toEqual([sent[1].id, String(commented.headers['webhook-id'])].sort());
    for (const request of again) verified(rotated.body.secret, request);

    // Filters change; a removed subscription is gone.
    const patched = await call('PATCH', `/webhooks/subscriptions/${subscription.id}`, as.director, {
      departments: null,
      eventTypes: ['TicketCompleted'],
      enabled: false,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).not.toHaveProperty('departments');
    expect(patched.body).toMatchObject({ eventTypes: ['TicketCompleted'], enabled: false });
    expect((await call('POST', `/webhooks/subscriptions/${subscription.id}/replay`, as.director, { position: assignedAt })).body).toMatchObject({
      statusCode: 409,
      error: 'SubscriptionDisabled',
    });
    expect((await call('DELETE', `/webhooks/subscriptions/${subscription.id}`, as.director)).status).toBe(204);
    expect((await call('GET', `/webhooks/subscriptions/${subscription.id}`, as.director)).status).toBe(404);
    expect((await call('DELETE', `/webhooks/subscriptions/${subscription.id}`, as.director)).status).toBe(404);
  });

  it('a receiver that refuses connections never holds a command up: its delivery waits for its next attempt, recorded', async () => {
    // A port nothing listens on now.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { body } = await call('POST', '/webhooks/subscriptions', as.director, { url: `http://127.0.0.1:${port}/down`, eventTypes: ['TicketOpened'] });
    const opened = await api.command('/tickets', as.operator, pothole);
    expect(opened.status).toBe(201);
    await settled();
    const log = await call('GET', `/webhooks/subscriptions/${body.subscription.id}/deliveries`, as.director);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED'), nextAttemptAt: expect.any(String) }),
    ]);
    expect(log.body.deliveries[0].attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'failed' })]);
    await call('DELETE', `/webhooks/subscriptions/${body.subscription.id}`, as.director);
  });

  it('is for the director only', async () => {
    for (const token of [as.operator, as.dpwHead, as.dpwStaff]) {
      const refused = await call('POST', '/webhooks/subscriptions', token, { url: receiver.url });
      expect(refused.status).toBe(403);
      expect(refused.body.rule).toBe('webhookSubscriptionsAreTheDirectors');
      expect((await call('GET', '/webhooks/subscriptions', token)).status).toBe(403);
    }
    expect((await call('GET', '/webhooks/subscriptions', as.resident)).status).toBe(403);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = (await call('GET', '/webhooks/subscriptions', as.director)).body.subscriptions.length;
    const fieldOf = async (body: unknown) => {
      const answer = await call('POST', '/webhooks/subscriptions', as.director, body);
      expect(answer.status).toBe(400);
      return [...new Set(answer.body.problems.map((problem: { field: string }) => problem.field))];
    };
    expect(await fieldOf({ url: 'ftp://example.org/x' })).toEqual(['url']);
    expect(await fieldOf({ url: 'not a url' })).toEqual(['url']);
    expect(await fieldOf({})).toEqual(['url']);
    expect(await fieldOf({ url: receiver.url, departments: ['NOPE'] })).toEqual(['departments']);
    expect(await fieldOf({ url: receiver.url, departments: [] })).toEqual(['departments']);
    expect(await fieldOf({ url: receiver.url, eventTypes: ['TicketExploded'] })).toEqual(['eventTypes']);
    expect(await fieldOf({ url: receiver.url, enabled: 'yes' })).toEqual(['enabled']);
    expect(await fieldOf({ url: receiver.url, secret: 'whsec_mine' })).toEqual(['secret']);
    expect((await call('GET', '/webhooks/subscriptions', as.director)).body.subscriptions).toHaveLength(before);

    const { body } = await call('POST', '/webhooks/subscriptions', as.director, { url: receiver.url, eventTypes: ['TicketClosed'] });
    const id = body.subscription.id;
    const replay = (position: unknown) => call('POST', `/webhooks/subscriptions/${id}/replay`, as.director, { position });
    expect((await replay('42')).body.problems[0].field).toBe('position');
    const beyond = await replay('99999999999999999999');
    expect(beyond.status).toBe(400);
    expect(beyond.body.message).toContain('position');
    expect((await call('POST', `/webhooks/subscriptions/${id}/rotate-secret`, as.director, { overlapHours: 1000 })).body.problems[0].field).toBe(
      'overlapHours',
    );
    expect((await call('GET', `/webhooks/subscriptions/${id}/deliveries?limit=0`, as.director)).body.problems[0].field).toBe('limit');
    expect((await call('PATCH', `/webhooks/subscriptions/${id}`, as.director, { url: 'mailto:x@example.org' })).body.problems[0].field).toBe('url');
    expect(await call('GET', '/webhooks/subscriptions/wh_0000000000000000', as.director)).toEqual({
      status: 404,
      body: expect.objectContaining({ error: 'NotFound', what: 'webhook subscription', id: 'wh_0000000000000000' }),
    });
    expect((await call('POST', '/webhooks/subscriptions/wh_0000000000000000/replay', as.director, { position: '00000000000000000001' })).status).toBe(404);
    await call('DELETE', `/webhooks/subscriptions/${id}`, as.director);
  });
});
