import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import { READ_MODELS } from '../src/read-models/read-models.module';
import { SlaWatchService } from '../src/sla/sla-watch.service';
import { as, pothole, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

// The demo catalog's DEMO-SLA service: due 6 business minutes after routing, to the director 6 more
// business minutes later. The clock starts Monday 2 November 2026, 09:00 in the city.
const demoRequest = { serviceCode: 'DEMO-SLA', description: 'Demonstration ticket', channel: 'phone' };

describe.each(READ_STORE_KINDS)('GET /escalations (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);

  /** Opens a ticket and routes it to `department`; returns its id. */
  async function routed(body: object, department: string): Promise<string> {
    const { body: opened } = await api().command('/tickets', as.operator, body);
    await api().command(`/tickets/${opened.ticketId}/assign`, as.operator, { department });
    return opened.ticketId;
  }

  /** Waits until the in-process projection has applied every event, then lets the SLA watcher scan at the test clock's time. */
  async function scan(): Promise<void> {
    await caughtUp(api());
    await api().app.get(SlaWatchService).watcher.scan();
    await caughtUp(api());
  }

  const listed = async (token: string, query = '') => {
    const answer = await api().request('GET', `/escalations${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body.tickets as any[];
  };

  let dpwDemo: string;
  let engineeringDemo: string;
  let dpwPothole: string;

  beforeAll(async () => {
    dpwDemo = await routed(demoRequest, 'DPW');
    dpwPothole = await routed(pothole, 'DPW');
    api().clock.advance(1);
    engineeringDemo = await routed(demoRequest, 'ENGINEERING');
  });

  it('lists nothing before anything is late or at risk, then a ticket at 80 % of its SLA', async () => {
    api().clock.advance(3);
    await scan();
    expect(await listed(as.director)).toEqual([]);
    api().clock.advance(1);
    expect(await listed(as.director)).toEqual([expect.objectContaining({ ticketId: dpwDemo, tier: 0, atRisk: true, atRiskAt: '2026-11-02T14:04:48.000Z' })]);
  });

  it('shows the director the breached tickets of every department, the one late the longest first, escalated to their heads', async () => {
    api().clock.advance(3);
    await scan();
    const now = api().clock.now().toISOString();
    expect(await listed(as.director)).toEqual([
      expect.objectContaining({
        ticketId: dpwDemo,
        department: 'DPW',
        tier: 1,
        reason: 'overdue',
        overdue: true,
        breachedAt: now,
        escalatedAt: now,
        dueAt: '2026-11-02T14:06:00.000Z',
      }),
      expect.objectContaining({ ticketId: engineeringDemo, department: 'ENGINEERING', tier: 1, reason: 'overdue', dueAt: '2026-11-02T14:07:00.000Z' }),
    ]);
  });

  it('shows a department head their own department only', async () => {
    expect((await listed(as.dpwHead)).map((t) => t.ticketId)).toEqual([dpwDemo]);
    const other = await api().request('GET', '/escalations?department=ENGINEERING', { token: as.dpwHead });
    expect(other.status).toBe(403);
    expect((await api().request('GET', '/escalations', { token: as.dpwStaff })).status).toBe(403);
  });

  it('goes to the director after the policy’s business time, and marks tickets at risk', async () => {
    // Wednesday 4 November, 13:00: the pothole (3 business days, due Thursday 09:00) has used over 80 %.
    api().clock.advance(2 * 24 * 60 + 4 * 60 - 8);
    await scan();
    const tickets = await listed(as.director);
    expect(tickets.map((t) => [t.ticketId, t.tier, t.atRisk])).toEqual([
      [dpwDemo, 2, false],
      [engineeringDemo, 2, false],
      [dpwPothole, 0, true],
    ]);
    expect(tickets[2]).toMatchObject({ reason: null, breachedAt: null, overdue: false, dueAt: '2026-11-05T14:00:00.000Z' });
  });

  it('pages with a cursor', async () => {
    const first = await api().request('GET', '/escalations?limit=2', { token: as.director });
    expect(first.body.tickets).toHaveLength(2);
    const second = await api().request('GET', `/escalations?limit=2&cursor=${first.body.nextCursor}`, { token: as.director });
    expect(second.body).toEqual({
      tickets: [expect.objectContaining({ ticketId: dpwPothole })],
      nextCursor: null,
      asOf: api().clock.now().toISOString(),
      moment: 'now',
      source: 'read-models',
    });
  });
});

describe.each(READ_STORE_KINDS)('GET /escalations?asOf= (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  /** What the list answered at each moment, without asOf, by the moment. */
  const seen = new Map<string, { director: unknown[]; dpwHead: unknown[] }>();

  const listed = async (token: string, query = '') => {
    const answer = await api().request('GET', `/escalations${query}`, { token });
    expect([query, answer.status]).toEqual([query, 200]);
    return answer.body;
  };
  /** Lets the SLA watcher act at the test clock's time, then notes what the list shows now. */
  async function note(): Promise<string> {
    await caughtUp(api());
    await api().app.get(SlaWatchService).watcher.scan();
    await caughtUp(api());
    const now = api().clock.now().toISOString();
    seen.set(now, { director: (await listed(as.director)).tickets, dpwHead: (await listed(as.dpwHead)).tickets });
    return now;
  }

  let start: string;
  let atRisk: string;
  let breached: string;
  let toTheDirector: string;
  let afterWork: string;
  let dpwDemo: string;
  let dpwPothole: string;

  beforeAll(async () => {
    start = api().clock.now().toISOString();
    api().clock.advance(1);
    const route = async (body: object, department: string) => {
      const { body: opened } = await api().command('/tickets', as.operator, body);
      await api().command(`/tickets/${opened.ticketId}/assign`, as.operator, { department });
      return opened.ticketId as string;
    };
    dpwDemo = await route(demoRequest, 'DPW');
    dpwPothole = await route(pothole, 'DPW');
    api().clock.advance(1);
    await route(demoRequest, 'ENGINEERING');
    api().clock.advance(4);
    atRisk = await note();
    api().clock.advance(3);
    breached = await note();
    api().clock.advance(2 * 24 * 60 + 4 * 60);
    toTheDirector = await note();
    api().clock.advance(30);
    await api().command(`/tickets/${dpwDemo}/start`, as.dpwStaff);
    await api().command(`/tickets/${dpwPothole}/escalate`, as.dpwStaff, { reason: 'complex', note: 'needs the big patching truck' });
    afterWork = await note();
    api().clock.advance(60);
  });

  it('lists what the list showed at each past moment, judged at that moment', async () => {
    expect(seen.get(atRisk)!.director).toEqual([expect.objectContaining({ ticketId: dpwDemo, tier: 0, atRisk: true })]);
    for (const [moment, shown] of seen) {
      const past = await listed(as.director, `?asOf=${moment}`);
      expect([moment, past]).toEqual([moment, { tickets: shown.director, nextCursor: null, asOf: moment, moment: 'asOf', source: 'temporal' }]);
      expect([moment, (await listed(as.dpwHead, `?asOf=${moment}`)).tickets]).toEqual([moment, shown.dpwHead]);
    }
    expect((await listed(as.director, `?asOf=${start}`)).tickets).toEqual([]);
  });

  it("judges overdue and at-risk at asOf even between the SLA watcher's scans", async () => {
    // A minute after the due time, before the watcher recorded the breach: late, not yet escalated or breached.
    const late = new Date(Date.parse(breached) - 60_000).toISOString();
    const tickets = (await listed(as.director, `?asOf=${late}`)).tickets;
    expect(tickets[0]).toMatchObject({ ticketId: dpwDemo, tier: 0, overdue: true, atRisk: false, breachedAt: null, reason: null });
  });

  it('applies limit and department, and never pages', async () => {
    const all = (await listed(as.director, `?asOf=${afterWork}`)).tickets;
    expect(all.length).toBeGreaterThan(1);
    expect(await listed(as.director, `?asOf=${afterWork}&limit=1`)).toEqual({
      tickets: all.slice(0, 1),
      nextCursor: null,
      asOf: afterWork,
      moment: 'asOf',
      source: 'temporal',
    });
    const engineering = (await listed(as.director, `?asOf=${afterWork}&department=ENGINEERING`)).tickets;
    expect(engineering.map((t: { department: string }) => t.department)).toEqual(['ENGINEERING']);
    expect(engineering[0]).toMatchObject({ reason: 'overdue', tier: 2 });
    expect(all.find((t: { ticketId: string }) => t.ticketId === dpwPothole)).toMatchObject({ reason: 'complex', tier: 1, atRisk: true });
    const before = (await listed(as.director, `?asOf=${toTheDirector}`)).tickets;
    expect(before.find((t: { ticketId: string }) => t.ticketId === dpwPothole)).toMatchObject({ reason: null, tier: 0 });
  });

  it('keeps the access rules', async () => {
    expect((await api().request('GET', `/escalations?asOf=${toTheDirector}&department=ENGINEERING`, { token: as.dpwHead })).status).toBe(403);
    expect((await api().request('GET', `/escalations?asOf=${toTheDirector}`, { token: as.dpwStaff })).status).toBe(403);
    expect((await api().request('GET', `/escalations?asOf=${toTheDirector}`)).status).toBe(401);
  });

  it('answers 400 naming the parameter for a bad or future asOf, or a cursor with it', async () => {
    const future = new Date(api().clock.now().getTime() + 1000).toISOString();
    const page = await listed(as.director, '?limit=1');
    for (const [query, field] of [
      [`?asOf=${future}`, 'asOf'],
      ['?asOf=yesterday', 'asOf'],
      [`?asOf=${toTheDirector}&cursor=${page.nextCursor}`, 'cursor'],
    ]) {
      const answer = await api().request('GET', `/escalations${query}`, { token: as.director });
      expect([query, answer.status, answer.body.problems?.map((p: { field: string }) => p.field)]).toEqual([query, 400, [field]]);
    }
  });
});

/** Resolves once the read models include the event store's last event. */
async function caughtUp(api: TestApi): Promise<void> {
  const store = api.app.get<EventStore>(EVENT_STORE);
  for await (const last of store.readAll({ direction: 'backwards', maxCount: 1 })) {
    await api.app.get<ReadModels>(READ_MODELS).waitForPosition(last.globalPosition, 5_000);
  }
}
