import { as, assignedToPublicWorks, pothole, useTestApi } from './api-harness';

describe('department boundaries and resident contact data', () => {
  const api = useTestApi();

  it('staff of another department cannot work, comment on or close a Public Works ticket', async () => {
    const id = await assignedToPublicWorks(api());
    for (const [path, body] of [
      ['start', {}],
      ['comments', { body: 'mine now', visibility: 'internal' }],
      ['complete', { resolutionCode: 'done', note: 'done' }],
      ['hold', { reason: 'x' }],
    ] as const) {
      const answer = await api().request('POST', `/tickets/${id}/${path}`, { token: as.engineeringStaff, body });
      expect(answer.status).toBe(403);
      expect(answer.body.whoMay).toEqual(expect.arrayContaining([{ role: 'staff', department: 'DPW' }]));
    }
    const history = await api().request('GET', `/tickets/${id}/history`, { token: as.director });
    expect(history.body.events).toHaveLength(2);
  });

  it("shows contact data to 311, the director and the ticket's department only", async () => {
    const id = await assignedToPublicWorks(api());
    const contactSeenBy = async (token: string) => {
      const ticket = await api().request('GET', `/tickets/${id}`, { token });
      const history = await api().request('GET', `/tickets/${id}/history`, { token });
      const inHistory = history.body.events[0].data.contact;
      expect(ticket.body.contact).toEqual(inHistory);
      return inHistory;
    };
    for (const token of [as.operator, as.director, as.dpwStaff, as.dpwHead]) expect(await contactSeenBy(token)).toEqual(pothole.contact);
    expect(await contactSeenBy(as.engineeringStaff)).toBeUndefined();
  });

  it('a resident token reads none of the staff API: not the ticket, its history (internal comments), the list, queues, metrics or escalations', async () => {
    const id = await assignedToPublicWorks(api());
    await api().command(`/tickets/${id}/comments`, as.operator, { body: 'Caller sounded upset; internal only', visibility: 'internal' });
    for (const url of [
      `/tickets/${id}`,
      `/tickets/${id}/history`,
      `/tickets/${id}/history?asOf=2026-11-02T14:00:00Z`,
      '/tickets',
      '/departments/DPW/queue',
      '/departments/DPW/queue/events',
      '/metrics/completion?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&groupBy=department&period=day',
      '/escalations',
    ]) {
      const answer = await api().request('GET', url, { token: as.resident });
      expect({ url, status: answer.status }).toEqual({ url, status: 403 });
      expect(answer.body).toMatchObject({ error: 'Forbidden', rule: 'residentsUseOpen311' });
      expect(answer.body.whoMay).toEqual(expect.arrayContaining([{ role: 'operator' }, { role: 'staff' }, { role: 'director' }]));
      expect(JSON.stringify(answer.body)).not.toContain('internal only');
    }
    const claim = await api().request('POST', '/departments/DPW/queue/claim', { token: as.resident });
    expect(claim.body).toMatchObject({ error: 'Forbidden', rule: 'residentsUseOpen311' });
    // What a resident may use: who they are, the public catalog, and commands (judged by the lifecycle's rules).
    expect((await api().request('GET', '/me', { token: as.resident })).status).toBe(200);
    expect((await api().request('GET', '/departments', { token: as.resident })).status).toBe(200);
  });

  it('a resident may open a request but not route it', async () => {
    const opened = await api().command('/tickets', as.resident, { ...pothole, channel: 'open311' });
    const answer = await api().request('POST', `/tickets/${opened.body.ticketId}/assign`, { token: as.resident, body: { department: 'DPW' } });
    expect(answer.status).toBe(403);
  });
});
