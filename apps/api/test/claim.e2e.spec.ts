import { answersFor, as, assignedToPublicWorks, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** Routes `count` tickets to Public Works; answers the position of the last routing. */
async function routeTickets(api: TestApi, count: number): Promise<string> {
  for (let i = 0; i < count; i++) await assignedToPublicWorks(api);
  const { body } = await api.command('/tickets', as.operator, {
    serviceCode: 'POTHOLE',
    description: 'Not routed yet',
    channel: 'web',
    attributes: answersFor('POTHOLE'),
  });
  return body.position;
}

describe.each(READ_STORE_KINDS)('POST /departments/:id/queue/claim (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  const claim = (token: string, query = '') => api().request('POST', `/departments/DPW/queue/claim${query}`, { token });

  it('gives ten people claiming at once five different tickets, and the other five nothing to claim', async () => {
    const position = await routeTickets(api(), 5);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(i % 2 ? as.dpwStaff : as.dpwHead, `?position=${position}`)));

    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((answer) => answer.body.ticketId)).size).toBe(5);
    for (const answer of won) {
      expect(answer.body).toMatchObject({ status: 'in_progress', events: ['WorkStarted'], revision: 2 });
      expect(answer.headers.etag).toBe('W/"2"');
    }
    const lost = answers.filter((answer) => answer.status !== 200);
    expect(lost.map((answer) => [answer.status, answer.body.error])).toEqual(Array(5).fill([409, 'NothingToClaim']));

    const last = won
      .map((answer) => answer.body.position)
      .sort()
      .at(-1);
    const queue = await api().request('GET', `/departments/DPW/queue?position=${last}`, { token: as.dpwHead });
    expect(queue.body.entries.filter((entry: { assignee: string | null }) => entry.assignee === null)).toEqual([]);
  });

  it('starts the first ticket in queue order for the caller', async () => {
    const position = await routeTickets(api(), 2);
    const queue = await api().request('GET', `/departments/DPW/queue?position=${position}`, { token: as.dpwStaff });
    const first = queue.body.entries.find((entry: { assignee: string | null }) => entry.assignee === null);

    const answer = await claim(as.dpwStaff, `?position=${position}`);
    expect(answer.status).toBe(200);
    expect(answer.body.ticketId).toBe(first.ticketId);
    const ticket = await api().request('GET', `/tickets/${first.ticketId}`, { token: as.dpwStaff });
    expect(ticket.body).toMatchObject({ status: 'in_progress', assignee: 'sam.dpw' });
  });

  it('answers a retried claim (same Idempotency-Key) with the ticket it claimed, claiming nothing more', async () => {
    const position = await routeTickets(api(), 2);
    const retry = (extra = '') =>
      api().request('POST', `/departments/DPW/queue/claim?position=${extra || position}`, {
        token: as.dpwStaff,
        headers: { 'idempotency-key': 'claim-retry-1' },
      });
    const claimedBySam = async (at: string) =>
      (await api().request('GET', `/departments/DPW/queue?position=${at}`, { token: as.dpwStaff })).body.entries.filter(
        (entry: { assignee: string | null }) => entry.assignee === 'sam.dpw',
      ).length;
    const before = await claimedBySam(position);
    const first = await retry();
    expect(first.status).toBe(200);
    const again = await retry(first.body.position);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await claimedBySam(first.body.position)).toBe(before + 1);
  });

  it('answers a retried claim with the ticket it claimed even after that ticket was escalated and started again', async () => {
    const position = await routeTickets(api(), 1);
    const headers = { 'idempotency-key': 'claim-restarted' };
    const first = await api().request('POST', `/departments/DPW/queue/claim?position=${position}`, { token: as.dpwStaff, headers });
    expect(first.status).toBe(200);
    await api().command(`/tickets/${first.body.ticketId}/escalate`, as.dpwStaff, { reason: 'complex', note: 'needs the big truck' });
    const started = await api().command(`/tickets/${first.body.ticketId}/start`, as.dpwStaff);
    const again = await api().request('POST', `/departments/DPW/queue/claim?position=${started.body.position}`, { token: as.dpwStaff, headers });
    expect([again.status, again.body]).toEqual([200, first.body]);
  });

  it('refuses a claim’s key sent by another caller once that ticket is theirs in progress (422, the caller differs)', async () => {
    const position = await routeTickets(api(), 1);
    const headers = { 'idempotency-key': 'claim-taken-over' };
    const first = await api().request('POST', `/departments/DPW/queue/claim?position=${position}`, { token: as.dpwStaff, headers });
    expect(first.status).toBe(200);
    const id = first.body.ticketId;
    await api().command(`/tickets/${id}/escalate`, as.dpwStaff, { reason: 'complex', note: 'needs the big truck' });
    const started = await api().command(`/tickets/${id}/start`, as.dpwHead);
    const again = await api().request('POST', `/departments/DPW/queue/claim?position=${started.body.position}`, { token: as.dpwHead, headers });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ error: 'IdempotencyKeyReused', differs: ['caller'] });
  });

  it('is for the department and the director; unknown departments are 404', async () => {
    expect((await claim(as.operator)).body).toMatchObject({ statusCode: 403, rule: 'onlyTheDepartmentClaimsFromItsQueue' });
    expect((await claim(as.engineeringStaff)).status).toBe(403);
    expect((await claim(as.resident)).status).toBe(403);
    expect((await api().request('POST', '/departments/NOPE/queue/claim', { token: as.director })).status).toBe(404);
  });
});
