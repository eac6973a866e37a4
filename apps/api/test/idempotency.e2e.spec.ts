import { as, assignedToPublicWorks, pothole, type TestApi, useTestApi } from './api-harness';

// An Idempotency-Key binds the whole request: caller, command, ticket and body. The same request
// again answers the first result; anything else under the key is refused and writes nothing.
describe('Idempotency-Key binds the whole request', () => {
  const api = useTestApi();

  const history = async (id: string) =>
    (await api().request('GET', `/tickets/${id}/history`, { token: as.director })).body.events as Array<{ type: string; data: Record<string, unknown> }>;
  const withKey = (key: string) => ({ 'idempotency-key': key });

  async function commentedWithKey(key: string): Promise<string> {
    const id = await assignedToPublicWorks(api());
    await api().command(`/tickets/${id}/comments`, as.dpwHead, { body: 'Crew scheduled', visibility: 'internal' }, withKey(key));
    return id;
  }

  it('the same key for another command on the same ticket: 422 saying the command differs, and the priority is not changed', async () => {
    const id = await commentedWithKey('k-command');
    const before = await history(id);
    const answer = await api().request('POST', `/tickets/${id}/priority`, { token: as.dpwHead, body: { priority: 'urgent' }, headers: withKey('k-command') });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'IdempotencyKeyReused', idempotencyKey: 'k-command', differs: ['command'] });
    expect(answer.body.message).toContain('CommentOnTicket');
    expect(await history(id)).toEqual(before);
  });

  it('the same key and command with another body: 422 saying the body differs', async () => {
    const id = await commentedWithKey('k-body');
    const answer = await api().request('POST', `/tickets/${id}/comments`, {
      token: as.dpwHead,
      body: { body: 'Crew cancelled', visibility: 'internal' },
      headers: withKey('k-body'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'IdempotencyKeyReused', differs: ['body'] });
    expect((await history(id)).filter((e) => e.type === 'TicketCommented')).toHaveLength(1);
  });

  it('another caller sending someone’s key: 422 saying the caller differs, without naming the first request', async () => {
    const id = await commentedWithKey('k-caller');
    const answer = await api().request('POST', `/tickets/${id}/comments`, {
      token: as.dpwStaff,
      body: { body: 'Crew scheduled', visibility: 'internal' },
      headers: withKey('k-caller'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.differs).toContain('caller');
    expect(answer.body.message).not.toContain(id);
    expect(answer.body.message).not.toContain('CommentOnTicket');
  });

  it('the very same request again answers the first result, even after the ticket moved on', async () => {
    const id = await commentedWithKey('k-same');
    await api().command(`/tickets/${id}/priority`, as.dpwHead, { priority: 'high' });
    const again = await api().request('POST', `/tickets/${id}/comments`, {
      token: as.dpwHead,
      body: { body: 'Crew scheduled', visibility: 'internal' },
      headers: withKey('k-same'),
    });
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual(['TicketCommented']);
    expect(again.body.revision).toBe(2);
  });

  describe('opening tickets', () => {
    const openCount = async (t: TestApi, key: string) => {
      const answer = await t.request('POST', '/tickets', { token: as.operator, body: pothole, headers: withKey(key) });
      return answer;
    };

    it('another body under the same key: 422, and no second ticket', async () => {
      const first = await openCount(api(), 'k-open-body');
      expect(first.status).toBe(201);
      api().clock.advance(1);
      const other = await api().request('POST', '/tickets', {
        token: as.operator,
        body: { ...pothole, description: 'A different pothole' },
        headers: withKey('k-open-body'),
      });
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ error: 'IdempotencyKeyReused', differs: ['body'] });
      const events = await history(first.body.ticketId);
      expect(events).toHaveLength(1);
      expect(events[0].data.description).toBe(pothole.description);
    });

    it('another caller under the same key: 422', async () => {
      const first = await openCount(api(), 'k-open-caller');
      expect(first.status).toBe(201);
      const other = await api().request('POST', '/tickets', { token: as.dpwHead, body: pothole, headers: withKey('k-open-caller') });
      expect(other.status).toBe(422);
      expect(other.body.differs).toContain('caller');
    });

    it('a key first used for a command on a ticket cannot open a new one', async () => {
      await commentedWithKey('k-then-open');
      const other = await api().request('POST', '/tickets', { token: as.dpwHead, body: pothole, headers: withKey('k-then-open') });
      expect(other.status).toBe(422);
      expect(other.body.error).toBe('IdempotencyKeyReused');
    });
  });

  it('a key reused on another ticket: 422, nothing written there', async () => {
    await commentedWithKey('k-ticket');
    const other = await assignedToPublicWorks(api());
    const before = await history(other);
    const answer = await api().request('POST', `/tickets/${other}/comments`, {
      token: as.dpwHead,
      body: { body: 'Crew scheduled', visibility: 'internal' },
      headers: withKey('k-ticket'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('IdempotencyKeyReused');
    expect(await history(other)).toEqual(before);
  });
});
