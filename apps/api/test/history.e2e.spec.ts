import { as, pothole, useTestApi } from './api-harness';

describe('GET /tickets/:id/history?asOf', () => {
  const api = useTestApi();

  it('returns the events up to that moment and the ticket as it was then', async () => {
    const { body } = await api().command('/tickets', as.operator, pothole); // 14:00
    api().clock.advance(60);
    await api().command(`/tickets/${body.ticketId}/assign`, as.operator, { department: 'DPW' }); // 15:00
    api().clock.advance(60);
    await api().command(`/tickets/${body.ticketId}/start`, as.dpwStaff, {}); // 16:00

    const url = (asOf: string) => `/tickets/${body.ticketId}/history?asOf=${encodeURIComponent(asOf)}`;
    const then = await api().request('GET', url('2026-11-02T15:30:00Z'), { token: as.director });
    expect(then.status).toBe(200);
    expect(then.body.asOf).toBe('2026-11-02T15:30:00.000Z');
    expect(then.body.events.map((e: { type: string }) => e.type)).toEqual(['TicketOpened', 'TicketAssigned']);
    expect(then.body.ticket).toMatchObject({ status: 'assigned', department: 'DPW', revision: 1 });

    const beforeItExisted = await api().request('GET', url('2026-11-02T13:00:00Z'), { token: as.director });
    expect(beforeItExisted.status).toBe(404);

    const now = await api().request('GET', `/tickets/${body.ticketId}/history`, { token: as.director });
    expect(now.body.ticket.status).toBe('in_progress');
    expect(now.body.events.map((e: { stateAfter: string }) => e.stateAfter)).toEqual(['intake', 'assigned', 'in_progress']);
  });

  it('rejects an asOf that is not an ISO-8601 time, and unknown query fields', async () => {
    const { body } = await api().command('/tickets', as.operator, pothole);
    expect((await api().request('GET', `/tickets/${body.ticketId}/history?asOf=yesterday`, { token: as.director })).status).toBe(400);
    expect((await api().request('GET', `/tickets/${body.ticketId}/history?page=2`, { token: as.director })).status).toBe(400);
  });
});
