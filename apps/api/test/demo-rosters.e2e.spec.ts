import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { resolve } from 'node:path';
import { DEMO_CATALOG_PATH, DEMO_USERS_PATH } from '../src/config/api-config';
import { importDemoRosters, isDemoCity } from '../src/phone-coverage/import-demo-rosters';
import { as, useTestApi } from './api-harness';

/** The demo city's Thursday 5 November 2026, local midnight to midnight (City Hall open 08:30–19:00). */
const thursday = 'from=2026-11-05T05:00:00Z&to=2026-11-06T05:00:00Z';

describe('the demo rosters imported at start', () => {
  const api = useTestApi();
  const head = async () => {
    const store = api().app.get<EventStore>(EVENT_STORE);
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
    return undefined;
  };

  it('go with the demo catalog and users only', () => {
    expect(isDemoCity({ catalogPath: resolve(DEMO_CATALOG_PATH), usersPath: resolve(DEMO_USERS_PATH) })).toBe(true);
    expect(isDemoCity({ catalogPath: resolve(DEMO_CATALOG_PATH), usersPath: '/etc/city/users.json' })).toBe(false);
    expect(isDemoCity({ catalogPath: '/etc/city/catalog.json', usersPath: resolve(DEMO_USERS_PATH) })).toBe(false);
  });

  it('set each roster once, as the named importer; a second start writes nothing; the report shows the gaps left open', async () => {
    // Given a log without rosters, when the API starts twice
    expect(await importDemoRosters(api().app)).toEqual({ set: 2, kept: 0 });
    const after = await head();
    expect(await importDemoRosters(api().app)).toEqual({ set: 0, kept: 2 });
    // Then the second start wrote nothing
    expect(await head()).toBe(after);

    const dpw = await api().request('GET', '/departments/DPW/roster', { token: as.operator });
    expect(dpw.body.roster).toMatchObject({ status: 'kept', updatedBy: 'import:demo-rosters' });
    expect(dpw.body.roster.slots).toContainEqual({ weekday: 'thursday', from: '12:30', until: '19:00', staffId: 'hana.dpw' });
    expect(dpw.body.roster.slots.filter((s: { weekday: string }) => s.weekday === 'saturday')).toEqual([]);

    // And once Thursday is over (the clock starts on Monday 09:00, when the rosters took effect)
    api().clock.advance(4 * 24 * 60);
    // from the next day on, Public Works is scheduled all City Hall hours; Engineering leaves lunch and Thursday evening open; the Clerk has no roster
    const report = await api().request('GET', `/metrics/phone-coverage?${thursday}&position=${after}`, { token: as.director });
    const day = (department: string) => report.body.days.find((d: { department: string }) => d.department === department);
    expect(day('DPW')).toMatchObject({ cityHallMinutes: 630, unscheduledMinutes: 0 });
    expect(day('ENGINEERING')).toMatchObject({ cityHallMinutes: 630, unscheduledMinutes: 60 + 150 });
    expect(day('CLERK')).toMatchObject({ unscheduledMinutes: 630 });
  });

  it('never replace a roster its department has kept', async () => {
    // Given Engineering's roster changed by the director since
    const url = `${await api().app.getUrl()}/departments/ENGINEERING/roster`;
    const slots = [{ weekday: 'monday', from: '08:30', until: '16:30', staffId: 'eli.engineering' }];
    const put = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${as.director}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slots }),
    });
    expect(put.status).toBe(200);
    // When the API starts again, then it stays as kept
    expect(await importDemoRosters(api().app)).toEqual({ set: 0, kept: 2 });
    expect((await api().request('GET', '/departments/ENGINEERING/roster', { token: as.director })).body.roster.slots).toEqual(slots);
  });
});
