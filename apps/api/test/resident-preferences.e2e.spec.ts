import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { as, pothole, useTestApi } from './api-harness';

describe('a resident’s language and updates over HTTP', () => {
  const api = useTestApi();

  it('are taken with the contact data on POST /tickets and shown with it to those who may see it', async () => {
    const contact = { name: 'Ana Ruiz', email: 'ana@example.org', language: 'es', updates: 'email' };
    const opened = await api().command('/tickets', as.operator, { ...pothole, contact });
    expect(opened.status).toBe(201);
    const seen = await api().request('GET', `/tickets/${opened.body.ticketId}`, { token: as.operator });
    expect(seen.body.contact).toEqual(contact);
    const resident = await api().request('GET', `/tickets/${opened.body.ticketId}`, { token: as.engineeringStaff });
    expect(resident.body.contact).toBeUndefined();
  });

  it('name the field of a bad language, an unknown way, and a way without what it needs, and write nothing', async () => {
    const head = async () => {
      for await (const event of api().app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
      return undefined;
    };
    const before = await head();
    const bad = await api().request('POST', '/tickets', {
      token: as.operator,
      body: { ...pothole, contact: { phone: '978-555-0101', language: 'Spanish', updates: 'fax' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['contact.language', 'contact.updates']));
    const unreachable = await api().request('POST', '/tickets', {
      token: as.operator,
      body: { ...pothole, contact: { phone: '978-555-0101', updates: 'email' } },
    });
    expect(unreachable.status).toBe(400);
    expect(unreachable.body).toMatchObject({ error: 'InvalidCommand', problems: [{ field: 'contact.updates' }] });
    expect(await head()).toBe(before);
  });
});
