import { residentPhoneKey } from '@switchboard/read-models';
import { as, pothole, useTestApi } from './api-harness';

describe('resident look-up by phone or e-mail (POST /residents/lookups), and its record (GET /residents/lookups)', () => {
  const api = useTestApi();
  let ticketId: string;
  let position: string;

  beforeAll(async () => {
    await api().command('/contacts/CALL-5/start', as.operator, { channel: 'phone', line: '311', resident: { name: 'Ann Resident', phone: '(978) 555-0101' } });
    const opened = await api().command('/tickets', as.operator, { ...pothole, raisedByContact: 'CALL-5' });
    ticketId = opened.body.ticketId;
    position = (await api().command('/contacts/CALL-5/ticket', as.operator, { ticketId, relation: 'opened' })).body.position;
    await api().command('/tickets', as.operator, { ...pothole, contact: { phone: '617-555-0000' } });
  });

  it("answers the resident's previous contacts and tickets, and records who looked up whom, when", async () => {
    api().clock.advance(10);
    const answer = await api().request('POST', '/residents/lookups', { token: as.operator, body: { phone: '978.555.0101', contactId: 'CALL-9', position } });
    expect(answer.status).toBe(200);
    expect(answer.body.contacts).toEqual([expect.objectContaining({ contactId: 'CALL-5', tickets: [{ ticketId, relation: 'opened' }] })]);
    expect(answer.body.tickets).toEqual([expect.objectContaining({ ticketId, serviceCode: 'POTHOLE', status: 'intake' })]);
    const at = api().clock.now().toISOString();
    const phoneKey = residentPhoneKey('978-555-0101');
    const recorded = {
      at,
      by: { id: 'ada.operator', role: 'operator' },
      purpose: 'lookup',
      phoneKey,
      contactId: 'CALL-9',
      contactsFound: ['CALL-5'],
      ticketsFound: [ticketId],
    };
    expect(answer.body.lookup).toEqual(recorded);

    const record = await api().request('GET', `/residents/lookups?from=${at.slice(0, 10)}`, { token: as.director });
    expect(record.status).toBe(200);
    expect(record.body.lookups).toEqual([recorded]);
    // The record holds no contact data: whom is a digest and the records found.
    expect(JSON.stringify(record.body)).not.toMatch(/555|0101|Ann Resident/);
    // The director asks who looked up this resident: by their phone, however it is written.
    const ofResident = await api().request('GET', `/residents/lookups?from=${at.slice(0, 10)}&phone=${encodeURIComponent('(978) 555-0101')}`, {
      token: as.director,
    });
    expect(ofResident.body.lookups).toEqual([recorded]);
    const ofOther = await api().request('GET', `/residents/lookups?from=${at.slice(0, 10)}&phone=617-555-0000`, { token: as.director });
    expect(ofOther.body.lookups).toEqual([]);
  });

  it('refuses the look-up to a role that may not see contact data, and records nothing; the record is the director’s', async () => {
    const before = (await api().request('GET', '/residents/lookups', { token: as.director })).body.lookups.length;
    const refused = await api().request('POST', '/residents/lookups', { token: as.dpwStaff, body: { phone: '978-555-0101' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'Forbidden', rule: 'aResidentIsLookedUpBy311AndTheDirector' });
    expect((await api().request('GET', '/residents/lookups', { token: as.director })).body.lookups).toHaveLength(before);
    const audit = await api().request('GET', '/residents/lookups', { token: as.operator });
    expect(audit.status).toBe(403);
    expect(audit.body.rule).toBe('residentLookUpsAreAuditedByTheDirector');
  });

  it('names the field at fault: nothing to look up by, a bad date, a range over 31 days', async () => {
    const none = await api().request('POST', '/residents/lookups', { token: as.operator, body: {} });
    expect([none.status, none.body.problems[0].field]).toEqual([400, 'phone']);
    const day = await api().request('GET', '/residents/lookups?from=2026-13-01', { token: as.director });
    expect([day.status, day.body.problems[0].field]).toEqual([400, 'from']);
    const long = await api().request('GET', '/residents/lookups?from=2026-10-01&to=2026-11-15', { token: as.director });
    expect([long.status, long.body.problems[0].field]).toEqual([400, 'to']);
  });
});
