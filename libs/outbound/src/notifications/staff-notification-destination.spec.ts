import { InMemoryResidentKeyStore, loadTicket, TicketCommandHandler } from '@switchboard/command-handling';
import { InMemoryEventStore } from '@switchboard/event-store';
import { headPosition } from '@switchboard/read-models';
import type { Actor, StaffDeliveryMode, TicketCommand } from '@switchboard/ticketing';
import { ManualClock } from '../../../read-models/src/testing/manual-clock';
import { READ_STORE_KINDS, useReadStore } from '../../../read-models/src/testing/test-read-store';
import { testCatalog } from '../../../ticketing/src/testing/test-catalog';
import { OutboundConsumer } from '../consumer/outbound-consumer';
import type { NotificationContext } from './notification-settings';
import { StaffNotificationDestination } from './staff-notification-destination';
import { nextDigest, StaffNotificationPreferences } from './staff-preferences';
import { SmtpTestServer } from './testing/smtp-test-server';
import { SmtpEmailTransport } from './transports/smtp-email-transport';

const operator: Actor = { id: 'op-ana', role: 'operator' };
const staff: Actor = { id: 'dpw-bo', role: 'staff', department: 'DPW' };
const head: Actor = { id: 'dpw-head', role: 'department_head', department: 'DPW' };
const director: Actor = { id: 'dir-eve', role: 'director' };

describe('the daily digest time', () => {
  // The test catalog's city hall is in America/New_York: 07:30 local is 12:30 UTC in winter, 11:30 in summer.
  it('is the next digest time in the city zone after the notice: today while it is to come, else tomorrow', () => {
    expect(nextDigest(new Date('2026-11-02T11:00:00Z'), '07:30', 'America/New_York')).toEqual({ date: '2026-11-02', due: new Date('2026-11-02T12:30:00Z') });
    expect(nextDigest(new Date('2026-11-02T12:30:00Z'), '07:30', 'America/New_York')).toEqual({ date: '2026-11-03', due: new Date('2026-11-03T12:30:00Z') });
    expect(nextDigest(new Date('2026-07-01T03:00:00Z'), '07:30', 'America/New_York')).toEqual({ date: '2026-07-01', due: new Date('2026-07-01T11:30:00Z') });
    // The evening of 31 October (local) is 1 November in UTC; the digest is the local morning after, across the DST change.
    expect(nextDigest(new Date('2026-11-01T01:00:00Z'), '07:30', 'America/New_York')).toEqual({ date: '2026-11-01', due: new Date('2026-11-01T12:30:00Z') });
  });
});

