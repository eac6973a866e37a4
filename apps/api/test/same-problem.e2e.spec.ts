import { as, pothole, useTestApi } from './api-harness';

describe('same problem: another report linked to an open ticket (POST /tickets/:id/reports)', () => {
  const api = useTestApi();

  it("is recorded in the parent's history with the reporter, counted among its reports, and the contact names the parent", async () => {
    const opened = await api().command('/tickets', as.operator, pothole);
    const parent = opened.body.ticketId as string;
    await api().command('/contacts/CALL-2/start', as.operator, { channel: 'phone', line: '311' });
    api().clock.advance(3);
    const reported = await api().command(`/tickets/${parent}/reports`, as.operator, {
      channel: 'phone',
      contact: { name: 'Bo Neighbour', phone: '978-555-0199' },
      raisedByContact: 'CALL-2',
      note: 'also saw it this morning',
    });
    expect(reported.status).toBe(200);
    await api().command('/contacts/CALL-2/ticket', as.operator, { ticketId: parent, relation: 'same_problem' });

    const history = await api().request('GET', `/tickets/${parent}/history`, { token: as.operator });
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['TicketOpened', 'AnotherReportRecorded']);
    expect(history.body.events[1]).toMatchObject({
      type: 'AnotherReportRecorded',
      data: { channel: 'phone', contact: { name: 'Bo Neighbour', phone: '978-555-0199' }, raisedByContact: 'CALL-2', note: 'also saw it this morning' },
      occurredAt: api().clock.now().toISOString(),
    });
    // The reporter's contact data is hidden exactly as a ticket's is.
    const elsewhere = await api().request('GET', `/tickets/${parent}/history`, { token: as.engineeringStaff });
    expect(elsewhere.body.events[1].data).not.toHaveProperty('contact');

    const contact = await api().request('GET', '/contacts/CALL-2', { token: as.operator });
    expect(contact.body.contact.steps).toEqual([expect.objectContaining({ kind: 'ticket', ticketId: parent, relation: 'same_problem' })]);

    const duplicates = await api().request('GET', `/tickets/possible-duplicates?service=POTHOLE&address=12%20Elm%20St&position=${reported.body.position}`, {
      token: as.operator,
    });
    expect(duplicates.body.nearby).toEqual([expect.objectContaining({ ticketId: parent, reportCount: 2 })]);
    // Lists and queues say how many reports a ticket holds.
    const listed = await api().request('GET', `/tickets?position=${reported.body.position}`, { token: as.operator });
    expect(listed.body.tickets).toEqual([expect.objectContaining({ ticketId: parent, reportCount: 2 })]);
  });

  it('is refused on a closed ticket, for an unknown contact and for a bad field, naming it; nothing is written', async () => {
    const opened = await api().command('/tickets', as.operator, pothole);
    const id = opened.body.ticketId as string;
    const unknown = await api().request('POST', `/tickets/${id}/reports`, { token: as.operator, body: { channel: 'phone', raisedByContact: 'NO-CALL' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ what: 'contact', id: 'NO-CALL' });
    const bad = await api().request('POST', `/tickets/${id}/reports`, { token: as.operator, body: { channel: 'fax', contact: { email: 'nobody' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toContain('channel');
    await api().command(`/tickets/${id}/close`, as.operator, { reason: 'withdrawn' });
    const closed = await api().request('POST', `/tickets/${id}/reports`, { token: as.operator, body: { channel: 'phone' } });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('IllegalTransition');
    const history = await api().request('GET', `/tickets/${id}/history`, { token: as.operator });
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['TicketOpened', 'TicketClosed']);
  });
});
