import { as, assignedToPublicWorks, pothole, useTestApi } from './api-harness';

describe('errors: one problem format, the right status, never a stack trace', () => {
  const api = useTestApi({ bodyLimitBytes: 2048 });

  const noStack = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);

  it('401 without a token or with an unknown one', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const answer = await api().request('POST', '/tickets', { token, body: pothole });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', correlationId: expect.any(String) });
    }
  });

  it('400 listing every invalid, unknown and extra field', async () => {
    const answer = await api().request('POST', '/tickets', {
      token: as.operator,
      body: { serviceCode: 'POTHOLE', channel: 'fax', location: { latitude: 300 }, mood: 'angry' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('InvalidRequest');
    const fields = answer.body.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['mood', 'description', 'channel', 'location.latitude']));
  });

  it('400 for fields the domain judges (InvalidCommand), with the field named', async () => {
    const answer = await api().request('POST', '/tickets', {
      token: as.operator,
      body: { ...pothole, location: { latitude: 42.7 } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'InvalidCommand', problems: [{ field: 'location' }] });
  });

  it('400 for malformed JSON', async () => {
    const answer = await api().request('POST', '/tickets', { token: as.operator, raw: '{"serviceCode":' });
    expect(answer.status).toBe(400);
    expect(answer.body.correlationId).toEqual(expect.any(String));
    noStack(answer.body);
  });

  it('413 for an oversized body', async () => {
    const answer = await api().request('POST', '/tickets', { token: as.operator, body: { ...pothole, description: 'x'.repeat(5000) } });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('PayloadTooLarge');
  });

  it('404 for an unknown ticket, service code or department', async () => {
    const unknownTicket = await api().request('POST', '/tickets/ZZZ-ZZZZ/start', { token: as.dpwStaff, body: {} });
    expect(unknownTicket.status).toBe(404);
    expect(unknownTicket.body).toMatchObject({ error: 'NotFound', what: 'ticket', id: 'ZZZ-ZZZZ' });
    expect((await api().request('GET', '/tickets/ZZZ-ZZZZ', { token: as.director })).status).toBe(404);
    expect((await api().request('GET', '/tickets/ZZZ-ZZZZ/history', { token: as.director })).status).toBe(404);

    const unknownService = await api().request('POST', '/tickets', { token: as.operator, body: { ...pothole, serviceCode: 'UFO-SIGHTING' } });
    expect(unknownService.status).toBe(404);
    expect(unknownService.body).toMatchObject({ what: 'service', id: 'UFO-SIGHTING' });

    const { body } = await api().command('/tickets', as.operator, pothole);
    const unknownDepartment = await api().request('POST', `/tickets/${body.ticketId}/assign`, { token: as.operator, body: { department: 'NASA' } });
    expect(unknownDepartment.status).toBe(404);
    expect(unknownDepartment.body).toMatchObject({ what: 'department', id: 'NASA' });
  });

  it('409 for an illegal transition, with the state and the commands allowed in it', async () => {
    const { body } = await api().command('/tickets', as.operator, pothole);
    const answer = await api().request('POST', `/tickets/${body.ticketId}/resume`, { token: as.director });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: 'IllegalTransition', state: 'intake', command: 'ResumeTicket' });
    expect(answer.body.allowed).toEqual(expect.arrayContaining(['AssignTicket', 'CompleteTicket']));
  });

  it('403, not 409, for a command the caller may never issue, whatever the state', async () => {
    const id = await assignedToPublicWorks(api());
    const resume = await api().request('POST', `/tickets/${id}/resume`, { token: as.resident });
    expect(resume.status).toBe(403);
    expect(resume.body).toMatchObject({ error: 'Forbidden', rule: 'onlyTheTicketsDepartmentWorksIt' });
    expect(resume.body).not.toHaveProperty('allowed');
    const reopen = await api().request('POST', `/tickets/${id}/reopen`, { token: as.resident, body: { reason: 'still broken' } });
    expect(reopen.status).toBe(403);
    expect(reopen.body).toMatchObject({ error: 'Forbidden', rule: 'reopeningIsForOperatorsTheCompletingDepartmentsHeadAndTheDirector' });
  });

  it('403 naming who may', async () => {
    const id = await assignedToPublicWorks(api());
    const answer = await api().request('POST', `/tickets/${id}/close`, { token: as.dpwStaff, body: { reason: 'invalid' } });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'Forbidden', rule: 'closingIsForOperatorsDepartmentHeadsAndTheDirector' });
    expect(answer.body.whoMay).toEqual(expect.arrayContaining([{ role: 'operator' }, { role: 'director' }]));
  });

  it('412 for a stale If-Match, with the current revision', async () => {
    const id = await assignedToPublicWorks(api());
    const answer = await api().request('POST', `/tickets/${id}/start`, { token: as.dpwStaff, headers: { 'if-match': 'W/"0"' } });
    expect(answer.status).toBe(412);
    expect(answer.body).toMatchObject({ error: 'RevisionMismatch', currentRevision: 1 });
    const matching = await api().request('POST', `/tickets/${id}/start`, { token: as.dpwStaff, headers: { 'if-match': 'W/"1"' } });
    expect(matching.status).toBe(200);
  });

  it('400 for a malformed If-Match or Idempotency-Key header', async () => {
    const id = await assignedToPublicWorks(api());
    const badIfMatch = await api().request('POST', `/tickets/${id}/start`, { token: as.dpwStaff, headers: { 'if-match': 'seven' } });
    expect(badIfMatch.status).toBe(400);
    const badKey = await api().request('POST', `/tickets/${id}/start`, { token: as.dpwStaff, headers: { 'idempotency-key': 'a b' } });
    expect(badKey.status).toBe(400);
  });

  it("echoes the caller's correlation id", async () => {
    const answer = await api().request('GET', '/health', { headers: { 'x-correlation-id': 'call-42' } });
    expect(answer.headers['x-correlation-id']).toBe('call-42');
  });
});
