import { as, pothole, useTestApi } from './api-harness';

const trashDay = {
  ownerDepartment: 'DPW',
  content: {
    translations: {
      en: { title: 'What day is my trash picked up?', answer: 'Trash is collected once a week; look up your day at https://example.gov/trash.' },
    },
    keywords: ['trash', 'garbage'],
    synonyms: ['trash day', 'garbage day'],
    serviceCodes: [],
    reviewEveryDays: 180,
  },
};

/** The demo city's Monday 2 November 2026 (America/New_York), the test clock's day. */
const monday = 'from=2026-11-02T05:00:00Z&to=2026-11-03T05:00:00Z';

describe('contacts over HTTP', () => {
  const api = useTestApi();
  const post = (url: string, body: unknown, token = as.operator, headers?: Record<string, string>) => api().request('POST', url, { token, body, headers });

  // Keyed: publishing again answers the first answer.
  async function publishTrashDay(): Promise<void> {
    await api().command('/knowledge/articles/trash-day/draft', as.dpwHead, trashDay, { 'Idempotency-Key': 'draft-trash-day' });
    await api().command('/knowledge/articles/trash-day/publish', as.dpwHead, {}, { 'Idempotency-Key': 'publish-trash-day' });
  }

  /**
   * Three contacts on Monday, by the operator:
   * A (DPW line, phone, 14:00–14:04): answered from an article, two searches that found nothing, one that found it;
   * B (TREASURER line, phone, 14:10–14:20): a ticket opened, a transfer to DPW nobody answered, a DPW callback
   *   promised at 14:14 and made by DPW staff at 16:14 (reached);
   * C (DPW line, walk-in, 16:30–16:31): the resident left.
   */
  let recorded: Promise<string> | undefined;
  const mondayContacts = () => (recorded ??= recordMonday());
  async function recordMonday(): Promise<string> {
    await publishTrashDay();
    await api().command('/contacts/A/start', as.operator, { channel: 'phone', line: 'DPW' });
    const found = await api().request('GET', '/knowledge/search?q=garbage%20day&contactId=A', { token: as.operator });
    expect(found.body.hits[0]).toMatchObject({ ref: 'trash-day' });
    for (const q of ['¿Zzyzx qwrtp?', 'zzyzx  QWRTP']) {
      const nothing = await api().request('GET', `/knowledge/search?q=${encodeURIComponent(q)}&contactId=A`, { token: as.operator });
      expect(nothing.status).toBe(200);
      expect(nothing.body).toMatchObject({ hits: [], recorded: { contactId: 'A' } });
    }
    await api().command('/contacts/A/article', as.operator, { articleId: 'trash-day' });
    api().clock.advance(4);
    await api().command('/contacts/A/end', as.operator, { outcome: 'handled' });

    api().clock.advance(6);
    await api().command('/contacts/B/start', as.operator, { channel: 'phone', line: 'TREASURER', resident: { name: 'Rosa Diaz' } });
    await api().command('/contacts/B/identify', as.operator, { resident: { name: 'Rosa Diaz', phone: '978-555-0199' } });
    const ticket = await api().command('/tickets', as.operator, pothole);
    await api().command('/contacts/B/ticket', as.operator, { ticketId: ticket.body.ticketId, relation: 'opened' });
    await api().command('/contacts/B/transfer', as.operator, { department: 'DPW', reached: false });
    api().clock.advance(4);
    const promised = await api().command(
      '/contacts/B/callback',
      as.operator,
      { department: 'DPW', dueBy: '2026-11-03T21:00:00Z' },
      { 'Idempotency-Key': 'cb-1' },
    );
    expect(promised.body).toMatchObject({ status: 'open', events: ['CallbackPromised'] });
    api().clock.advance(6);
    await api().command('/contacts/B/end', as.operator, { outcome: 'handled' });
    api().clock.advance(114);
    await api().command('/contacts/B/complete-callback', as.dpwStaff, { callbackId: 'cb-1', reached: true });

    api().clock.advance(16);
    await api().command('/contacts/C/start', as.operator, { channel: 'walk_in', line: 'DPW' });
    api().clock.advance(1);
    return (await api().command('/contacts/C/end', as.operator, { outcome: 'abandoned' })).body.position;
  }

  it('the director’s contact figures on a hand-worked Monday: counts, first-contact answers, handle time, transfers, callbacks, top articles', async () => {
    const position = await mondayContacts();
    const report = await api().request('GET', `/metrics/contacts?${monday}&groupBy=line&period=range&position=${position}`, { token: as.director });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ groupBy: 'line', period: 'range', timeZone: 'America/New_York', department: null });
    expect(report.body.contacts).toEqual([
      { group: 'DPW', period: '2026-11-02', contacts: 2, handled: 1, abandoned: 1, open: 0 },
      { group: 'TREASURER', period: '2026-11-02', contacts: 1, handled: 1, abandoned: 0, open: 0 },
    ]);
    expect(report.body.firstContact).toEqual([
      { group: 'DPW', period: '2026-11-02', handled: 1, answeredAtFirstContact: 1, rate: 1 },
      { group: 'TREASURER', period: '2026-11-02', handled: 1, answeredAtFirstContact: 0, rate: 0 },
    ]);
    expect(report.body.handleTimes).toEqual([
      { group: 'DPW', period: '2026-11-02', samples: 1, medianMinutes: 4, p90Minutes: 4, meanMinutes: 4 },
      { group: 'TREASURER', period: '2026-11-02', samples: 1, medianMinutes: 10, p90Minutes: 10, meanMinutes: 10 },
    ]);
    expect(report.body.transfers).toEqual([
      { group: 'DPW', period: '2026-11-02', contacts: 3, transferred: 1, transfers: 1, reached: 0, transferRate: 1 / 3, reachedRate: 0 },
    ]);
    expect(report.body.callbacks).toEqual([
      {
        group: 'DPW',
        period: '2026-11-02',
        promised: 1,
        completed: 1,
        reached: 1,
        open: 0,
        late: 0,
        timeToComplete: { samples: 1, medianHours: 2, p90Hours: 2 },
      },
    ]);
    expect(report.body.topArticles).toEqual([{ articleId: 'trash-day', contacts: 1, uses: 1 }]);

    const byChannel = await api().request('GET', `/metrics/contacts?${monday}&groupBy=channel&period=day`, { token: as.director });
    expect(byChannel.body.contacts.map((row: { group: string; contacts: number }) => [row.group, row.contacts])).toEqual([
      ['phone', 2],
      ['walk_in', 1],
    ]);

    const busiest = await api().request('GET', `/metrics/contacts/busiest?${monday}`, { token: as.director });
    expect(busiest.body.lines.map((line: { line: string; contacts: number }) => [line.line, line.contacts])).toEqual([
      ['DPW', 2],
      ['TREASURER', 1],
    ]);
    expect(busiest.body.lines[0].busiestHours).toEqual([
      { weekday: 'monday', hour: 9, contacts: 1 },
      { weekday: 'monday', hour: 11, contacts: 1 },
    ]);
  });

  it('the search log feeds the gaps list: what was asked and found nothing, counted by normalised question', async () => {
    const position = await mondayContacts();
    const gaps = await api().request('GET', `/metrics/contacts/gaps?${monday}&position=${position}`, { token: as.director });
    expect(gaps.status).toBe(200);
    expect(gaps.body.gaps).toEqual([
      {
        query: 'zzyzx qwrtp',
        count: 2,
        lines: ['DPW'],
        firstAt: '2026-11-02T14:00:00.000Z',
        lastAt: '2026-11-02T14:00:00.000Z',
        example: expect.stringMatching(/zzyzx/i),
      },
    ]);
  });

  it('a department head sees their own line and the transfers and callbacks to their department; others are refused', async () => {
    const position = await mondayContacts();
    const report = await api().request('GET', `/metrics/contacts?${monday}&groupBy=line&period=range&position=${position}`, { token: as.dpwHead });
    expect(report.body.department).toBe('DPW');
    expect(report.body.contacts.map((row: { group: string }) => row.group)).toEqual(['DPW']);
    expect(report.body.transfers).toHaveLength(1);
    expect(report.body.topArticles).toEqual([{ articleId: 'trash-day', contacts: 1, uses: 1 }]);
    for (const token of [as.operator, as.dpwStaff]) {
      const refused = await api().request('GET', `/metrics/contacts/gaps?${monday}`, { token });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ rule: 'contactMetricsAreForTheDirectorAndDepartmentHeads' });
    }
    const backwards = await api().request('GET', '/metrics/contacts?from=2026-11-03T05:00:00Z&to=2026-11-02T05:00:00Z&groupBy=line&period=day', {
      token: as.director,
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('from');
  });

  it('(after the Monday) an operator takes a contact and records on it in order; a retry answers the first answer; refusals are the domain’s', async () => {
    await publishTrashDay();
    const key = { 'Idempotency-Key': 'start-K1' };
    const started = await post('/contacts/K1/start', { channel: 'phone', line: 'DPW' }, as.operator, key);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ id: 'K1', revision: 0, status: 'open', events: ['ContactStarted'] });
    expect(started.headers.etag).toBe('W/"0"');
    expect((await post('/contacts/K1/start', { channel: 'phone', line: 'DPW' }, as.operator, key)).body).toEqual(started.body);
    const reused = await post('/contacts/K1/start', { channel: 'chat', line: 'DPW' }, as.operator, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: 'IdempotencyKeyReused', differs: ['body'] });

    const used = await post('/contacts/K1/article', { articleId: 'trash-day' });
    expect(used.body).toMatchObject({ revision: 1, events: ['ArticleUsed'] });
    const unknown = await post('/contacts/K1/article', { articleId: 'no-such-article' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'NotFound', what: 'article', id: 'no-such-article' });
    // Who may is judged before the article is looked up.
    expect((await post('/contacts/K1/article', { articleId: 'no-such-article' }, as.dpwStaff)).body).toMatchObject({
      error: 'Forbidden',
      rule: 'onlyTheOperatorWhoTookAContactRecordsOnIt',
    });
    expect((await post('/contacts/K2/start', { channel: 'phone', line: 'DPW' }, as.dpwStaff)).body).toMatchObject({
      error: 'Forbidden',
      rule: 'operatorsTakeContacts',
    });
    expect((await post('/contacts/K1/callback', { department: 'DPW' })).status).toBe(409); // no phone or e-mail yet
    const badField = await post('/contacts/K1/transfer', { department: 'DPW', reached: 'yes' });
    expect(badField.status).toBe(400);
    expect(JSON.stringify(badField.body)).toContain('reached');
    expect((await post('/contacts/K1/frobnicate', {})).body).toMatchObject({ what: 'route' });
    const stale = await post('/contacts/K1/end', { outcome: 'handled' }, as.operator, { 'If-Match': 'W/"0"' });
    expect(stale.status).toBe(412);
    await api().command('/contacts/K1/end', as.operator, { outcome: 'handled' }, { 'If-Match': 'W/"1"' });
    const searchOnEnded = await api().request('GET', '/knowledge/search?q=trash&contactId=K1', { token: as.operator });
    expect(searchOnEnded.status).toBe(409);
  });
});