describe.each(READ_STORE_KINDS)('staff notifications through the outbound consumer (%s), to a real SMTP server on loopback', (kind) => {
  const consumers: OutboundConsumer[] = [];
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
  });
  const { store } = useReadStore(kind);
  let smtp: SmtpTestServer;
  let email: SmtpEmailTransport;
  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    email = new SmtpEmailTransport({ url: smtp.url, from: 'Test City 311 <311@test.example.gov>', maxConnections: 1 });
  });
  afterAll(async () => {
    await email.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const setup = async (preferences: Record<string, [Actor, StaffDeliveryMode]>, digestTime = '07:30') => {
    // Monday 2 November 2026, 10:00 in the city (15:00 UTC).
    const clock = new ManualClock(Date.parse('2026-11-02T15:00:00Z'));
    const events = new InMemoryEventStore();
    const handler = new TicketCommandHandler(events, testCatalog, () => clock.now(), new InMemoryResidentKeyStore());
    const prefs = new StaffNotificationPreferences(store());
    for (const [address, [actor, delivery]] of Object.entries(preferences)) {
      await prefs.set({
        staffId: actor.id,
        role: actor.role,
        department: actor.department,
        email: address,
        delivery,
        digestTime,
        updatedAt: clock.now().toISOString(),
        updatedBy: actor.id,
      });
    }
    const context: NotificationContext = {
      email,
      smsCountryCode: '1',
      cityName: 'Test City 311',
      publicUrl: 'https://311.test.example.gov',
      unsubscribeSecret: new Uint8Array(32),
      messageIdDomain: 'test.example.gov',
    };
    const consumer = new OutboundConsumer({
      eventStore: events,
      readStore: store(),
      destinations: [new StaffNotificationDestination(events, store(), testCatalog, context, () => clock.now())],
      holderId: 'consumer-A',
      clock,
      random: () => 0.5,
      startAt: 'beginning',
    });
    consumers.push(consumer);
    let n = 0;
    const run = (command: TicketCommand, actor: Actor) => handler.execute(command, { actor, commandId: `c${++n}` });
    const idle = async () => consumer.idle((await headPosition(events))!);
    return { clock, events, consumer, run, idle };
  };
  const open = (ticketId: string): TicketCommand => ({ type: 'OpenTicket', ticketId, serviceCode: 'POTHOLE', description: 'Deep', channel: 'phone' });
  const staffNotified = async (events: InMemoryEventStore, ticketId: string) =>
    (await loadTicket(events, ticketId)).records
      .map((r) => r.event!)
      .filter((e) => e.type === 'StaffNotified')
      .map((e) => e.data);

  it('tells the assignee at once, and the director of a tier-2 escalation, but never the one who did it', async () => {
    const { events, consumer, run, idle } = await setup({ 'bo@city.example.gov': [staff, 'immediate'], 'eve@city.example.gov': [director, 'immediate'] });
    await consumer.start();
    await run(open('ABC-1111'), operator);
    await run({ type: 'AssignTicket', ticketId: 'ABC-1111', department: 'DPW', assignee: 'dpw-bo' }, operator);
    await run({ type: 'EscalateTicket', ticketId: 'ABC-1111', reason: 'complex' }, head);
    await run({ type: 'EscalateTicket', ticketId: 'ABC-1111', reason: 'other' }, director);
    await run(open('ABC-2222'), operator);
    await run({ type: 'EscalateTicket', ticketId: 'ABC-2222', reason: 'complex', department: 'DPW' }, operator);
    await run({ type: 'EscalateTicket', ticketId: 'ABC-2222', reason: 'resident_request' }, head);
    await idle();
    await idle();

    const mails = [...(await smtp.untilReceived(2))].sort((a, b) => a.envelopeTo[0].localeCompare(b.envelopeTo[0]));
    expect(mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([
      ['bo@city.example.gov', 'Test City 311: ABC-1111 assigned to you'],
      ['eve@city.example.gov', 'Test City 311: ABC-2222 escalated'],
    ]);
    expect(mails[0].text).toContain('ABC-1111 (Pothole) was assigned to you by op-ana; priority high; due');
    expect(mails[0].text).toContain('https://311.test.example.gov/console/tickets/ABC-1111');
    expect(mails[1].text).toContain('escalated to the director (tier 2) by dpw-head: the resident asked');
    expect(await staffNotified(events, 'ABC-1111')).toEqual([
      expect.objectContaining({ staffId: 'dpw-bo', notice: 'assigned', delivery: 'immediate', outcome: 'sent', attempts: 1, channel: 'email' }),
    ]);
    expect(await staffNotified(events, 'ABC-2222')).toEqual([expect.objectContaining({ staffId: 'dir-eve', notice: 'escalated', outcome: 'sent' })]);
    expect(JSON.stringify(await loadTicket(events, 'ABC-1111'))).not.toContain('@city.example.gov');
  });

  it("gathers a department head's escalations of the day in one digest at their digest time in the city's zone, and records each on its ticket", async () => {
    // The digest at 10:20 local, twenty minutes on (the clock's heartbeats fire on the way); the next day's is the unit case above.
    const { clock, events, consumer, run, idle } = await setup({ 'head@city.example.gov': [head, 'digest'], 'bo@city.example.gov': [staff, 'none'] }, '10:20');
    await consumer.start();
    for (const id of ['ABC-3333', 'ABC-4444']) {
      await run(open(id), operator);
      await run({ type: 'AssignTicket', ticketId: id, department: 'DPW', assignee: 'dpw-bo' }, operator);
      await run({ type: 'EscalateTicket', ticketId: id, reason: 'complex' }, staff);
    }
    await idle();
    expect(smtp.received).toHaveLength(0);
    // 10:20 in New York on Monday 2 November is 15:20 UTC.
    await clock.advance(Date.parse('2026-11-02T15:20:00Z') - clock.now().getTime() - 1);
    await idle();
    expect(smtp.received).toHaveLength(0);
    await clock.advance(1);
    await idle();

    const [digest] = await smtp.untilReceived(1);
    expect(smtp.received).toHaveLength(1);
    expect(digest.envelopeTo).toEqual(['head@city.example.gov']);
    expect(digest.subject).toBe('Test City 311: your daily digest for 2026-11-02 (2 tickets)');
    expect(digest.text).toMatch(/ABC-3333 \(Pothole\) was escalated to the head of Public Works \(tier 1\) by dpw-bo: it is complex[^]*ABC-4444/);
    for (const id of ['ABC-3333', 'ABC-4444']) {
      expect(await staffNotified(events, id)).toEqual([
        expect.objectContaining({ staffId: 'dpw-head', notice: 'escalated', delivery: 'digest', outcome: 'sent' }),
      ]);
    }
  });
});
