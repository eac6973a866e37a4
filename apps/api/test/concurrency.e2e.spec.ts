import { as, assignedToPublicWorks, pothole, startTestApi, useTestApi } from './api-harness';

describe('concurrency and idempotency', () => {
  const api = useTestApi();

  it('20 parallel commands on one ticket: no lost update, each in history exactly once', async () => {
    const id = await assignedToPublicWorks(api());
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api().request('POST', `/tickets/${id}/comments`, { token: as.dpwStaff, body: { body: `note ${i}`, visibility: 'internal' } }),
      ),
    );
    const accepted = answers.filter((a) => a.status === 200);
    expect(accepted).toHaveLength(20);
    expect(new Set(accepted.map((a) => a.body.revision)).size).toBe(20);

    const history = await api().request('GET', `/tickets/${id}/history`, { token: as.director });
    const bodies = history.body.events.filter((e: { type: string }) => e.type === 'TicketCommented').map((e: { data: { body: string } }) => e.data.body);
    expect(bodies.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`).sort());
    expect(history.body.events.map((e: { revision: number }) => e.revision)).toEqual(Array.from({ length: 22 }, (_, i) => i));
  });

  it('parallel commands with the same If-Match: one wins, the others get 412', async () => {
    const id = await assignedToPublicWorks(api());
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api().request('POST', `/tickets/${id}/comments`, {
          token: as.dpwStaff,
          headers: { 'if-match': 'W/"1"' },
          body: { body: `n${i}`, visibility: 'internal' },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412, 412, 412, 412]);
  });

  it('a retried command (same Idempotency-Key) writes once and answers the same', async () => {
    const id = await assignedToPublicWorks(api());
    const send = () => api().request('POST', `/tickets/${id}/start`, { token: as.dpwStaff, headers: { 'idempotency-key': 'start-1' } });
    const first = await send();
    api().clock.advance(5);
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);

    // Even after the ticket moved on, the retry answers what the command did the first time.
    await api().command(`/tickets/${id}/comments`, as.dpwStaff, { body: 'later', visibility: 'internal' });
    expect((await send()).body).toEqual(first.body);
    const history = await api().request('GET', `/tickets/${id}/history`, { token: as.director });
    expect(history.body.events.filter((e: { type: string }) => e.type === 'WorkStarted')).toHaveLength(1);
  });

  it('a retried open (same Idempotency-Key) opens one ticket', async () => {
    const headers = { 'idempotency-key': 'open-7f3a' };
    const first = await api().request('POST', '/tickets', { token: as.operator, body: pothole, headers });
    const retries = await Promise.all([1, 2, 3].map(() => api().request('POST', '/tickets', { token: as.operator, body: pothole, headers })));
    for (const retry of retries) expect(retry.body).toEqual(first.body);
    const history = await api().request('GET', `/tickets/${first.body.ticketId}/history`, { token: as.director });
    expect(history.body.events).toHaveLength(1);
  });

  it('two API processes on one store: conflicts are re-decided on fresh state, nothing is lost', async () => {
    const second = await startTestApi({ eventStoreUrl: api().eventStoreUrl });
    try {
      const id = await assignedToPublicWorks(api());
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? second : api()).request('POST', `/tickets/${id}/comments`, { token: as.dpwStaff, body: { body: `n${i}`, visibility: 'internal' } }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      const history = await api().request('GET', `/tickets/${id}/history`, { token: as.director });
      expect(history.body.events).toHaveLength(12);
    } finally {
      await second.close();
    }
  });
});
