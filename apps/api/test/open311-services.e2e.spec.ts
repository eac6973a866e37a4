import { useTestApi } from './api-harness';
import { open311Client } from './open311/open311-client';

const XML = 'text/xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

describe('Open311 discovery and services', () => {
  const api = useTestApi();
  const open311 = open311Client(api);

  it('discovery names the GeoReport v2 endpoint and both formats, in JSON and XML', async () => {
    const json = await open311.get('discovery.json');
    expect(json.status).toBe(200);
    expect(json.contentType).toBe(JSON_TYPE);
    expect(json.json).toMatchObject({
      contact: expect.any(String),
      key_service: expect.any(String),
      changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/),
    });
    expect(json.json.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/open311\/v2$/),
        type: 'production',
        formats: ['text/xml', 'application/json'],
      }),
    ]);
    const xml = await open311.get('discovery.xml');
    expect(xml.contentType).toBe(XML);
    expect(xml.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<discovery>/);
    expect(xml.text).toContain('<formats>\n        <format>text/xml</format>\n        <format>application/json</format>\n      </formats>');
  });

  it('lists every service of the catalog as a realtime service', async () => {
    const json = await open311.get('services.json');
    expect(json.status).toBe(200);
    expect(json.json.length).toBeGreaterThan(10);
    expect(json.json.find((s: { service_code: string }) => s.service_code === 'POTHOLE')).toEqual({
      service_code: 'POTHOLE',
      service_name: 'Pothole',
      description: 'A pothole in a city street or municipal parking lot.',
      metadata: true,
      type: 'realtime',
      keywords: 'pothole, road, pavement, street',
      group: 'Streets & Sidewalks',
    });
    const xml = await open311.get('services.xml', 'jurisdiction_id=harrowfield.example.gov');
    expect(xml.contentType).toBe(XML);
    expect(xml.text).toContain('<services>\n  <service>\n    <service_code>TRASH-MISSED</service_code>');
    expect(xml.text).toContain('<group>Trash &amp; Recycling</group>');
  });

  it('defines attributes of all six datatypes, ordered, with required and variable flags and list values', async () => {
    const services: { service_code: string }[] = (await open311.get('services.json')).json;
    const definitions = await Promise.all(services.map(async ({ service_code }) => (await open311.get(`services/${service_code}.json`)).json));
    const attributes = definitions.flatMap((definition) => definition.attributes);
    expect(new Set(attributes.map((a: { datatype: string }) => a.datatype))).toEqual(
      new Set(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    );
    for (const definition of definitions) {
      const orders = definition.attributes.map((a: { order: number }) => a.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    const bulk = await open311.get('services/BULK-ITEM-PICKUP.json');
    expect(bulk.json.service_code).toBe('BULK-ITEM-PICKUP');
    expect(bulk.json.attributes[0]).toEqual({
      variable: true,
      code: 'ITEMS',
      datatype: 'multivaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'Which items should be picked up?',
      values: expect.arrayContaining([{ key: 'mattress', name: 'Mattress or box spring' }]),
    });
    expect(bulk.json.attributes[1]).not.toHaveProperty('values');
    const informational = attributes.find((a: { variable: boolean }) => !a.variable);
    expect(informational).toMatchObject({ variable: false, required: false });

    const xml = await open311.get('services/POTHOLE.xml');
    expect(xml.text).toContain(
      '<service_definition>\n  <service_code>POTHOLE</service_code>\n  <attributes>\n    <attribute>\n      <variable>true</variable>',
    );
    expect(xml.text).toContain('<values>\n        <value>\n          <key>small</key>\n          <name>Smaller than a dinner plate</name>');
  });

  describe('errors, in the format asked for', () => {
    it('404 for an unknown service_code', async () => {
      const json = await open311.get('services/NO-SUCH.json');
      expect(json.status).toBe(404);
      expect(json.json).toEqual([{ code: 404, description: 'service_code "NO-SUCH" was not found.' }]);
      const xml = await open311.get('services/NO-SUCH.xml');
      expect(xml.status).toBe(404);
      expect(xml.contentType).toBe(XML);
      expect(xml.text).toBe(
        '<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>404</code>\n    <description>service_code &quot;NO-SUCH&quot; was not found.</description>\n  </error>\n</errors>\n',
      );
    });

    it('404 for a jurisdiction_id this endpoint does not serve; an empty one counts as absent', async () => {
      const wrong = await open311.get('services.json', 'jurisdiction_id=elsewhere.gov');
      expect(wrong.status).toBe(404);
      expect(wrong.json[0].description).toContain('harrowfield.example.gov');
      expect((await open311.get('services/POTHOLE.xml', 'jurisdiction_id=elsewhere.gov')).status).toBe(404);
      expect((await open311.get('services.json', 'jurisdiction_id=')).status).toBe(200);
    });

    it('404 for an unknown format or resource, in XML unless .json was asked for', async () => {
      const csv = await open311.get('services.csv');
      expect(csv.status).toBe(404);
      expect(csv.contentType).toBe(XML);
      expect(csv.text).toContain('<code>404</code>');
      const unknown = await open311.get('reports.json');
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual([{ code: 404, description: expect.stringContaining('not an Open311 GeoReport v2 resource') }]);
    });

    it('tokens: a realtime endpoint issues none, so every token is not found', async () => {
      const json = await open311.get('tokens/12345.json');
      expect(json.status).toBe(404);
      expect(json.json).toEqual([{ code: 404, description: expect.stringContaining('realtime') }]);
      const xml = await open311.get('tokens/12345.xml', 'jurisdiction_id=elsewhere.gov');
      expect(xml.status).toBe(404);
      expect(xml.text).toContain('jurisdiction_id');
    });
  });

  it('needs no credentials: no Authorization header on any of these calls', async () => {
    expect((await open311.get('services.xml')).status).toBe(200);
  });
});

describe('Open311 under another base path', () => {
  const api = useTestApi({ open311: { basePath: '/city/georeport/v2', contact: 'c', keyService: 'k', publicUrl: 'https://311.example.gov/georeport/v2' } });

  it('serves the resources there and names the public URL in discovery', async () => {
    const base = await api().app.getUrl();
    const answer = await fetch(`${base}/city/georeport/v2/discovery.json`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { endpoints: { url: string }[] }).endpoints[0].url).toBe('https://311.example.gov/georeport/v2');
    expect((await fetch(`${base}/open311/v2/services.json`)).status).toBe(404);
  });
});
