import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { completionMetrics, type CompletionMetricsOptions, factsCountingIn, occurredBy, replayTicketFacts } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../src/catalog/catalog.module';
import { answersFor, as, type TestApi, useTestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** Each grouping with another period, so every one of both is asked once. */
const GROUPINGS = [
  ['department', 'day'],
  ['service', 'week'],
  ['channel', 'month'],
] as const;

/** A few days of tickets: worked, completed late and on time, closed, answered at first contact, escalated, left open. */
async function historyOfAWeek(api: TestApi): Promise<string> {
  const open = async (serviceCode: string, channel: string) =>
    (await api.command('/tickets', as.operator, { serviceCode, channel, description: `${serviceCode} by ${channel}`, attributes: answersFor(serviceCode) }))
      .body.ticketId as string;
  let position = '';
  const run = async (url: string, token: string, body?: unknown) => {
    position = (await api.command(url, token, body)).body.position;
  };
  const pothole = await open('POTHOLE', 'phone');
  await run(`/tickets/${pothole}/assign`, as.operator, { department: 'DPW' });
  api.clock.advance(90);
  await run(`/tickets/${pothole}/start`, as.dpwStaff);
  const snow = await open('SNOW-UNPLOWED', 'web');
  await run(`/tickets/${snow}/assign`, as.operator, { department: 'DPW' });
  const light = await open('STREETLIGHT-OUT', 'email');
  await run(`/tickets/${light}/assign`, as.operator, { department: 'ENGINEERING' });
  const question = await open('GENERAL-INQUIRY', 'phone');
  await run(`/tickets/${question}/complete`, as.operator, { resolutionCode: 'answered', note: 'Told the caller the hours' });
  api.clock.advance(24 * 60);
  await run(`/tickets/${pothole}/complete`, as.dpwStaff, { resolutionCode: 'repaired', note: 'Filled' });
  await run(`/tickets/${snow}/escalate`, as.dpwStaff, { reason: 'complex', note: 'needs the big plow' });
  api.clock.advance(3 * 24 * 60);
  await run(`/tickets/${snow}/complete`, as.dpwHead, { resolutionCode: 'plowed', note: 'Done late' });
  const duplicate = await open('POTHOLE', 'web');
  await run(`/tickets/${duplicate}/close`, as.operator, { reason: 'withdrawn' });
  return position;
}

describe.each(READ_STORE_KINDS)('GET /metrics/completion (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  let position: string;
  beforeAll(async () => {
    position = await historyOfAWeek(api());
  });

  const from = '2026-11-01T04:00:00.000Z';
  const to = '2026-11-09T05:00:00.000Z';
  const report = (query: string, token = as.director) => api().request('GET', `/metrics/completion?position=${position}&${query}`, { token });

  /** The library's pure function over facts replayed from the event log: what the endpoint must equal. */
  const expected = async (options: Omit<CompletionMetricsOptions, 'timeZone' | 'from' | 'to'>) => {
    const catalog = api().app.get<ServiceCatalog>(CATALOG);
    const facts = await replayTicketFacts(api().app.get<EventStore>(EVENT_STORE).readAll(), catalog);
    const figures = completionMetrics(facts, { ...options, from: new Date(from), to: new Date(to), timeZone: 'America/New_York' });
    return JSON.parse(JSON.stringify(figures));
  };

  it.each(GROUPINGS)('equals the library function over a replay of the event log (groupBy=%s, period=%s)', async (groupBy, period) => {
    const answer = await report(`from=${from}&to=${to}&groupBy=${groupBy}&period=${period}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ from, to, groupBy, period, timeZone: 'America/New_York' });
    expect(answer.body.figures).toEqual(await expected({ groupBy, period }));
    expect(answer.body.figures.length).toBeGreaterThan(0);
  });

  it('has the figures the week implies', async () => {
    const { body } = await report(`from=${from}&to=${to}&groupBy=department&period=month`);
    const dpw = body.figures.find((f: { group: string }) => f.group === 'DPW');
    expect(dpw).toMatchObject({ opened: 3, completed: 2, closedWithoutCompletion: 1, escalationRate: 1 / 3 });
    expect(body.figures.find((f: { group: string }) => f.group === '311')).toMatchObject({ completed: 1, firstContactResolutionRate: 1 });
  });

  it('shows a department head their department and its services only; channels are for the director', async () => {
    const byDepartment = await report(`from=${from}&to=${to}&groupBy=department&period=month`, as.dpwHead);
    expect(byDepartment.body.figures.map((f: { group: string }) => f.group)).toEqual(['DPW']);
    const byService = await report(`from=${from}&to=${to}&groupBy=service&period=month`, as.dpwHead);
    expect(new Set(byService.body.figures.map((f: { group: string }) => f.group))).toEqual(new Set(['POTHOLE', 'SNOW-UNPLOWED']));
    expect((await report(`from=${from}&to=${to}&groupBy=channel&period=month`, as.dpwHead)).status).toBe(403);
    for (const token of [as.dpwStaff, as.operator]) {
      const refused = await report(`from=${from}&to=${to}&groupBy=department&period=month`, token);
      expect(refused.body).toMatchObject({ statusCode: 403, rule: 'completionMetricsAreForTheDirectorAndDepartmentHeads' });
    }
    // Resident tokens are kept out of every staff route before its own rules are asked.
    expect((await report(`from=${from}&to=${to}&groupBy=department&period=month`, as.resident)).body).toMatchObject({
      statusCode: 403,
      rule: 'residentsUseOpen311',
    });
  });

  it('answers 400 naming the parameter for bad input', async () => {
    const cases: [string, string][] = [
      [`from=yesterday&to=${to}&groupBy=department&period=day`, 'from'],
      [`from=${from}&groupBy=department&period=day`, 'to'],
      [`from=${to}&to=${from}&groupBy=department&period=day`, 'from'],
      [`from=${from}&to=${to}&groupBy=colour&period=day`, 'groupBy'],
      [`from=${from}&to=${to}&groupBy=department&period=year`, 'period'],
      [`from=${from}&to=${to}&groupBy=department`, 'period'],
    ];
    for (const [query, field] of cases) {
      const answer = await report(query);
      expect([query, answer.status, answer.body.problems?.map((p: { field: string }) => p.field)]).toEqual([query, 400, [field]]);
    }
  });

  it("answers from the read models at the clock's now without asOf", async () => {
    const { body } = await report(`from=${from}&to=${to}&groupBy=department&period=month`);
    expect(body).toMatchObject({ to, asOf: api().clock.now().toISOString(), moment: 'now', source: 'read-models' });
  });

  describe('asOf: the temporal read model, as it was then', () => {
    // Wednesday 4 November, 12:00 UTC: the pothole and the question are completed, the snow ticket is escalated, the duplicate not yet opened.
    const asOf = '2026-11-04T12:00:00.000Z';

    /** The library's pure functions over the events that had occurred by asOf, with `to` clipped to it. */
    const expectedAsOf = async (at: string, options: Omit<CompletionMetricsOptions, 'timeZone' | 'from' | 'to'>) => {
      const catalog = api().app.get<ServiceCatalog>(CATALOG);
      const facts = await replayTicketFacts(occurredBy(api().app.get<EventStore>(EVENT_STORE).readAll(), new Date(at)), catalog);
      const end = new Date(Math.min(Date.parse(to), Date.parse(at)));
      const figures = completionMetrics(factsCountingIn(facts, new Date(from), end), {
        ...options,
        from: new Date(from),
        to: end,
        timeZone: 'America/New_York',
      });
      return JSON.parse(JSON.stringify(figures));
    };

    it.each(GROUPINGS)(
      'equals the library functions over the events that had occurred by asOf, to clipped to it (groupBy=%s, period=%s)',
      async (groupBy, period) => {
        const answer = await report(`from=${from}&to=${to}&groupBy=${groupBy}&period=${period}&asOf=${asOf}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ from, to: asOf, asOf, groupBy, period, timeZone: 'America/New_York', moment: 'asOf', source: 'temporal' });
        expect(answer.body.figures).toEqual(await expectedAsOf(asOf, { groupBy, period }));
      },
    );

    it('has the figures of that moment: backlog and overdue judged then', async () => {
      const { body } = await report(`from=${from}&to=${to}&groupBy=department&period=month&asOf=${asOf}`);
      expect(body.figures.find((f: { group: string }) => f.group === 'DPW')).toMatchObject({
        opened: 2,
        completed: 1,
        closedWithoutCompletion: 0,
        backlogAtPeriodEnd: 1,
      });
      const now = await report(`from=${from}&to=${to}&groupBy=department&period=month`);
      expect(now.body.figures.find((f: { group: string }) => f.group === 'DPW')).toMatchObject({ opened: 3, completed: 2, backlogAtPeriodEnd: 0 });
    });

    it("gives the read models' figures when asOf is now and the report ends before it", async () => {
      const end = '2026-11-06T00:00:00.000Z';
      const live = await report(`from=${from}&to=${end}&groupBy=service&period=day`);
      const replayed = await report(`from=${from}&to=${end}&groupBy=service&period=day&asOf=${api().clock.now().toISOString()}`);
      expect(replayed.body).toMatchObject({ to: end, moment: 'asOf', source: 'temporal' });
      expect(replayed.body.figures).toEqual(live.body.figures);
    });

    it('keeps the access rules', async () => {
      const byService = await report(`from=${from}&to=${to}&groupBy=service&period=month&asOf=${asOf}`, as.dpwHead);
      expect(new Set(byService.body.figures.map((f: { group: string }) => f.group))).toEqual(new Set(['POTHOLE', 'SNOW-UNPLOWED']));
      expect((await report(`from=${from}&to=${to}&groupBy=channel&period=month&asOf=${asOf}`, as.dpwHead)).status).toBe(403);
      expect((await report(`from=${from}&to=${to}&groupBy=department&period=month&asOf=${asOf}`, as.operator)).status).toBe(403);
    });

    it('answers 400 naming the parameter for a bad, future or too early asOf', async () => {
      const future = new Date(api().clock.now().getTime() + 1000).toISOString();
      const cases: [string, string][] = [
        [`from=${from}&to=${to}&groupBy=department&period=day&asOf=last-week`, 'asOf'],
        [`from=${from}&to=${to}&groupBy=department&period=day&asOf=${future}`, 'asOf'],
        [`from=${from}&to=${to}&groupBy=department&period=day&asOf=${from}`, 'asOf'],
        [`from=${from}&to=${to}&groupBy=department&period=day&asOf=2026-10-01T00:00:00Z`, 'asOf'],
        [`from=${to}&to=${from}&groupBy=department&period=day&asOf=${asOf}`, 'from'],
        [`from=${from}&to=${to}&groupBy=department&period=year&asOf=${asOf}`, 'period'],
        [`from=${from}&to=${to}&groupBy=department&period=day&asOf=${asOf}&knownAt=${asOf}`, 'knownAt'],
        [`from=${from}&to=${to}&groupBy=department&period=day&knownAt=${future}`, 'knownAt'],
        [`from=${from}&to=${to}&groupBy=department&period=day&knownAt=${from}`, 'knownAt'],
        [`from=${from}&to=${to}&groupBy=department&period=day&knownAt=yesterday`, 'knownAt'],
      ];
      for (const [query, field] of cases) {
        const answer = await report(query);
        expect([query, answer.status, answer.body.problems?.map((p: { field: string }) => p.field)]).toEqual([query, 400, [field]]);
      }
    });
  });
});

