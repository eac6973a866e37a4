import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { completionMetrics, type CompletionMetricsOptions, replayTicketFacts } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../src/catalog/catalog.module';
import { as, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** A few days of tickets: worked, completed late and on time, closed, answered at first contact, escalated, left open. */
async function historyOfAWeek(api: TestApi): Promise<string> {
  const open = async (serviceCode: string, channel: string) =>
    (await api.command('/tickets', as.operator, { serviceCode, channel, description: `${serviceCode} by ${channel}` })).body.ticketId as string;
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

  it.each([
    ['department', 'day'],
    ['service', 'week'],
    ['channel', 'month'],
  ] as const)('equals the library function over a replay of the event log (groupBy=%s, period=%s)', async (groupBy, period) => {
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
    for (const token of [as.dpwStaff, as.operator, as.resident]) {
      const refused = await report(`from=${from}&to=${to}&groupBy=department&period=month`, token);
      expect(refused.body).toMatchObject({ statusCode: 403, rule: 'CompletionMetricsAreForTheDirectorAndDepartmentHeads' });
    }
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
});
