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

  it('shows contact data to 311, the director and the ticket\'s department only', async () => {
    const id = await assignedToPublicWorks(api());
    const contactSeenBy = async (token: string) => {
      const ticket = await api().request('GET', `/tickets/${id}`, { token });
      const history = await api().request('GET', `/tickets/${id}/history`, { token });
      const inHistory = history.body.events[0].data.contact;
      expect(ticket.body.contact).toEqual(inHistory);
      return inHistory;
    };
    for (const token of [as.operator, as.director, as.dpwStaff, as.dpwHead]) expect(await contactSeenBy(token)).toEqual(pothole.contact);
    for (const token of [as.engineeringStaff, as.resident]) expect(await contactSeenBy(token)).toBeUndefined();
  });

  it('a resident may open a request but not route it', async () => {
    const opened = await api().command('/tickets', as.resident, { ...pothole, channel: 'open311' });
    const answer = await api().request('POST', `/tickets/${opened.body.ticketId}/assign`, { token: as.resident, body: { department: 'DPW' } });
    expect(answer.status).toBe(403);
  });
});