describe('GET /metrics/completion?asOf= answers from the temporal read model, with history appended later', () => {
  const api = useTestApi();
  const from = '2026-11-01T04:00:00.000Z';
  const to = '2026-11-09T05:00:00.000Z';

  const opened = async (asOf: string) => {
    const answer = await api().request('GET', `/metrics/completion?from=${from}&to=${to}&groupBy=department&period=month&asOf=${asOf}`, { token: as.director });
    expect(answer.status).toBe(200);
    return answer.body.figures.find((f: { group: string }) => f.group === 'DPW')?.opened ?? 0;
  };

  it('counts an old ticket appended after the moment as of when it happened, at once, and other moments without it', async () => {
    await api().command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      channel: 'phone',
      description: 'Pothole on Oak St',
      attributes: answersFor('POTHOLE'),
    });
    api().clock.advance(24 * 60);
    const asOf = api().clock.now().toISOString();
    api().clock.advance(60);

    expect(await opened(asOf)).toBe(1);
    expect((await api().request('GET', `/escalations?asOf=${asOf}`, { token: as.director })).body).toMatchObject({ moment: 'asOf', source: 'temporal' });

    // An import of an old ticket: appended now, it happened before asOf.
    api().clock.advance(-12 * 60);
    const late = await api().command('/tickets', as.operator, {
      serviceCode: 'POTHOLE',
      channel: 'web',
      description: 'Pothole on Elm St, reported late',
      attributes: answersFor('POTHOLE'),
    });
    api().clock.advance(12 * 60);
    // The read models have it once they reached its position: the answer waits for it like any read.
    const answer = await api().request(
      'GET',
      `/metrics/completion?from=${from}&to=${to}&groupBy=department&period=month&asOf=${asOf}&position=${late.body.position}`,
      { token: as.director },
    );
    expect(answer.body.figures.find((f: { group: string }) => f.group === 'DPW')?.opened).toBe(2);
    expect(await opened(asOf)).toBe(2);
    // Before either was opened: nothing.
    expect(await opened('2026-11-02T12:00:00.000Z')).toBe(0);
  });
});
