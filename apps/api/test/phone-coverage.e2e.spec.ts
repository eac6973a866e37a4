import { as, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

/** Any method, as the harness's request does it: roster commands are PUT and DELETE. */
async function send(api: TestApi, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${await api.app.getUrl()}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const weekly = {
  slots: [
    { weekday: 'monday', from: '08:30', until: '12:00', staffId: 'sam.dpw' },
    { weekday: 'monday', from: '13:00', until: '16:30', staffId: 'hana.dpw' },
  ],
};
/** The demo city's Monday 2 November 2026 (the test clock starts at 09:00 local). */
const monday = 'from=2026-11-02T05:00:00Z&to=2026-11-03T05:00:00Z';

describe.each(READ_STORE_KINDS)('phone coverage over HTTP (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);

  it('a department head keeps the roster; staff mark themselves; the desk sees who answers; the director sees the gaps', async () => {
    // Given an unset roster: 311 may read it, only the head may set it.
    const unset = await send(api(), 'GET', '/departments/DPW/roster', as.operator);
    expect(unset).toMatchObject({ status: 200, body: { department: 'DPW', roster: { status: 'unset', slots: [] }, revision: null, allowedActions: [] } });
    expect((await send(api(), 'GET', '/departments/DPW/roster', as.dpwHead)).body.allowedActions).toEqual(['SetWeeklyRoster']);
    expect((await send(api(), 'GET', '/departments/DPW/roster', as.engineeringStaff)).body).toMatchObject({
      rule: 'aPhoneLineIsFor311TheDirectorAndItsDepartment',
    });
    expect((await send(api(), 'PUT', '/departments/DPW/roster', as.dpwStaff, weekly)).body).toMatchObject({
      rule: 'departmentHeadsKeepTheirDepartmentsRosterTheDirectorAny',
    });
    const bad = await send(api(), 'PUT', '/departments/DPW/roster', as.dpwHead, { slots: [{ ...weekly.slots[0], until: '08:00' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('slots[0].until');
    expect(await send(api(), 'PUT', '/departments/DPW/roster', as.dpwHead, weekly)).toMatchObject({ status: 200, body: { revision: 0, status: 'kept' } });
    const badDate = await send(api(), 'PUT', '/departments/DPW/roster/exceptions/2026-02-30', as.dpwHead, { away: ['sam.dpw'], extra: [] });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('date');
    const stale = await send(
      api(),
      'PUT',
      '/departments/DPW/roster/exceptions/2026-11-09',
      as.dpwHead,
      { away: ['sam.dpw'], extra: [] },
      { 'If-Match': 'W/"7"' },
    );
    expect(stale.status).toBe(412);
    expect((await send(api(), 'PUT', '/departments/DPW/roster/exceptions/2026-11-09', as.dpwHead, { away: ['sam.dpw'], extra: [] })).status).toBe(200);
    expect((await send(api(), 'DELETE', '/departments/DPW/roster/exceptions/2026-11-09', as.dpwHead)).status).toBe(200);
    const again = await send(api(), 'DELETE', '/departments/DPW/roster/exceptions/2026-11-09', as.dpwHead);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('the roster has no exception on this date');

    // Staff mark themselves: Sam at 09:00, away at 10:00.
    expect((await send(api(), 'GET', '/staff/me/availability', as.dpwStaff)).body).toMatchObject({
      status: 'unmarked',
      available: false,
      allowedActions: ['MarkAvailable'],
    });
    expect((await send(api(), 'POST', '/staff/me/availability', as.dpwStaff, { status: 'busy' })).status).toBe(400);
    expect((await send(api(), 'POST', '/staff/me/availability', as.operator, { status: 'available' })).body).toMatchObject({ rule: 'staffMarkOnlyThemselves' });
    const marked = await send(api(), 'POST', '/staff/me/availability', as.dpwStaff, { status: 'available' });
    expect(marked.body).toMatchObject({ status: 'available', events: ['MarkedAvailable'] });
    expect((await send(api(), 'GET', '/staff/me/availability', as.dpwStaff)).body).toMatchObject({
      available: true,
      department: 'DPW',
      until: '2026-11-03T05:00:00.000Z',
      allowedActions: ['MarkAvailable', 'MarkAway'],
    });

    // The desk: who answers DPW now.
    const now = await send(api(), 'GET', `/departments/DPW/phone-coverage/now?position=${marked.body.position}`, as.operator);
    expect(now.body).toEqual({
      department: 'DPW',
      at: '2026-11-02T14:00:00.000Z',
      cityHallOpen: true,
      answerers: [
        { staffId: 'sam.dpw', scheduled: true, scheduledUntil: '2026-11-02T17:00:00.000Z', available: true, availableUntil: '2026-11-03T05:00:00.000Z' },
      ],
    });
    expect((await send(api(), 'GET', '/departments/LIBRARY/phone-coverage/now', as.operator)).status).toBe(404);

    api().clock.advance(60);
    await send(api(), 'POST', '/staff/me/availability', as.dpwStaff, { status: 'away' });
    api().clock.advance(30);
    // 10:30: a transfer to DPW that reaches nobody.
    await api().command('/contacts/T1/start', as.operator, { channel: 'phone', line: '311' });
    const transfer = await api().command('/contacts/T1/transfer', as.operator, { department: 'DPW', reached: false });
    api().clock.advance(1);

    const report = await send(api(), 'GET', `/metrics/phone-coverage?${monday}&department=DPW&position=${transfer.body.position}`, as.director);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ department: 'DPW', timeZone: 'America/New_York' });
    expect(report.body.days).toEqual([
      {
        department: 'DPW',
        date: '2026-11-02',
        cityHallMinutes: 480,
        // 08:30–09:00, before the roster was first set (at 09:00), and the lunch hour it leaves open.
        unscheduledMinutes: 90,
        // 08:30–09:00 before Sam marked available, and 10:00–10:31 (now) since Sam marked away.
        unavailableMinutes: 61,
        transfers: 1,
        transfersNotReached: 1,
        callbacksLate: 0,
        gaps: [
          { kind: 'nobody_scheduled', from: '2026-11-02T13:30:00.000Z', until: '2026-11-02T14:00:00.000Z' },
          { kind: 'nobody_available', from: '2026-11-02T13:30:00.000Z', until: '2026-11-02T14:00:00.000Z' },
          { kind: 'nobody_available', from: '2026-11-02T15:00:00.000Z', until: '2026-11-02T15:31:00.000Z' },
          { kind: 'nobody_scheduled', from: '2026-11-02T17:00:00.000Z', until: '2026-11-02T18:00:00.000Z' },
        ],
      },
    ]);
    const everyDepartment = await send(api(), 'GET', `/metrics/phone-coverage?${monday}`, as.director);
    expect(everyDepartment.body.days.find((d: { department: string }) => d.department === 'ENGINEERING')).toMatchObject({ unscheduledMinutes: 480 });
    expect((await send(api(), 'GET', `/metrics/phone-coverage?${monday}`, as.dpwHead)).body.department).toBe('DPW');
  });

  it('refuses what it cannot answer, naming the parameter or the rule', async () => {
    expect((await send(api(), 'GET', `/metrics/phone-coverage?${monday}&department=ENGINEERING`, as.dpwHead)).body).toMatchObject({
      rule: 'phoneCoverageReportsAreForTheDirectorAndDepartmentHeads',
    });
    expect((await send(api(), 'GET', `/metrics/phone-coverage?${monday}`, as.dpwStaff)).status).toBe(403);
    const badFrom = await send(api(), 'GET', '/metrics/phone-coverage?from=monday&to=2026-11-03T05:00:00Z', as.director);
    expect(badFrom.status).toBe(400);
    expect(JSON.stringify(badFrom.body)).toContain('from');
    const backwards = await send(api(), 'GET', '/metrics/phone-coverage?from=2026-11-03T05:00:00Z&to=2026-11-02T05:00:00Z', as.director);
    expect(backwards.status).toBe(400);
    expect((await send(api(), 'GET', `/metrics/phone-coverage?${monday}&department=LIBRARY`, as.director)).status).toBe(404);
    expect((await send(api(), 'PUT', '/departments/DPW/roster', as.dpwHead, [1, 2])).status).toBe(400);
  });
});
