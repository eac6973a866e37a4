import type { Outbound } from '@switchboard/outbound';
import { loadApiConfig } from '../src/config/api-config';
import { OUTBOUND } from '../src/outbound/outbound.module';
import { SmtpTestServer } from '../../../libs/outbound/src/notifications/testing/smtp-test-server';
import { as, pothole, startTestApi, type TestApi } from './api-harness';

const PUBLIC_URL = 'https://311.harrowfield.example.gov';

describe('notifications end to end: the API, the outbound consumer in process, and a real SMTP server on loopback', () => {
  let smtp: SmtpTestServer;
  let api: TestApi;
  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    const defaults = loadApiConfig({});
    api = await startTestApi({
      notifications: {
        ...defaults.notifications,
        smtp: { url: smtp.url, from: 'Harrowfield 311 <311@harrowfield.example.gov>', maxConnections: 1 },
        publicUrl: PUBLIC_URL,
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  /** Every delivery of the log so far planned, sent and settled (its ResidentNotified recorded). */
  const delivered = () => api.app.get<Outbound>(OUTBOUND).consumer.idle();
  const historyOf = async (ticketId: string) =>
    (await api.request('GET', `/tickets/${ticketId}/history`, { token: as.director })).body.events as {
      type: string;
      data: Record<string, unknown>;
      occurredAt?: string;
    }[];
  /** A PUT with a JSON body (the harness's request sends GET and POST). */
  const put = async (url: string, options: { token: string; body: unknown }) => {
    const response = await fetch(`${await api.app.getUrl()}${url}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(options.body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  /** The link a notice carries, on this test's own port instead of the public URL. */
  const local = (link: string) => link.replace(PUBLIC_URL, '');

  it("e-mails a Spanish-speaking resident when the request is received and completed, shows each on the director's audit, and the link in the message stops the updates without signing in", async () => {
    const contact = { name: 'Rosa Díaz', email: 'rosa@example.org', language: 'es', updates: 'email' };
    const opened = await api.command('/tickets', as.operator, { ...pothole, contact });
    const ticketId = opened.body.ticketId as string;
    await api.command(`/tickets/${ticketId}/complete`, as.director, { resolutionCode: 'repaired', note: 'Bache rellenado con asfalto' });
    const mails = await smtp.untilReceived(2);
    expect(mails.map((m) => m.envelopeTo)).toEqual([['rosa@example.org'], ['rosa@example.org']]);
    expect(mails[0].subject).toBe(`Harrowfield 311: Su solicitud ${ticketId} — recibida`);
    expect(mails[1].subject).toBe(`Harrowfield 311: Su solicitud ${ticketId} — completada`);
    expect(mails[1].text).toContain('Lo que se hizo: Bache rellenado con asfalto');

    await delivered();
    const notified = (await historyOf(ticketId)).filter((e) => e.type === 'ResidentNotified');
    expect(notified.map((e) => e.data)).toEqual([
      expect.objectContaining({ notice: 'received', channel: 'email', language: 'es', outcome: 'sent', attempts: 1 }),
      expect.objectContaining({ notice: 'completed', channel: 'email', language: 'es', outcome: 'sent', attempts: 1 }),
    ]);
    expect(JSON.stringify(notified)).not.toContain('rosa@example.org');

    // The link: GET shows the button and changes nothing; POST (the button, or the mail client's one-click) stops the updates.
    const link = /<([^>]+)>/.exec(mails[1].headers['list-unsubscribe'])![1];
    expect(link.startsWith(`${PUBLIC_URL}/notifications/unsubscribe?token=`)).toBe(true);
    const page = await fetch(`${await api.app.getUrl()}${local(link)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Dejar de recibir avisos');
    expect((await historyOf(ticketId)).some((e) => e.type === 'ResidentUnsubscribed')).toBe(false);
    // The page's button (or an empty form), then a mail client's one-click: recorded once.
    for (const body of ['', 'List-Unsubscribe=One-Click']) {
      const stopped = await fetch(`${await api.app.getUrl()}${local(link)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(stopped.status).toBe(200);
      expect(await stopped.text()).toContain(`No recibirá más avisos sobre la solicitud ${ticketId}`);
    }
    expect((await historyOf(ticketId)).filter((e) => e.type === 'ResidentUnsubscribed')).toHaveLength(1);

    // Reopened and commented on in public afterwards: nothing more is sent.
    await api.command(`/tickets/${ticketId}/reopen`, as.director, { reason: 'came back' });
    await api.command(`/tickets/${ticketId}/comments`, as.director, { body: 'Crew on the way', visibility: 'public' });
    await delivered();
    expect(smtp.received).toHaveLength(2);
  });

  it('writes in English when the resident speaks another language or none', async () => {
    const before = smtp.received.length;
    const opened = await api.command('/tickets', as.operator, { ...pothole, contact: { email: 'pat@example.org', updates: 'email' } });
    const [mail] = (await smtp.untilReceived(before + 1)).slice(before);
    expect(mail.subject).toBe(`Harrowfield 311: Your request ${opened.body.ticketId} — received`);
    expect(mail.text).toContain('We received your request about "Pothole".');
    await delivered();
  });

  it('refuses a link whose token was altered (400 naming token), and a missing one, without recording anything', async () => {
    const base = await api.app.getUrl();
    const forged = await fetch(`${base}/notifications/unsubscribe?token=QUJDLTEyMzQ.bm90LWEtc2lnbmF0dXJl`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(forged.status).toBe(400);
    expect(JSON.stringify(await forged.json())).toContain('token');
    const missing = await fetch(`${base}/notifications/unsubscribe`);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('token');
  });

  it("e-mails an assignee who asked for immediate notices, and lets only staff set their own preference and only the director everyone's", async () => {
    expect((await api.request('GET', '/notifications/preferences/me', { token: as.dpwStaff })).body).toEqual({ staffId: 'sam.dpw' });
    const refused = await put('/notifications/preferences/me', { token: as.resident, body: { email: 'x@example.org', delivery: 'immediate' } });
    expect(refused.status).toBe(403);
    const bad = await put('/notifications/preferences/me', { token: as.dpwStaff, body: { email: 'not an address', delivery: 'hourly', digestTime: '25:00' } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['delivery', 'digestTime', 'email']);
    const set = await put('/notifications/preferences/me', { token: as.dpwStaff, body: { email: 'sam@harrowfield.example.gov', delivery: 'immediate' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ staffId: 'sam.dpw', role: 'staff', department: 'DPW', delivery: 'immediate', digestTime: '07:30', updatedBy: 'sam.dpw' });
    expect((await api.request('GET', '/notifications/preferences/me', { token: as.dpwStaff })).body).toMatchObject({
      staffId: 'sam.dpw',
      preference: { email: 'sam@harrowfield.example.gov' },
    });
    expect((await api.request('GET', '/notifications/preferences', { token: as.dpwStaff })).status).toBe(403);
    expect(
      (await api.request('GET', '/notifications/preferences', { token: as.director })).body.preferences.map((p: { staffId: string }) => p.staffId),
    ).toEqual(['sam.dpw']);

    const before = smtp.received.length;
    const opened = await api.command('/tickets', as.operator, { ...pothole, contact: { name: 'No Updates' } });
    await api.command(`/tickets/${opened.body.ticketId}/assign`, as.operator, { department: 'DPW', assignee: 'sam.dpw' });
    const [mail] = (await smtp.untilReceived(before + 1)).slice(before);
    expect(mail.envelopeTo).toEqual(['sam@harrowfield.example.gov']);
    expect(mail.subject).toBe(`Harrowfield 311: ${opened.body.ticketId} assigned to you`);
    expect(mail.text).toContain(`${PUBLIC_URL}/console/tickets/${opened.body.ticketId}`);
    await delivered();
    expect((await historyOf(opened.body.ticketId)).filter((e) => e.type === 'StaffNotified').map((e) => e.data)).toEqual([
      expect.objectContaining({ staffId: 'sam.dpw', notice: 'assigned', delivery: 'immediate', outcome: 'sent' }),
    ]);
  });
});
