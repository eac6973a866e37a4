import type { ReadModels } from '@switchboard/read-models';
import { READ_MODELS } from '../src/read-models/read-models.module';
import { answersFor, as, pothole, useTestApi } from './api-harness';
import { open311Client } from './open311/open311-client';
import { CONTACT_DATA, potholeReport } from './open311/submissions';

describe('Open311 GET requests', () => {
  const api = useTestApi();
  const open311 = open311Client(api);
  const readModels = () => api().app.get<ReadModels>(READ_MODELS);
  /** Waits until the read models include everything recorded so far. */
  const projected = async () => {
    const { body } = await api().request('GET', `/tickets/${lastId}/history`, { token: as.director });
    await readModels().waitForPosition(body.events.at(-1).position, 5000);
  };
  let lastId = '';
  const submit = async (extra: readonly (readonly [string, string])[] = []): Promise<string> => {
    const answer = await open311.post('requests.json', potholeReport(extra.length ? extra : []));
    lastId = answer.json[0].service_request_id;
    return lastId;
  };

  it('answers one request in JSON and XML: public fields mapped per the spec, W3C times with the city offset', async () => {
    const id = await submit();
    const json = await open311.get(`requests/${id}.json`, 'jurisdiction_id=harrowfield.example.gov');
    expect(json.status).toBe(200);
    expect(json.json).toEqual([
      {
        service_request_id: id,
        status: 'open',
        status_notes: 'Request received.',
        service_name: 'Pothole',
        service_code: 'POTHOLE',
        description: 'Deep pothole in the right lane',
        agency_responsible: 'Public Works',
        service_notice: 'Public Works aims to resolve this within 3 business days.',
        requested_datetime: '2026-11-02T09:00:00-05:00',
        updated_datetime: '2026-11-02T09:00:00-05:00',
        expected_datetime: null,
        address: '12 Elm St, Harrowfield',
        lat: 42.7701,
        long: -71.0802,
      },
    ]);
    const xml = await open311.get(`requests/${id}.xml`);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.text).toContain(`<service_requests>\n  <request>\n    <service_request_id>${id}</service_request_id>\n    <status>open</status>`);
    expect(xml.text).toContain('<expected_datetime/>');
    expect(xml.text).not.toContain('media_url');
  });

  it('follows the ticket: department, SLA due time as expected_datetime, public comments as status notes, closed when completed', async () => {
    const id = await submit();
    api().clock.advance(30);
    await api().command(`/tickets/${id}/assign`, as.operator, { department: 'DPW' });
    await api().command(`/tickets/${id}/comments`, as.dpwStaff, { body: 'Crew scheduled for Thursday.', visibility: 'public' });
    await api().command(`/tickets/${id}/comments`, as.dpwStaff, { body: 'Resident sounded upset; call Ann back on 978-555-0101.', visibility: 'internal' });
    const assigned = (await open311.get(`requests/${id}.json`)).json[0];
    expect(assigned).toMatchObject({
      status: 'open',
      status_notes: 'Crew scheduled for Thursday.',
      agency_responsible: 'Public Works',
      updated_datetime: '2026-11-02T09:30:00-05:00',
    });
    expect(assigned.expected_datetime).toMatch(/^2026-11-0\dT\d{2}:\d{2}:\d{2}-05:00$/);
    const due = (await api().request('GET', `/tickets/${id}`, { token: as.operator })).body.dueAt;
    expect(new Date(assigned.expected_datetime).getTime()).toBe(Math.floor(Date.parse(due) / 1000) * 1000);

    await api().command(`/tickets/${id}/start`, as.dpwStaff, {});
    await api().command(`/tickets/${id}/complete`, as.dpwStaff, { resolutionCode: 'repaired', note: 'Used cold patch; Ann was rude.' });
    const completed = await open311.get(`requests/${id}.json`, 'extensions=true');
    expect(completed.json[0]).toMatchObject({ status: 'closed', status_notes: 'Completed.' });
    expect(completed.json[0].notes).toEqual([
      { datetime: '2026-11-02T09:00:00-05:00', description: 'Request received.', type: 'opened' },
      { datetime: '2026-11-02T09:30:00-05:00', description: 'Routed to Public Works.', type: 'assigned' },
      { datetime: '2026-11-02T09:30:00-05:00', description: 'Crew scheduled for Thursday.', type: 'comment' },
      { datetime: '2026-11-02T09:30:00-05:00', description: 'Work has started.', type: 'in_progress' },
      { datetime: '2026-11-02T09:30:00-05:00', description: 'Completed.', type: 'completed' },
    ]);
    const xml = await open311.get(`requests/${id}.xml`, 'extensions=true');
    expect(xml.text).toContain(
      '<notes>\n      <note>\n        <datetime>2026-11-02T09:00:00-05:00</datetime>\n        <description>Request received.</description>\n        <type>opened</type>',
    );
  });

  it('never shows resident contact data or internal comments, in any answer', async () => {
    const id = await submit();
    await api().command(`/tickets/${id}/comments`, as.operator, { body: 'INTERNAL: resident is a council member', visibility: 'internal' });
    await projected();
    const answers = [
      await open311.get(`requests/${id}.json`, 'extensions=true'),
      await open311.get(`requests/${id}.xml`, 'extensions=true'),
      await open311.get('requests.json', `service_request_id=${id}&extensions=true`),
      await open311.get('requests.xml', 'extensions=true'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(id);
      for (const secret of [...CONTACT_DATA, 'INTERNAL', 'council']) expect(answer.text).not.toContain(secret);
    }
  });

  it('a request submitted through Open311 is in the audit history and, once routed, in the department queue', async () => {
    const id = await submit();
    const history = await api().request('GET', `/tickets/${id}/history`, { token: as.director });
    expect(history.body.events[0]).toMatchObject({ type: 'TicketOpened', actor: { id: 'resident-portal', role: 'resident' }, data: { channel: 'open311' } });
    const assigned = await api().command(`/tickets/${id}/assign`, as.operator, { department: 'DPW' });
    await readModels().waitForPosition(assigned.body.position, 5000);
    const queue = await readModels().departmentQueue('DPW', { now: api().clock.now() });
    expect(queue.map((entry) => entry.ticketId)).toContain(id);
  });

  it('404 for an unknown request, in the format asked for', async () => {
    const json = await open311.get('requests/ZZZ-9999.json');
    expect(json.status).toBe(404);
    expect(json.json).toEqual([{ code: 404, description: 'Service request ZZZ-9999 was not found.' }]);
    const xml = await open311.get('requests/no%20such.xml');
    expect(xml.status).toBe(404);
    expect(xml.text).toContain('<code>404</code>');
  });

  describe('lists', () => {
    let ids: string[] = [];
    beforeAll(async () => {
      api().clock.advance(24 * 60);
      ids = [];
      for (let n = 0; n < 5; n += 1) {
        api().clock.advance(10);
        ids.push(await submit());
      }
      // A later phone ticket of another service, and one closed request.
      api().clock.advance(10);
      const phone = await api().command('/tickets', as.operator, { ...pothole, serviceCode: 'GRAFFITI', channel: 'phone', attributes: answersFor('GRAFFITI') });
      await api().command(`/tickets/${ids[0]}/close`, as.operator, { reason: 'duplicate', parentTicketId: ids[1] });
      lastId = phone.body.ticketId;
      await projected();
    });

    it('names requests with service_request_id (a comma list that overrides every other filter), in the order asked', async () => {
      const answer = await open311.get('requests.json', `service_request_id=${ids[2]},${ids[0]},NOPE-0000&status=open&service_code=GRAFFITI`);
      expect(answer.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids[2], ids[0]]);
      expect(answer.json[1]).toMatchObject({ status: 'closed', status_notes: `Closed as a duplicate of request ${ids[1]}.` });
    });

    it('searches the last 90 days by default, newest first, filtered by service_code and status', async () => {
      const all = (await open311.get('requests.json')).json.map((r: { service_request_id: string }) => r.service_request_id);
      expect(all.slice(1, 6)).toEqual([...ids].reverse());
      const potholes = (await open311.get('requests.json', 'service_code=POTHOLE')).json;
      expect(potholes.every((r: { service_code: string }) => r.service_code === 'POTHOLE')).toBe(true);
      const graffiti = (await open311.get('requests.json', 'service_code=GRAFFITI,NOISE')).json;
      expect(graffiti).toHaveLength(1);
      const closed = (await open311.get('requests.json', 'status=closed')).json;
      expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(ids[0]);
      expect(closed.every((r: { status: string }) => r.status === 'closed')).toBe(true);
      const open = (await open311.get('requests.json', 'status=open&service_code=POTHOLE')).json;
      expect(open.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(ids[0]);
      expect((await open311.get('requests.json', 'status=open,closed')).json.length).toBe(all.length);
    });

    it('windows requested_datetime with start_date and end_date', async () => {
      const named = (await open311.get('requests.json', `service_request_id=${ids[1]},${ids[2]}`)).json;
      const [from, to] = named.map((r: { requested_datetime: string }) => r.requested_datetime);
      const afterTo = new Date(Date.parse(to) + 1000).toISOString();
      const answer = await open311.get('requests.xml', `start_date=${encodeURIComponent(from)}&end_date=${afterTo}`);
      expect(answer.status).toBe(200);
      const found = [...answer.text.matchAll(/<service_request_id>([^<]+)<\/service_request_id>/g)].map((m) => m[1]);
      expect(found).toEqual([ids[2], ids[1]]);
      expect((await open311.get('requests.json', 'start_date=2025-01-01T00:00:00Z')).json).toEqual([]);
    });

    it('pages with page and page_size', async () => {
      const first = (await open311.get('requests.json', 'service_code=POTHOLE&page_size=2')).json;
      const second = (await open311.get('requests.json', 'service_code=POTHOLE&page_size=2&page=2')).json;
      const all = (await open311.get('requests.json', 'service_code=POTHOLE')).json;
      const idsOf = (list: { service_request_id: string }[]) => list.map((r) => r.service_request_id);
      expect(idsOf(first)).toEqual(idsOf(all).slice(0, 2));
      expect(idsOf(second)).toEqual(idsOf(all).slice(2, 4));
      expect((await open311.get('requests.json', 'page=1000')).json).toEqual([]);
    });

    it('400 for malformed dates, a span over 90 days, unknown statuses or services, and bad page sizes — all listed', async () => {
      const answer = await open311.get('requests.json', 'start_date=yesterday&status=pending&service_code=NO-SUCH&page_size=1001');
      expect(answer.status).toBe(400);
      expect(answer.json.map((e: { description: string }) => e.description)).toEqual([
        'service_code NO-SUCH was not found; see services.xml.',
        'status must be open, closed, or both comma-separated.',
        'start_date must be a W3C date-time with a time zone, e.g. 2026-11-02T00:00:00Z.',
        'page_size must be a whole number from 1 to 1000.',
      ]);
      const span = await open311.get('requests.xml', 'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
      expect(span.status).toBe(400);
      expect(span.text).toContain('may span at most 90 days');
      expect((await open311.get('requests.json', 'start_date=2026-11-02T00:00:00')).status).toBe(400);
      expect((await open311.get('requests.json', 'jurisdiction_id=other.gov')).status).toBe(404);
    });

    it('windows updated_datetime with updated_after and updated_before, both exclusive', async () => {
      const idsOf = (list: { service_request_id: string }[]) => list.map((r) => r.service_request_id);
      // The last submission, then the closure of the first (at the phone ticket's opening).
      const [submitted, closed] = (await open311.get('requests.json', `service_request_id=${ids[4]},${ids[0]}`)).json.map(
        (r: { updated_datetime: string }) => r.updated_datetime,
      );
      expect(idsOf((await open311.get('requests.json', `updated_after=${encodeURIComponent(submitted)}`)).json)).toEqual([lastId, ids[0]]);
      const before = idsOf((await open311.get('requests.json', `updated_before=${encodeURIComponent(closed)}`)).json);
      expect(before).toEqual(expect.arrayContaining(ids.slice(1)));
      expect(before).not.toContain(ids[0]);
      expect(before).not.toContain(lastId);
      expect((await open311.get('requests.json', `updated_after=${encodeURIComponent(submitted)}&updated_before=${encodeURIComponent(closed)}`)).json).toEqual(
        [],
      );
    });
  });
});
