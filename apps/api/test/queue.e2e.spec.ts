import { as, pothole, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** Opens a DPW ticket with a priority and routes it; answers its id. */
async function routed(api: TestApi, priority: string, description: string): Promise<string> {
  const { body } = await api.command('/tickets', as.operator, { ...pothole, description, priority });
  await api.command(`/tickets/${body.ticketId}/assign`, as.operator, { department: 'DPW' });
  return body.ticketId;
}

describe.each(READ_STORE_KINDS)('GET /departments/:id/queue (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  let low: string;
  let urgent: string;
  let escalated: string;
  let mine: string;
  let position: string;

  beforeAll(async () => {
    low = await routed(api(), 'low', 'Low pothole');
    api().clock.advance(10);
    urgent = await routed(api(), 'urgent', 'Urgent pothole');
    api().clock.advance(10);
    escalated = await routed(api(), 'normal', 'Complex pothole');
    await api().command(`/tickets/${escalated}/escalate`, as.dpwStaff, { reason: 'complex', note: 'needs a trench permit' });
    mine = await routed(api(), 'normal', 'Pothole Sam works on');
    position = (await api().command(`/tickets/${mine}/start`, as.dpwStaff)).body.position;
  });

  const queue = (query = '', token = as.dpwStaff) => api().request('GET', `/departments/DPW/queue?position=${position}${query}`, { token });
  const ids = (answer: { body: { entries: { ticketId: string }[] } }) => answer.body.entries.map((entry) => entry.ticketId);

  it('lists open tickets in queue order: escalation tier, then priority, then due time', async () => {
    const answer = await queue();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ department: 'DPW', asOf: api().clock.now().toISOString() });
    expect(ids(answer)).toEqual([escalated, urgent, mine, low]);
    expect(answer.body.entries[0]).toMatchObject({
      ticketId: escalated,
      status: 'escalated',
      escalationTier: 1,
      priority: 'normal',
      assignee: null,
      overdue: false,
    });
    expect(answer.body.entries[2]).toMatchObject({ ticketId: mine, status: 'in_progress', assignee: 'sam.dpw', revision: 2 });
    expect(answer.body.entries[3]).toMatchObject({ ticketId: low, priority: 'low', ageSeconds: 20 * 60, dueAt: expect.any(String), serviceCode: 'POTHOLE' });
    expect(answer.body.entries[3]).not.toHaveProperty('contact');
  });

  it("shows only the caller's tickets with mine=true, and honours limit", async () => {
    expect(ids(await queue('&mine=true'))).toEqual([mine]);
    expect(ids(await queue('&mine=true', as.dpwHead))).toEqual([]);
    expect(ids(await queue('&limit=2'))).toEqual([escalated, urgent]);
  });

  it('judges overdue and age at query time with the app clock', async () => {
    api().clock.advance(7 * 24 * 60);
    try {
      const answer = await queue();
      expect(answer.body.entries.every((entry: { overdue: boolean }) => entry.overdue)).toBe(true);
      expect(answer.body.entries[3].ageSeconds).toBe((7 * 24 * 60 + 20) * 60);
    } finally {
      api().clock.advance(-7 * 24 * 60);
    }
  });

  it('carries the work commands the caller may send for each entry, as the lifecycle judges them', async () => {
    const actionsOf = async (token: string, at = position) =>
      Object.fromEntries(
        (await api().request('GET', `/departments/DPW/queue?position=${at}`, { token })).body.entries.map((entry: { ticketId: string; actions: string[] }) => [
          entry.ticketId,
          entry.actions,
        ]),
      );
    const staff = await actionsOf(as.dpwStaff);
    expect(staff[escalated]).toEqual(['StartWork', 'PutTicketOnHold', 'CompleteTicket']);
    expect(staff[urgent]).toEqual(['StartWork', 'PutTicketOnHold', 'CompleteTicket']);
    expect(staff[mine]).toEqual(['PutTicketOnHold', 'CompleteTicket']);
    expect(await actionsOf(as.director)).toEqual(staff);
    // 311 reads every queue but works none of them.
    expect(Object.values(await actionsOf(as.operator)).every((actions) => (actions as string[]).length === 0)).toBe(true);
    // Each listed command is accepted: StartWork on the urgent ticket, by the staff it was offered to.
    const started = await api().command(`/tickets/${urgent}/start`, as.dpwStaff);
    expect(started.status).toBe(200);
    const after = await actionsOf(as.dpwStaff, started.body.position);
    expect(after[urgent]).toEqual(['PutTicketOnHold', 'CompleteTicket']);
  });

  it('is for the department, 311 operators and the director', async () => {
    expect((await queue('', as.dpwHead)).status).toBe(200);
    expect((await queue('', as.operator)).status).toBe(200);
    expect((await queue('', as.director)).status).toBe(200);
    const other = await queue('', as.engineeringStaff);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({
      error: 'Forbidden',
      rule: 'aQueueIsReadByItsDepartment311AndTheDirector',
      whoMay: expect.arrayContaining([{ role: 'staff', department: 'DPW' }]),
    });
    expect((await queue('', as.resident)).status).toBe(403);
    expect((await api().request('GET', '/departments/DPW/queue')).status).toBe(401);
  });

  it('answers 404 for an unknown department and 400 naming a bad parameter', async () => {
    const unknown = await api().request('GET', '/departments/NOPE/queue', { token: as.director });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'NotFound', what: 'department', id: 'NOPE' });
    for (const [query, field] of [
      ['mine=yes', 'mine'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['colour=red', 'colour'],
      ['position=%20', 'position'],
    ]) {
      const answer = await api().request('GET', `/departments/DPW/queue?${query}`, { token: as.dpwStaff });
      expect(answer.status).toBe(400);
      expect(answer.body.problems.map((p: { field: string }) => p.field)).toEqual([field]);
    }
  });
});
