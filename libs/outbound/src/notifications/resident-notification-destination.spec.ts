import { eraseTicketResidentData, InMemoryResidentKeyStore, loadTicket, TicketCommandHandler } from '@switchboard/command-handling';
import { InMemoryEventStore } from '@switchboard/event-store';
import type { Actor, ResidentContact, TicketCommand } from '@switchboard/ticketing';
import { testCatalog } from '../../../ticketing/src/testing/test-catalog';
import { ResidentNotificationDestination } from './resident-notification-destination';
import { deliverDirectly } from './testing/deliver-directly';
import { SmtpTestServer } from './testing/smtp-test-server';
import { TwilioCompatibleServer } from './testing/twilio-compatible-server';
import { SmtpEmailTransport } from './transports/smtp-email-transport';
import { TwilioSmsTransport } from './transports/twilio-sms-transport';
import { recordUnsubscribe } from './unsubscribe';
import type { NotificationContext } from './notification-settings';
import { signUnsubscribeToken } from './unsubscribe-token';

const operator: Actor = { id: 'op-ana', role: 'operator' };
const director: Actor = { id: 'dir-eve', role: 'director' };
const secret = new Uint8Array(32).fill(7);

describe('resident notifications, delivered to a real SMTP server on loopback and a Twilio-compatible server', () => {
  let smtp: SmtpTestServer;
  let twilio: TwilioCompatibleServer;
  let refuse: { code: number; message: string } | undefined;
  let email: SmtpEmailTransport;
  let sms: TwilioSmsTransport;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start({ refuse: () => refuse });
    twilio = await TwilioCompatibleServer.start({ accountSid: 'AC123', authToken: 'secret-token' });
    email = new SmtpEmailTransport({ url: smtp.url, from: 'Test City 311 <311@test.example.gov>', maxConnections: 1 });
    sms = new TwilioSmsTransport({ accountSid: 'AC123', authToken: 'secret-token', from: '+19785550100', baseUrl: twilio.baseUrl });
  });
  afterAll(async () => {
    await email.close();
    await smtp.stop();
    await twilio.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    twilio.received.length = 0;
    refuse = undefined;
  });

  const setup = (channels: Partial<Pick<NotificationContext, 'email' | 'sms'>> = {}) => {
    const store = new InMemoryEventStore();
    const keys = new InMemoryResidentKeyStore();
    let now = Date.parse('2026-11-02T15:00:00Z');
    const handler = new TicketCommandHandler(store, testCatalog, () => new Date((now += 60_000)), keys);
    const context: NotificationContext = {
      email: 'email' in channels ? channels.email : email,
      sms: 'sms' in channels ? channels.sms : sms,
      smsCountryCode: '1',
      cityName: 'Test City 311',
      publicUrl: 'https://311.test.example.gov',
      unsubscribeSecret: secret,
      messageIdDomain: 'test.example.gov',
    };
    const destination = new ResidentNotificationDestination(store, keys, testCatalog, context);
    let n = 0;
    const run = (command: TicketCommand, actor: Actor = director) => handler.execute(command, { actor, commandId: `c${++n}` });
    const open = (contact?: ResidentContact, ticketId = 'ABC-1234') =>
      run({ type: 'OpenTicket', ticketId, serviceCode: 'POTHOLE', description: 'Deep', channel: 'phone', contact }, operator);
    return { store, keys, destination, run, open };
  };

  it('tells a Spanish-speaking resident by e-mail that the request was received, routed (with its date) and completed (with the resolution), and records each on the history', async () => {
    const { store, destination, run, open } = setup();
    await open({ name: 'Rosa Díaz', email: 'rosa@example.org', language: 'es', updates: 'email' });
    await run({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW' });
    await run({ type: 'CommentOnTicket', ticketId: 'ABC-1234', body: 'internal only', visibility: 'internal' });
    await run({ type: 'CompleteTicket', ticketId: 'ABC-1234', resolutionCode: 'repaired', note: 'Bache reparado' });
    const { deliveries } = await deliverDirectly(store, destination);

    expect(deliveries.map((d) => d.attempt.payload.notice)).toEqual(['received', 'routed', 'completed']);
    for (const d of deliveries) expect(JSON.stringify(d.attempt.payload)).not.toMatch(/rosa|Díaz/i);
    const mails = await smtp.untilReceived(3);
    expect(mails.map((m) => m.envelopeTo)).toEqual([['rosa@example.org'], ['rosa@example.org'], ['rosa@example.org']]);
    expect(mails[0].subject).toBe('Test City 311: Su solicitud ABC-1234 — recibida');
    expect(mails[1].text).toContain('La atiende Public Works.');
    expect(mails[1].text).toMatch(/Esperamos resolverla antes del \d+ de noviembre de 2026\./);
    expect(mails[2].text).toContain('Lo que se hizo: Bache reparado');
    expect(mails[2].headers['message-id']).toBe(`<${deliveries[2].attempt.deliveryId.replace(/[^\w.-]/g, '.')}@test.example.gov>`);
    expect(mails[2].headers['list-unsubscribe']).toBe(
      `<https://311.test.example.gov/notifications/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(secret, { ticketId: 'ABC-1234' }))}>`,
    );
    expect(mails[2].html).toContain('Dejar de recibir avisos');

    const history = (await loadTicket(store, 'ABC-1234')).records.map((r) => r.event!).filter((e) => e.type === 'ResidentNotified');
    expect(history.map((e) => e.data)).toEqual(
      deliveries.map((d) =>
        expect.objectContaining({
          notice: d.attempt.payload.notice,
          channel: 'email',
          language: 'es',
          outcome: 'sent',
          attempts: 1,
          deliveryId: d.attempt.deliveryId,
          causedBy: d.attempt.eventId,
        }),
      ),
    );
    expect(JSON.stringify(history)).not.toContain('rosa@example.org');
  });

  it("writes in English when there is no template in the resident's language, and sends text messages in E.164 through the Messages API", async () => {
    const { store, destination, run, open } = setup();
    await open({ phone: '(978) 555-0142', language: 'pt-BR', updates: 'sms' });
    await run({ type: 'CommentOnTicket', ticketId: 'ABC-1234', body: 'Crew scheduled for Tuesday', visibility: 'public' });
    await run({ type: 'CloseTicket', ticketId: 'ABC-1234', reason: 'withdrawn' });
    const { deliveries } = await deliverDirectly(store, destination);
    expect(deliveries.map((d) => [d.attempt.key, d.attempt.payload.notice, d.attempt.payload.language])).toEqual([
      ['resident:sms', 'received', 'en'],
      ['resident:sms', 'commented', 'en'],
      ['resident:sms', 'closed', 'en'],
    ]);
    const texts = await twilio.untilReceived(3);
    expect(texts.map((t) => [t.to, t.from])).toEqual(Array(3).fill(['+19785550142', '+19785550100']));
    expect(texts[1].body).toContain('There is a new comment on your request: “Crew scheduled for Tuesday”');
    expect(texts[2].body).toMatch(/Stop updates: https:\/\/311\.test\.example\.gov\/notifications\/unsubscribe\?token=/);
    expect(deliveries.map((d) => d.outcome)).toEqual(
      Array(3).fill(expect.objectContaining({ status: 'delivered', detail: expect.stringMatching(/^SM[0-9a-f]{32}$/) })),
    );
  });

  it('plans nothing for a resident who wants no updates, for internal comments, for a reassignment within the department, or for a channel that is off', async () => {
    const quiet = setup();
    await quiet.open({ email: 'a@example.org', updates: 'none' });
    await quiet.open(undefined, 'ABC-2222');
    expect((await deliverDirectly(quiet.store, quiet.destination)).deliveries).toEqual([]);

    const off = setup({ email: undefined });
    await off.open({ email: 'a@example.org', updates: 'email' });
    expect((await deliverDirectly(off.store, off.destination)).deliveries).toEqual([]);

    const within = setup();
    await within.open({ email: 'a@example.org', updates: 'email' });
    await within.run({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW' });
    await within.run({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW', assignee: 'dpw-bo' });
    await within.run({ type: 'CommentOnTicket', ticketId: 'ABC-1234', body: 'crew note', visibility: 'internal' });
    expect((await deliverDirectly(within.store, within.destination)).deliveries.map((d) => d.attempt.payload.notice)).toEqual(['received', 'routed']);
  });

  it("sends nothing once the resident's data was erased, and records the notice as skipped", async () => {
    const { store, keys, destination, run, open } = setup();
    await open({ email: 'gone@example.org', updates: 'email' });
    const before = await deliverDirectly(store, destination);
    await run({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW' });
    const planned = await store.readStream('ticket-ABC-1234', { fromRevision: 2 })[Symbol.asyncIterator]().next();
    const plannedBeforeErasure = await destination.plan(planned.value);
    expect(plannedBeforeErasure).toHaveLength(1);
    await eraseTicketResidentData(store, keys, 'ABC-1234', { reason: 'resident asked', trigger: 'request', actor: director, commandId: 'erase-1' }, new Date());
    const outcome = await destination.deliver({
      deliveryId: `resident-notifications:${planned.value.id}:resident:email`,
      destinationId: 'resident-notifications',
      key: 'resident:email',
      eventId: planned.value.id,
      streamName: 'ticket-ABC-1234',
      eventType: 'TicketAssigned',
      payload: plannedBeforeErasure[0].payload,
      attempt: 1,
    });
    expect(outcome).toEqual({ status: 'delivered', detail: 'skipped:resident_data_erased' });
    expect(smtp.received).toHaveLength(before.deliveries.length);
    const after = await deliverDirectly(store, destination, { after: before.position });
    expect(after.deliveries).toEqual([]);
  });

  it("stops a ticket's updates once the resident unsubscribed: later events plan nothing, a notice already planned is skipped", async () => {
    const { store, destination, run, open } = setup();
    await open({ email: 'done@example.org', updates: 'email' });
    await run({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW' });
    const assigned = (await loadTicket(store, 'ABC-1234')).records[1].stored;
    const planned = await destination.plan(assigned);
    await expect(recordUnsubscribe(store, { ticketId: 'ABC-1234' }, new Date())).resolves.toMatchObject({ unsubscribed: true, repeated: false });
    await expect(recordUnsubscribe(store, { ticketId: 'ABC-1234' }, new Date())).resolves.toMatchObject({ unsubscribed: true, repeated: true });
    await run({ type: 'CompleteTicket', ticketId: 'ABC-1234', resolutionCode: 'repaired', note: 'done' });
    const attempt = {
      deliveryId: 'resident-notifications:x:resident:email',
      destinationId: 'resident-notifications',
      key: 'resident:email',
      eventId: assigned.id,
      streamName: assigned.streamName,
      eventType: assigned.type,
      payload: planned[0].payload,
      attempt: 1,
    };
    await expect(destination.deliver(attempt)).resolves.toEqual({ status: 'delivered', detail: 'skipped:unsubscribed' });
    await destination.settled(attempt, { status: 'delivered', at: new Date(), attempts: 1, detail: 'skipped:unsubscribed' });
    const completed = (await loadTicket(store, 'ABC-1234')).records.find((r) => r.event?.type === 'TicketCompleted')!.stored;
    await expect(destination.plan(completed)).resolves.toEqual([]);
    const types = (await loadTicket(store, 'ABC-1234')).records.map((r) => r.event!);
    expect(types.filter((e) => e.type === 'ResidentUnsubscribed')).toHaveLength(1);
    expect(types.find((e) => e.type === 'ResidentNotified')?.data).toMatchObject({ outcome: 'skipped', reason: 'unsubscribed', attempts: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("records a notice the server refused as failed, with the server's answer and no address, once however often it settles", async () => {
    const { store, destination, open } = setup();
    refuse = { code: 550, message: 'mailbox unavailable' };
    await open({ email: 'nobody@example.org', updates: 'email' });
    const { deliveries } = await deliverDirectly(store, destination);
    expect(deliveries[0].outcome).toMatchObject({ status: 'failed', retryable: false, error: expect.stringContaining('550') });
    await destination.settled(deliveries[0].attempt, deliveries[0].settled);
    const notified = (await loadTicket(store, 'ABC-1234')).records.map((r) => r.event!).filter((e) => e.type === 'ResidentNotified');
    expect(notified).toHaveLength(1);
    expect(notified[0].data).toMatchObject({ outcome: 'failed', attempts: 1, reason: expect.stringContaining('mailbox unavailable') });
    expect(JSON.stringify(notified)).not.toContain('nobody@example.org');
  });
});
