import { as, useTestApi } from './api-harness';
import { form, open311Client } from './open311/open311-client';
import { CONTACT_DATA, potholeReport } from './open311/submissions';

describe('Open311 POST requests', () => {
  const api = useTestApi();
  const open311 = open311Client(api);

  it('opens a ticket through the command pipeline and answers its id, the service notice and the account id (JSON)', async () => {
    const answer = await open311.post('requests.json', potholeReport());
    expect(answer.status).toBe(201);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.json).toEqual([
      {
        service_request_id: expect.stringMatching(/^[A-Z0-9]{3}-[A-Z0-9]{4}$/),
        service_notice: 'Public Works aims to resolve this within 3 business days.',
        account_id: 'acct-77',
      },
    ]);
    const id = answer.json[0].service_request_id;
    const ticket = await api().request('GET', `/tickets/${id}`, { token: as.operator });
    expect(ticket.body).toMatchObject({
      status: 'intake',
      channel: 'open311',
      serviceCode: 'POTHOLE',
      description: 'Deep pothole in the right lane',
      location: { address: '12 Elm St, Harrowfield', latitude: 42.7701, longitude: -71.0802 },
      contact: { name: 'Ann Resident', email: 'ann.resident@example.com', phone: '978-555-0101' },
      attributes: { SIZE: 'large', IN_ROADWAY: 'yes' },
    });
  });

  it('answers in XML, with an empty account_id when none was sent', async () => {
    const answer = await open311.post('requests.xml', potholeReport().toString().replace('&account_id=acct-77', ''));
    expect(answer.status).toBe(201);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.text).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_requests>\n {2}<request>\n {4}<service_request_id>[A-Z0-9-]+<\/service_request_id>\n {4}<service_notice>Public Works aims to resolve this within 3 business days\.<\/service_notice>\n {4}<account_id\/>\n {2}<\/request>\n<\/service_requests>\n$/,
    );
    for (const personal of CONTACT_DATA) expect(answer.text).not.toContain(personal);
  });

  it('records multivaluelist, number, datetime and text answers; address_id alone is a location', async () => {
    const bulk = await open311.post(
      'requests.json',
      form([
        ['api_key', as.resident],
        ['service_code', 'BULK-ITEM-PICKUP'],
        ['address_id', 'MAR-100234'],
        ['attribute[ITEMS][]', 'sofa'],
        ['attribute[ITEMS][]', 'mattress'],
        ['attribute[ITEM_COUNT]', '2'],
      ]),
    );
    expect(bulk.status).toBe(201);
    const ticket = await api().request('GET', `/tickets/${bulk.json[0].service_request_id}`, { token: as.operator });
    expect(ticket.body.attributes).toEqual({ ITEMS: ['sofa', 'mattress'], ITEM_COUNT: 2, address_id: 'MAR-100234' });
    expect(ticket.body.description).toBe('Bulk item pickup');
    const read = await open311.get(`requests/${bulk.json[0].service_request_id}.json`);
    expect(read.json[0]).toMatchObject({ address_id: 'MAR-100234', address: null });

    const appeal = await open311.post(
      'requests.json',
      form([
        ['api_key', as.resident],
        ['service_code', 'PARKING-TICKET-APPEAL'],
        ['address_string', 'Main St lot'],
        ['description', 'Appeal'],
        ['attribute[TICKET_NUMBER]', 'P-123'],
        ['attribute[ISSUED_AT]', '2026-10-30T08:15:00-04:00'],
        ['attribute[REASON]', 'The meter was broken.\nPhoto attached.'],
      ]),
    );
    expect(appeal.status).toBe(201);
    const appealTicket = await api().request('GET', `/tickets/${appeal.json[0].service_request_id}`, { token: as.operator });
    expect(appealTicket.body.attributes).toEqual({
      TICKET_NUMBER: 'P-123',
      ISSUED_AT: '2026-10-30T08:15:00-04:00',
      REASON: 'The meter was broken.\nPhoto attached.',
    });
  });

  it('checks datetime and string answers: an ISO 8601 date, and one line', async () => {
    const appeal = (issuedAt: string, ticketNumber: string) =>
      open311.post(
        'requests.json',
        form([
          ['api_key', as.resident],
          ['service_code', 'PARKING-TICKET-APPEAL'],
          ['address_string', 'x'],
          ['attribute[TICKET_NUMBER]', ticketNumber],
          ['attribute[ISSUED_AT]', issuedAt],
          ['attribute[REASON]', 'r'],
        ]),
      );
    const answer = await appeal('last tuesday', 'P-1\nP-2');
    expect(answer.status).toBe(400);
    expect(answer.json.map((e: { description: string }) => e.description)).toEqual([
      'attribute[TICKET_NUMBER] must be one line (use a text attribute for several lines).',
      'attribute[ISSUED_AT] must be an ISO 8601 date or date-time, e.g. 2026-11-02T09:00:00-05:00.',
    ]);
    expect((await appeal('2026-10-30', 'P-1')).status).toBe(201);
  });

  it('takes an Idempotency-Key: the same key answers the same request and opens nothing new', async () => {
    const headers = { 'idempotency-key': 'resident-app-submission-1' };
    const first = await open311.post('requests.json', potholeReport(), headers);
    const again = await open311.post('requests.json', potholeReport(), headers);
    expect(again.json[0].service_request_id).toBe(first.json[0].service_request_id);
  });

  it('refuses the same Idempotency-Key with another submission, in the spec error format', async () => {
    const headers = { 'idempotency-key': 'resident-app-submission-2' };
    expect((await open311.post('requests.json', potholeReport(), headers)).status).toBe(201);
    const another = potholeReport();
    another.set('description', 'Another pothole, further down the road');
    const other = await open311.post('requests.json', another, headers);
    expect(other.status).toBe(400);
    expect(other.json).toEqual([
      { code: 400, description: expect.stringMatching(/Idempotency-Key resident-app-submission-2 was already used .* differs in its body/) },
    ]);
  });

  describe('refuses, in the spec error format', () => {
    const expectError = async (status: number, body: URLSearchParams | string, description: RegExp | string) => {
      const json = await open311.post('requests.json', body);
      expect(json.status).toBe(status);
      expect(json.json).toEqual(expect.arrayContaining([{ code: status, description: expect.stringMatching(description) }]));
      const xml = await open311.post('requests.xml', body);
      expect(xml.status).toBe(status);
      expect(xml.text).toContain(`<errors>\n  <error>\n    <code>${status}</code>`);
    };

    it('403 without an api_key, with an unknown one, or with a staff token instead of a resident key', async () => {
      const report = potholeReport();
      report.delete('api_key');
      await expectError(403, report, /api_key is missing/);
      report.set('api_key', 'not-a-key');
      await expectError(403, report, /Invalid api_key/);
      report.set('api_key', as.operator);
      await expectError(403, report, /Invalid api_key/);
    });

    it('400 without a service_code, 404 for an unknown one or an unknown jurisdiction_id', async () => {
      const report = potholeReport();
      report.delete('service_code');
      await expectError(400, report, /service_code was not provided/);
      report.set('service_code', 'NO-SUCH');
      await expectError(404, report, /service_code "NO-SUCH" was not found/);
      await expectError(
        404,
        potholeReport([['jurisdiction_id', 'x']])
          .toString()
          .replace('jurisdiction_id=harrowfield.example.gov&', ''),
        /jurisdiction_id "x" was not found/,
      );
    });

    it('400 without a location, or with lat but no long', async () => {
      const report = potholeReport();
      for (const field of ['lat', 'long', 'address_string']) report.delete(field);
      await expectError(400, report, /A location is required: send lat and long, address_string or address_id/);
      report.set('lat', '42.1');
      await expectError(400, report, /lat and long must be sent together/);
      report.set('long', '-200');
      await expectError(400, report, /long a longitude from -180 to 180/);
    });

    it('400 for missing required attributes, unknown choices, and attributes the service does not have — all listed', async () => {
      const report = potholeReport();
      report.delete('attribute[SIZE]');
      report.set('attribute[IN_ROADWAY]', 'maybe');
      report.set('attribute[COLOR]', 'red');
      const answer = await open311.post('requests.json', report);
      expect(answer.status).toBe(400);
      expect(answer.json.map((e: { description: string }) => e.description)).toEqual([
        'attribute[COLOR] is not an attribute of service POTHOLE; see services/POTHOLE.xml.',
        'attribute[SIZE] is required: About how big is it?',
        'attribute[IN_ROADWAY] has no choice "maybe"; choose one of yes, no.',
      ]);
      await expectError(
        400,
        form([
          ['api_key', as.resident],
          ['service_code', 'BULK-ITEM-PICKUP'],
          ['address_string', 'x'],
          ['attribute[ITEMS][]', 'piano'],
          ['attribute[ITEM_COUNT]', 'two'],
        ]),
        /ITEMS\] has no choice "piano"|ITEM_COUNT\] must be a number/,
      );
    });

    it('400 for a description over 4,000 characters; 4,000 are fine', async () => {
      await expectError(
        400,
        potholeReport([['description', 'x'.repeat(4001)]])
          .toString()
          .replace('description=Deep+pothole+in+the+right+lane&', ''),
        /description must be at most 4000 characters/,
      );
      const report = potholeReport();
      report.set('description', 'x'.repeat(4000));
      expect((await open311.post('requests.json', report)).status).toBe(201);
    });

    it('400 for a field sent twice that takes one value', async () => {
      await expectError(400, potholeReport([['service_code', 'POTHOLE']]), /service_code was given 2 times/);
    });
  });
});
