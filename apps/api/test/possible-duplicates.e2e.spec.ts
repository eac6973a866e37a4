import { answersFor, as, pothole, type TestApi } from './api-harness';
import { READ_STORE_KINDS, useApiOnReadStore } from './read-store-api';

// One degree of latitude is 111,195 m (the mean earth radius), so these are meters north of the caller.
const HERE = { latitude: 42.77, longitude: -71.08 };
const north = (meters: number) => ({ latitude: HERE.latitude + meters / 111_195, longitude: HERE.longitude });

async function open(api: TestApi, fields: Record<string, unknown>) {
  api.clock.advance(5);
  const opened = await api.command('/tickets', as.operator, { ...pothole, contact: undefined, ...fields });
  return { id: opened.body.ticketId as string, position: opened.body.position as string };
}

describe.each(READ_STORE_KINDS)('GET /tickets/possible-duplicates (%s read store)', (kind) => {
  const api = useApiOnReadStore(kind);
  const t = {} as Record<'near' | 'far' | 'closed' | 'light' | 'sameAddress' | 'callersLight', string>;
  let position: string;

  beforeAll(async () => {
    t.near = (await open(api(), { location: { address: '14 Elm St', ...north(20) }, contact: { name: 'Ann', phone: '978-555-0142' } })).id;
    t.far = (await open(api(), { location: { address: '30 Elm St', ...north(80) } })).id;
    t.closed = (await open(api(), { location: { address: '12 Elm St', ...north(5) } })).id;
    await api().command(`/tickets/${t.closed}/close`, as.operator, { reason: 'withdrawn' });
    const light = { serviceCode: 'STREETLIGHT-OUT', attributes: answersFor('STREETLIGHT-OUT') };
    t.light = (await open(api(), { ...light, location: { address: '12 Elm St', ...north(10) } })).id;
    t.sameAddress = (await open(api(), { location: { address: '12  elm street.' } })).id;
    const last = await open(api(), { ...light, location: { address: '9 Oak Ave' }, contact: { email: 'Ann@Example.org' } });
    t.callersLight = last.id;
    position = last.position;
  });

  const search = (query: string, token = as.operator) => api().request('GET', `/tickets/possible-duplicates?position=${position}&${query}`, { token });
  const here = `service=POTHOLE&lat=${HERE.latitude}&long=${HERE.longitude}`;

  it('offers the open pothole 20 m away and the one at the same address, not the one 80 m away, a closed one or another service', async () => {
    const answer = await search(`${here}&address=${encodeURIComponent('12 Elm St')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.radiusMeters).toBe(50);
    expect(answer.body.nearby.map((d: { ticketId: string }) => d.ticketId)).toEqual([t.near, t.sameAddress]);
    expect(answer.body.nearby[0]).toMatchObject({ ticketId: t.near, serviceCode: 'POTHOLE', status: 'intake', sameAddress: false, reportCount: 1 });
    expect(answer.body.nearby[0].distanceMeters).toBeCloseTo(20, 0);
    expect(answer.body.nearby[1]).toMatchObject({ ticketId: t.sameAddress, distanceMeters: null, sameAddress: true });
    expect(answer.body.callersOwn).toEqual([]);
  });

  it("lists the caller's own open tickets of any service by phone or e-mail, as the ticket contact checks compare them", async () => {
    const answer = await search(`${here}&phone=${encodeURIComponent('+1 (978) 555 0142')}&email=ann%40example.org`);
    expect(answer.status).toBe(200);
    expect(answer.body.callersOwn.map((d: { ticketId: string; matchedBy: string[] }) => [d.ticketId, d.matchedBy])).toEqual([
      [t.callersLight, ['email']],
      [t.near, ['phone']],
    ]);
    expect(JSON.stringify(answer.body)).not.toContain('555');
  });

  it('searches by address alone, and by coordinates alone', async () => {
    const byAddress = await search(`service=POTHOLE&address=${encodeURIComponent('14 ELM STREET')}`);
    expect(byAddress.body.nearby.map((d: { ticketId: string }) => d.ticketId)).toEqual([t.near]);
    const byPlace = await search(here);
    expect(byPlace.body.nearby.map((d: { ticketId: string }) => d.ticketId)).toEqual([t.near]);
  });

  it('refuses the caller’s phone to a role that may not see contact data, naming the rule; the place search stays open to it', async () => {
    const refused = await search(`${here}&phone=978-555-0142`, as.dpwStaff);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'Forbidden', rule: 'aResidentIsLookedUpBy311AndTheDirector' });
    const place = await search(here, as.dpwStaff);
    expect(place.status).toBe(200);
    expect(place.body.nearby).toHaveLength(1);
  });

  it('names the field at fault: an unknown service, a latitude without its longitude, coordinates that are none', async () => {
    const unknown = await search('service=NO-SUCH');
    expect([unknown.status, unknown.body.problems[0].field]).toEqual([400, 'service']);
    const half = await search('service=POTHOLE&lat=42.77');
    expect([half.status, half.body.problems[0].field]).toEqual([400, 'long']);
    const bad = await search('service=POTHOLE&lat=north&long=-71');
    expect([bad.status, bad.body.problems.map((p: { field: string }) => p.field)]).toEqual([400, ['lat']]);
    const outside = await search('service=POTHOLE&lat=95&long=-71');
    expect([outside.status, outside.body.problems[0].field]).toEqual([400, 'lat']);
  });
});
