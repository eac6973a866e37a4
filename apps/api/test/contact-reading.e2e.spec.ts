import { as, useTestApi } from './api-harness';

describe('GET /contacts/:id', () => {
  const api = useTestApi();

  beforeAll(async () => {
    await api().command('/contacts/READ-1/start', as.operator, { channel: 'phone', line: '311', resident: { name: 'Rosa Diaz', phone: '978-555-0199' } });
    await api().command('/contacts/READ-1/transfer', as.operator, { department: 'DPW', reached: false });
  });

  it('answers the contact from its own stream, with its steps and its revision, to 311, the director and the departments it involves', async () => {
    const seen = await api().request('GET', '/contacts/READ-1', { token: as.operator });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      revision: 1,
      contact: {
        contactId: 'READ-1',
        status: 'open',
        line: '311',
        resident: { name: 'Rosa Diaz' },
        steps: [{ kind: 'transfer', department: 'DPW', reached: false }],
      },
    });
    expect((await api().request('GET', '/contacts/READ-1', { token: as.director })).status).toBe(200);
    expect((await api().request('GET', '/contacts/READ-1', { token: as.dpwStaff })).status).toBe(200);
  });

  it('refuses a department it does not involve, naming the rule, and residents; an unknown contact is a 404', async () => {
    const other = await api().request('GET', '/contacts/READ-1', { token: as.engineeringStaff });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({
      rule: 'aContactIsFor311TheDirectorAndTheDepartmentsItInvolves',
      whoMay: expect.arrayContaining([{ role: 'staff', department: 'DPW' }]),
    });
    expect((await api().request('GET', '/contacts/READ-1', { token: as.resident })).status).toBe(403);
    expect((await api().request('GET', '/contacts/NO-SUCH', { token: as.operator })).body).toMatchObject({ error: 'NotFound', what: 'contact', id: 'NO-SUCH' });
  });
});
