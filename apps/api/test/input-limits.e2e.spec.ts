import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { DOCS_CONTENT_SECURITY_POLICY } from '../src/http/security-headers';
import { INPUT_LIMITS } from '../src/input/input-limits';
import { as, assignedToPublicWorks, pothole, useTestApi } from './api-harness';
import { sendRaw, closeRawConnections } from './hostile/raw-http';

/** The bounds on untrusted input (docs/api.md "Input limits"), one class of defect at a time. */
describe('input limits', () => {
  const api = useTestApi();
  afterAll(() => closeRawConnections());

  const raw = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string | Buffer; token?: string } = {}) => {
    const answer = await sendRaw(await api().app.getUrl(), {
      method,
      path,
      headers: { authorization: `Bearer ${init.token ?? as.operator}`, ...init.headers },
      body: init.body === undefined ? undefined : Buffer.isBuffer(init.body) ? init.body : Buffer.from(init.body),
    });
    const json = answer.headers['content-type']?.toString().startsWith('application/json') ? JSON.parse(answer.text) : undefined;
    return { ...answer, json };
  };
  const json = (path: string, body: string | Buffer, token?: string, contentType = 'application/json') =>
    raw('POST', path, { headers: { 'content-type': contentType }, body, token });
  const fields = (answer: { json?: { problems?: { field: string }[] } }) => answer.json?.problems?.map((problem) => problem.field);
  const head = async () => {
    for await (const event of api().app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
    return undefined;
  };

  describe('the shape of a JSON body is bounded before validation: a 400 naming the field, never a 500', () => {
    it('refuses 5,000 nested arrays (a 10 KB body) on every JSON command route, and writes nothing', async () => {
      const id = await assignedToPublicWorks(api());
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const before = await head();
      for (const path of [
        '/tickets',
        ...['assign', 'start', 'hold', 'resume', 'escalate', 'comments', 'priority', 'complete', 'reopen', 'close'].map(
          (command) => `/tickets/${id}/${command}`,
        ),
      ]) {
        const answer = await json(path, deep);
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expect(answer.json.problems).toEqual([{ field: '0.0.0.0.0.0.0.0', message: expect.stringContaining(`at most ${INPUT_LIMITS.maxDepth} levels`) }]);
      }
      expect(await head()).toBe(before);
    });

    it('accepts the limits and refuses one past each, naming the field', async () => {
      const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}1${'}'.repeat(levels - 1)}`;
      const attributes = (inner: string) => JSON.stringify({ ...pothole, attributes: { SIZE: 'large', IN_ROADWAY: 'yes', EXTRA: '@' } }).replace('"@"', inner);
      // attributes.EXTRA sits at level 3 (nested(n) is n - 1 objects deep); the domain refuses an unknown
      // attribute, so a body within the limits shows as InvalidCommand.
      expect((await json('/tickets', attributes(nested(INPUT_LIMITS.maxDepth - 1)))).json.error).toBe('InvalidCommand');
      expect(fields(await json('/tickets', attributes(nested(INPUT_LIMITS.maxDepth))))).toEqual([`attributes.EXTRA${'.a'.repeat(INPUT_LIMITS.maxDepth - 2)}`]);

      const items = (count: number) => `[${Array.from({ length: count }, () => '"x"').join(',')}]`;
      expect((await json('/tickets', attributes(items(INPUT_LIMITS.maxArrayItems)))).json.error).toBe('InvalidCommand');
      expect(fields(await json('/tickets', attributes(items(INPUT_LIMITS.maxArrayItems + 1))))).toEqual(['attributes.EXTRA']);

      const members = (count: number) => `{${Array.from({ length: count }, (_, i) => `"m${i}":1`).join(',')}}`;
      expect((await json('/tickets', attributes(members(INPUT_LIMITS.maxKeysPerObject)))).json.error).toBe('InvalidCommand');
      expect(fields(await json('/tickets', attributes(members(INPUT_LIMITS.maxKeysPerObject + 1))))).toEqual(['attributes.EXTRA']);

      const long = await json('/tickets', JSON.stringify({ ...pothole, location: { address: 'x'.repeat(INPUT_LIMITS.maxStringLength + 1) } }));
      expect(long.json.problems).toEqual([
        { field: 'location.address', message: expect.stringContaining(`at most ${INPUT_LIMITS.maxStringLength} characters`) },
      ]);

      const many = `{${Array.from({ length: 40 }, (_, i) => `"k${i}":[${Array.from({ length: 30 }, () => '0').join(',')}]`).join(',')}}`;
      expect(fields(await json('/tickets', many))).toEqual(['(body)']);
    });

    it('refuses an array or a bare value as the body once, not once per field', async () => {
      for (const body of [`[${JSON.stringify(pothole)}]`, '"x"', '42', 'null']) {
        const answer = await json('/tickets', body);
        expect(answer.status).toBe(400);
        expect(answer.json.problems).toEqual([{ field: '(body)', message: expect.stringContaining('must be a JSON object') }]);
      }
    });

    it('refuses prototype keys anywhere in a body', async () => {
      for (const [body, field] of [
        ['{"__proto__":{"polluted":true}}', '__proto__'],
        [JSON.stringify({ ...pothole, location: JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') }), 'location.constructor'],
        [JSON.stringify({ ...pothole, attributes: { prototype: 1 } }), 'attributes.prototype'],
      ]) {
        const answer = await json('/tickets', body);
        expect({ body, fields: fields(answer) }).toEqual({ body, fields: [field] });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('text: no NUL, control characters or lone surrogates in any string of a body or URL', () => {
    it('refuses them in body values and member names, naming the field, and stores nothing', async () => {
      const before = await head();
      for (const [body, field] of [
        [JSON.stringify({ ...pothole, description: 'a\u0000b' }), 'description'],
        ['{"serviceCode":"POTHOLE","description":"a\\ud800b","channel":"phone"}', 'description'],
        ['{"serviceCode":"POTHOLE","description":"ok","channel":"phone","contact":{"name":"\\udc00"}}', 'contact.name'],
        [JSON.stringify({ ...pothole, description: 'bell \u0007' }), 'description'],
        [JSON.stringify({ ...pothole, description: 'esc \u001b[2J' }), 'description'],
        ['{"a\\u0000":1}', '["a\\u0000"]'],
      ]) {
        const answer = await json('/tickets', body);
        expect({ body, status: answer.status, fields: fields(answer) }).toEqual({ body, status: 400, fields: [field] });
      }
      expect(await head()).toBe(before);
    });

    it('keeps tabs, line breaks and any valid Unicode in descriptions', async () => {
      const answer = await json('/tickets', JSON.stringify({ ...pothole, description: 'Two lines\r\nand\ta tab; 😀 déjà vu' }));
      expect(answer.status).toBe(201);
    });

    it('refuses them in query values and path parameters, naming the parameter', async () => {
      const id = await assignedToPublicWorks(api());
      for (const [path, field] of [
        ['/tickets?text=a%00b', 'text'],
        ['/tickets?text=a%0Ab', 'text'],
        ['/tickets?text=%ED%A0%80', 'text'],
        ['/tickets?text=%ff', 'text'],
        ['/tickets?text=%', 'text'],
        [`/tickets/${id}%00`, 'id'],
        [`/tickets/${'A'.repeat(INPUT_LIMITS.maxPathParameterLength + 1)}`, 'id'],
      ]) {
        const answer = await raw('GET', path);
        expect({ path, status: answer.status, fields: fields(answer) }).toEqual({ path, status: 400, fields: [field] });
      }
    });
  });

  describe('encodings and media types', () => {
    it('reads bodies as UTF-8 only: another declared charset is a 415 naming it; bytes that are not UTF-8 are a 400', async () => {
      const body = JSON.stringify(pothole);
      for (const charset of ['utf-16', 'UTF-16LE', 'iso-8859-1', '"latin1"']) {
        const answer = await json('/tickets', body, undefined, `application/json; charset=${charset}`);
        expect(answer.status).toBe(415);
        expect(answer.json).toMatchObject({
          error: 'UnsupportedMediaType',
          problems: [{ field: 'Content-Type', message: expect.stringContaining(`charset=${charset.replace(/"/g, '')}`) }],
        });
      }
      for (const charset of ['utf-8', 'UTF-8', 'utf8'])
        expect((await json('/tickets', body, undefined, `application/json; charset=${charset}`)).status).toBe(201);
      const notUtf8 = await json('/tickets', Buffer.concat([Buffer.from('{"description":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
      expect(notUtf8.json).toMatchObject({ statusCode: 400, problems: [{ field: '(body)', message: 'is not valid UTF-8 text' }] });
    });

    it('answers a body in the wrong media type for the route with 415 naming Content-Type', async () => {
      for (const [path, body, type] of [
        ['/tickets', 'serviceCode=POTHOLE', 'application/x-www-form-urlencoded'],
        ['/tickets', '<ticket/>', 'application/xml'],
      ]) {
        const answer = await json(path, body, undefined, type);
        expect(answer.status).toBe(415);
        expect(fields(answer)).toEqual(['Content-Type']);
      }
    });

    it('refuses a body where a route takes none, also on GET', async () => {
      expect(fields(await json('/departments/DPW/queue/claim', '{"ticketId":"x"}', as.dpwStaff))).toEqual(['(body)']);
      expect(fields(await raw('GET', '/tickets', { headers: { 'content-type': 'application/json' }, body: '{"limit":1}' }))).toEqual(['(body)']);
    });
  });

  describe('query parameters: every one validated up front, unknown ones refused', () => {
    it('refuses a parameter a route does not declare, naming it, on every kind of route', async () => {
      const id = await assignedToPublicWorks(api());
      for (const path of [
        '/health?verbose=1',
        '/me?x=1',
        `/tickets/${id}?include=everything`,
        `/tickets/${id}/history?asof=2026-11-01T00:00:00Z`,
        '/tickets?sort=asc',
        '/escalations?page=2',
      ]) {
        const answer = await raw('GET', path, { token: as.director });
        const name = path.split('?')[1].split('=')[0];
        expect({ path, status: answer.status, fields: fields(answer) }).toEqual({ path, status: 400, fields: [name] });
      }
    });

    it('bounds the query string: parameters, lengths', async () => {
      const many = Array.from({ length: INPUT_LIMITS.maxQueryParameters + 1 }, (_, i) => `p${i}=1`).join('&');
      expect(fields(await raw('GET', `/tickets?${many}`))).toEqual(['(query)']);
      expect(fields(await raw('GET', `/tickets?text=${'a'.repeat(INPUT_LIMITS.maxQueryValueLength + 1)}`))).toEqual(['text']);
      expect(fields(await raw('GET', `/tickets?text=${'a'.repeat(INPUT_LIMITS.maxQueryLength)}`))).toEqual(['(query)']);
    });

    it('refuses impossible values at once: limits out of range, unknown states, instants without a zone, ranges the wrong way round', async () => {
      for (const [path, field] of [
        ['/tickets?limit=0', 'limit'],
        ['/tickets?limit=501', 'limit'],
        ['/tickets?limit=1e2', 'limit'],
        ['/tickets?state=unopened', 'state'],
        ['/tickets?channel=pigeon', 'channel'],
        ['/tickets?openedFrom=2026-11-02T10:00', 'openedFrom'],
        ['/tickets?openedFrom=2026-11-03T00:00:00Z&openedTo=2026-11-02T00:00:00Z', 'openedFrom'],
        ['/tickets?cursor=not%20a%20cursor', 'cursor'],
        ['/departments/DPW/queue?limit=1001', 'limit'],
        ['/escalations?limit=201', 'limit'],
      ]) {
        const answer = await raw('GET', path, { token: as.director });
        expect({ path, status: answer.status, fields: fields(answer) }).toEqual({ path, status: 400, fields: [field] });
      }
    });

    it('refuses a history asOf in the future, as every asOf', async () => {
      const id = await assignedToPublicWorks(api());
      const answer = await raw('GET', `/tickets/${id}/history?asOf=2030-01-01T00:00:00Z`);
      expect(answer.status).toBe(400);
      expect(answer.json.problems).toEqual([{ field: 'asOf', message: expect.stringContaining('must not be after now') }]);
      expect((await raw('GET', `/tickets/${id}/history?asOf=2026-11-02T14:00:00Z`)).status).toBe(200);
    });

    it('answers 404 for an unknown department in /escalations, as in every department route', async () => {
      const answer = await raw('GET', '/escalations?department=NOPE', { token: as.director });
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ error: 'NotFound', what: 'department', id: 'NOPE' });
    });
  });

  describe("every error in the project's problem shape, with its correlation id — Fastify's own too", () => {
    it.each([
      ['a bad URL escape', 'GET', '/nope/%ff', 400, '(url)'],
      ['a bad escape in a ticket id', 'GET', '/tickets/%ff', 400, '(url)'],
      ['a route that does not exist', 'GET', '/nope', 404, undefined],
      ['a method a route does not take', 'DELETE', '/tickets', 404, undefined],
    ])('%s', async (_, method, path, status, field) => {
      const answer = await raw(method as string, path as string, { headers: { 'x-correlation-id': 'hostile-1' } });
      expect(answer.status).toBe(status);
      expect(answer.json).toMatchObject({ statusCode: status, correlationId: 'hostile-1' });
      if (field) expect(fields(answer)).toEqual([field]);
      else expect(answer.json).toMatchObject({ what: 'route', id: `${method} ${path}` });
      expect(answer.headers['x-correlation-id']).toBe('hostile-1');
    });

    it('answers an error of a route that sets its own Content-Type (the Prometheus scrape) as JSON', async () => {
      const answer = await raw('GET', '/metrics?name=x');
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ problems: [{ field: 'name' }] });
    });

    it('answers errors of Open311 routes in Open311 format, also those raised before the route runs', async () => {
      for (const [path, init, status, text] of [
        ['/open311/v2/services.json?bogus=1', {}, 400, 'bogus is not a parameter'],
        ['/open311/v2/requests/%ff.json', {}, 400, '(url)'],
        ['/open311/v2/requests.json?page=%00', {}, 400, 'page must not contain control characters'],
        ['/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }, 400, '(body) is not valid JSON'],
        [
          '/open311/v2/requests.json',
          { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `api_key=${as.resident}&description=%ff` },
          400,
          'description is not valid percent-encoded UTF-8',
        ],
        [
          '/open311/v2/requests.json',
          { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-16' }, body: 'api_key=x' },
          400,
          'Content-Type charset=utf-16',
        ],
      ] as const) {
        const { method = 'GET', ...rest } = init as { method?: string; headers?: Record<string, string>; body?: string };
        const answer = await raw(method, path, rest);
        expect({ path, status: answer.status }).toEqual({ path, status });
        expect(answer.json).toEqual([{ code: status, description: expect.stringContaining(text) }]);
      }
    });
  });

  describe('security headers on every answer', () => {
    it('sends nosniff and a Content-Security-Policy on answers, errors, 404s, router errors and Open311 documents', async () => {
      for (const [method, path] of [
        ['GET', '/health'],
        ['GET', '/tickets?limit=0'],
        ['GET', '/nope'],
        ['GET', '/nope/%ff'],
        ['GET', '/open311/v2/services.xml'],
        ['GET', '/departments/DPW/queue/events'],
      ]) {
        const answer = await raw(method, path, { token: as.dpwStaff });
        expect({ path, nosniff: answer.headers['x-content-type-options'], csp: answer.headers['content-security-policy'] }).toEqual({
          path,
          nosniff: 'nosniff',
          csp: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        });
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
      }
    });

    it('gives /docs the policy Swagger UI needs (scripts and styles of its own, no framing)', async () => {
      // The UI itself is off in tests (Jest cannot load @fastify/static); the policy goes by path.
      const answer = await raw('GET', '/docs');
      expect(answer.headers['content-security-policy']).toBe(DOCS_CONTENT_SECURITY_POLICY);
      expect(DOCS_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(DOCS_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    });
  });
});
