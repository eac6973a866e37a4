import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { as, pothole, useTestApi } from './api-harness';

describe('a ticket raised at a 311 contact', () => {
  const api = useTestApi();

  it('names the contact in its history, and the contact links the ticket', async () => {
    await api().command('/contacts/CALL-1/start', as.operator, { channel: 'phone', line: '311' });
    const opened = await api().command('/tickets', as.operator, { ...pothole, raisedByContact: 'CALL-1' });
    await api().command('/contacts/CALL-1/ticket', as.operator, { ticketId: opened.body.ticketId, relation: 'opened' });
    const history = await api().request('GET', `/tickets/${opened.body.ticketId}/history`, { token: as.operator });
    expect(history.body.events[0]).toMatchObject({ type: 'TicketOpened', data: expect.objectContaining({ raisedByContact: 'CALL-1' }) });
  });

  it('refuses a contact that does not exist, and an id that cannot be one, naming the field; nothing is written', async () => {
    const store = api().app.get<EventStore>(EVENT_STORE);
    const head = async () => {
      for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
      return undefined;
    };
    const before = await head();
    const unknown = await api().request('POST', '/tickets', { token: as.operator, body: { ...pothole, raisedByContact: 'NO-SUCH-CALL' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'NotFound', what: 'contact', id: 'NO-SUCH-CALL' });
    const malformed = await api().request('POST', '/tickets', { token: as.operator, body: { ...pothole, raisedByContact: 'not an id!' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems.map((p: { field: string }) => p.field)).toEqual(['raisedByContact']);
    expect(await head()).toBe(before);
  });
});
