import { Client } from 'pg';
import type { ProjectionRunner } from '@switchboard/read-models';
import { POSTGRES_URL } from '../../../libs/read-models/src/testing/test-read-store';
import { as, assignedToPublicWorks, pothole, startTestApi, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

describe.each(READ_STORE_KINDS)('read-your-writes: ?position= on read-model queries (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind, { readWaitMs: 200 });

  it('sees a command made just before in the queue, the ticket list and the completion metrics', async () => {
    const { body: opened } = await api().command('/tickets', as.operator, { ...pothole, description: 'Seen at once' });
    const { body: routed } = await api().command(`/tickets/${opened.ticketId}/assign`, as.operator, { department: 'DPW' });

    const queue = await api().request('GET', `/departments/DPW/queue?position=${routed.position}`, { token: as.dpwStaff });
    expect(queue.body.entries.map((entry: { ticketId: string }) => entry.ticketId)).toContain(opened.ticketId);
    const list = await api().request('GET', `/tickets?text=seen%20at%20once&position=${routed.position}`, { token: as.operator });
    expect(list.body.tickets.map((ticket: { ticketId: string }) => ticket.ticketId)).toEqual([opened.ticketId]);

    const { body: completed } = await api().command(`/tickets/${opened.ticketId}/complete`, as.dpwStaff, { resolutionCode: 'repaired', note: 'Filled' });
    const day = `from=2026-11-02T05:00:00Z&to=2026-11-03T05:00:00Z&groupBy=department&period=day&position=${completed.position}`;
    const metrics = await api().request('GET', `/metrics/completion?${day}`, { token: as.director });
    expect(metrics.body.figures.find((f: { group: string }) => f.group === 'DPW')).toMatchObject({ completed: 1 });
  });

  const runner = () => api().app.get<ProjectionRunner>('switchboard:ProjectionRunner', { strict: false });

  it.each([
    ['/departments/DPW/queue', as.dpwStaff],
    ['/tickets', as.operator],
    ['/metrics/completion?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&groupBy=service&period=day', as.director],
  ])('answers 503 with Retry-After when the read models do not reach the position in time: %s', async (url, token) => {
    // A position the log has and the read models lack: the projection is stopped behind it.
    await runner().stop();
    try {
      const { body: opened } = await api().command('/tickets', as.operator, pothole);
      const answer = await api().request('GET', `${url}${url.includes('?') ? '&' : '?'}position=${opened.position}`, { token });
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.body).toMatchObject({
        error: 'ReadModelsBehind',
        position: opened.position,
        retryAfterSeconds: 1,
        message: expect.stringContaining('retry'),
      });
    } finally {
      await runner().start();
    }
  });

  it('refuses a malformed position, naming it', async () => {
    for (const position of ['not%20a%20position', 'abc', '-1', '1', '123456789012345678901234567890', '00000000000000000001/00000000000000000001']) {
      const answer = await api().request('GET', `/tickets?position=${position}`, { token: as.operator });
      expect({ position, status: answer.status }).toEqual({ position, status: 400 });
      expect(answer.body.problems.map((p: { field: string }) => p.field)).toEqual(['position']);
    }
  });
});

describe('read-your-writes: a position beyond the event log is refused at once, not waited for', () => {
  // A wait would last a minute and fail the test by its timeout; the refusal must come first.
  const api = useApiOnReadStore('sqlite', { readWaitMs: 60_000 });

  it.each([
    ['/departments/DPW/queue', as.dpwStaff],
    ['/tickets', as.operator],
    ['/metrics/completion?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&groupBy=service&period=day', as.director],
    ['/metrics/completion?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&groupBy=service&period=day&asOf=2026-11-02T00:00:00Z', as.director],
  ])('%s', async (url, token) => {
    const { body: opened } = await api().command('/tickets', as.operator, pothole);
    const next = String(Number(opened.position) + 1).padStart(20, '0');
    for (const position of [next, '99999999999999999999']) {
      const answer = await api().request('GET', `${url}${url.includes('?') ? '&' : '?'}position=${position}`, { token });
      expect(answer.status).toBe(400);
      expect(answer.body.problems).toEqual([{ field: 'position', message: expect.stringContaining('beyond the end of the event log') }]);
    }
    const claim = await api().request('POST', `/departments/DPW/queue/claim?position=${next}`, { token: as.dpwStaff });
    expect(claim.body.problems).toEqual([{ field: 'position', message: expect.stringContaining('beyond the end of the event log') }]);
  });
});

describe('projection lag in /health/ready and /metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const runner = () => api.app.get<ProjectionRunner>('switchboard:ProjectionRunner', { strict: false });
  const scrape = async () => (await fetch(`${await api.app.getUrl()}/metrics`)).text();

  it('reports the read store up and no lag once caught up, with open tickets per department', async () => {
    await assignedToPublicWorks(api);
    const { body } = await api.command('/tickets', as.operator, pothole);
    await api.request('GET', `/tickets?position=${body.position}`, { token: as.operator });

    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      eventStore: 'up',
      readStore: 'up',
      projectionLag: { checkpoint: body.position, eventsBehind: 0, secondsBehind: 0 },
    });
    const text = await scrape();
    expect(text).toMatch(/switchboard_projection_lag_events\{projection="tickets"\} 0/);
    expect(text).toMatch(/switchboard_projection_lag_seconds\{projection="tickets"\} 0/);
    expect(text).toMatch(/switchboard_open_tickets\{department="DPW"\} 1/);
    expect(text).toMatch(/switchboard_open_tickets\{department="CLERK"\} 0/);
  });

  it('counts the events the projection has not applied while its runner is stopped', async () => {
    await runner().stop();
    try {
      await api.command('/tickets', as.operator, pothole);
      const ready = await api.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.projectionLag).toMatchObject({ eventsBehind: 1, eventsBehindIsLowerBound: false });
      expect(await scrape()).toMatch(/switchboard_projection_lag_events\{projection="tickets"\} 1/);
    } finally {
      await runner().start();
    }
  });
});

describe('/health/ready without its read store', () => {
  it('answers 503 when the read store cannot be read', async () => {
    const schema = `api_gone_${Date.now()}`;
    const api = await startTestApi({ readStoreUrl: `${POSTGRES_URL}?schema=${schema}` });
    const admin = new Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      // The runner is stopped first, so it does not report the loss while the check runs.
      await api.app.get<ProjectionRunner>('switchboard:ProjectionRunner', { strict: false }).stop();
      await admin.query(`drop schema ${schema} cascade`);
      const ready = await api.request('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ error: 'ServiceUnavailable', message: 'The read store is not reachable.' });
    } finally {
      await api.close();
      await admin.end();
    }
  });
});
