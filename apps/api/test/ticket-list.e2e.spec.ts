import { answersFor, as, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** Opens a ticket an hour after the previous one, optionally routes it; answers its id, when it was opened and the last position. */
async function ticket(api: TestApi, serviceCode: string, channel: string, description: string, department?: string) {
  api.clock.advance(60);
  const openedAt = api.clock.now().toISOString();
  const opened = await api.command('/tickets', as.operator, {
    serviceCode,
    channel,
    description,
    location: { address: description.replace(/^.* on /, '') },
    attributes: answersFor(serviceCode),
  });
  const id = opened.body.ticketId as string;
  const routed = department ? await api.command(`/tickets/${id}/assign`, as.operator, { department }) : opened;
  return { id, openedAt, position: routed.body.position as string };
}

describe.each(READ_STORE_KINDS)('GET /tickets (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  const t = {} as Record<'pothole' | 'snow' | 'light' | 'question', { id: string; openedAt: string; position: string }>;
  let position: string;

  beforeAll(async () => {
    t.pothole = await ticket(api(), 'POTHOLE', 'phone', 'Pothole on Elm St', 'DPW');
    await api().command(`/tickets/${t.pothole.id}/start`, as.dpwStaff);
    t.snow = await ticket(api(), 'SNOW-UNPLOWED', 'web', 'Snow on Oak Ave', 'DPW');
    t.light = await ticket(api(), 'STREETLIGHT-OUT', 'phone', 'Streetlight dark on Elm St', 'ENGINEERING');
    t.question = await ticket(api(), 'GENERAL-INQUIRY', 'phone', 'Is 100% of recycling collected on Main St');
    position = t.question.position;
    api().clock.advance(2 * 24 * 60);
  });

  const list = (query: string, token = as.dpwStaff) => api().request('GET', `/tickets?position=${position}&${query}`, { token });
  const ids = async (query: string) => {
    const answer = await list(query);
    expect(answer.status).toBe(200);
    return answer.body.tickets.map((ticket: { ticketId: string }) => ticket.ticketId);
  };

  it('filters by state, department, service, channel, assignee, opened range, overdue and text, newest first', async () => {
    expect(await ids('')).toEqual([t.question.id, t.light.id, t.snow.id, t.pothole.id]);
    expect(await ids('state=intake')).toEqual([t.question.id]);
    expect(await ids('department=DPW')).toEqual([t.snow.id, t.pothole.id]);
    expect(await ids('service=STREETLIGHT-OUT')).toEqual([t.light.id]);
    expect(await ids('channel=web')).toEqual([t.snow.id]);
    expect(await ids('assignee=sam.dpw')).toEqual([t.pothole.id]);
    expect(await ids(`openedFrom=${t.snow.openedAt}&openedTo=${t.question.openedAt}`)).toEqual([t.light.id, t.snow.id]);
    expect(await ids('overdue=true')).toEqual([t.snow.id]);
    expect(await ids('overdue=false&channel=phone')).toEqual([t.question.id, t.light.id, t.pothole.id]);
    expect(await ids('text=elm%20ST')).toEqual([t.light.id, t.pothole.id]);
    expect(await ids('text=100%25')).toEqual([t.question.id]);
    expect(await ids('department=DPW&channel=phone&state=in_progress')).toEqual([t.pothole.id]);
  });

  it('answers summaries without contact data', async () => {
    const answer = await list('service=POTHOLE');
    expect(answer.body.tickets[0]).toMatchObject({
      ticketId: t.pothole.id,
      status: 'in_progress',
      department: 'DPW',
      channel: 'phone',
      assignee: 'sam.dpw',
      overdue: false,
      description: 'Pothole on Elm St',
      address: 'Elm St',
    });
    expect(answer.body.tickets[0]).not.toHaveProperty('contact');
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const answer = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(answer.body.tickets.map((ticket: { ticketId: string }) => ticket.ticketId));
      cursor = answer.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([[t.question.id, t.light.id, t.snow.id], [t.pothole.id]]);
  });

  it('answers 400 naming the parameter for every kind of bad input', async () => {
    const foreign = (await list('department=DPW&limit=1')).body.nextCursor;
    const cases: [string, string][] = [
      ['state=lost', 'state'],
      ['channel=pigeon', 'channel'],
      ['department=NOPE', 'department'],
      ['service=NOPE', 'service'],
      ['overdue=maybe', 'overdue'],
      ['openedFrom=yesterday', 'openedFrom'],
      ['openedTo=2026-13-45T00:00:00Z', 'openedTo'],
      ['openedFrom=2026-11-05T00:00:00Z&openedTo=2026-11-01T00:00:00Z', 'openedFrom'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=many', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['cursor=%21%21', 'cursor'],
      [`department=ENGINEERING&cursor=${foreign}`, 'cursor'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const answer = await list(query);
      expect([query, answer.status, answer.body.error]).toEqual([query, 400, 'InvalidRequest']);
      expect([query, answer.body.problems.map((p: { field: string }) => p.field)]).toEqual([query, [field]]);
    }
  });

  it('is for every city role; residents are refused', async () => {
    for (const token of [as.operator, as.dpwHead, as.engineeringStaff, as.director]) expect((await list('', token)).status).toBe(200);
    const resident = await list('', as.resident);
    expect(resident.status).toBe(403);
    expect(resident.body.rule).toBe('residentsUseOpen311');
  });
});
