import fc from 'fast-check';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { answersFor, as, assignedToPublicWorks, pothole, startTestApi, type TestApi } from './api-harness';
import { nestedJson, RAW_URL_VALUES, samples, wrongJson, wrongText } from './hostile/hostile-values';
import { type Operation, operationsOf, type Parameter, type Schema, servedRoutes } from './hostile/operations';
import { closeRawConnections, percentEncode, type RawAnswer, sendRaw } from './hostile/raw-http';
import { collectPluginMetadata, servedDocument } from './hostile/served-document';
import { brokenRule } from './hostile/verdict';

/**
 * Hostile input against every operation of the OpenAPI document the app serves: generated bad
 * values for each path and query parameter and each body field (fast-check, from the schema, with
 * a fixed seed), a corpus of hostile bodies and headers, each sent with the tokens of several
 * roles. Every answer must keep the rules of `brokenRule` (never a 5xx; a refusal in the route's
 * format naming what it refuses), and a refused request must leave the event log as it was. A new
 * route is in the document, so it is covered here without a test of its own.
 */

const SEED = 311;
/** Generated values per parameter and per body field (each sent once per role), and raw URL escapes per parameter. */
const RUNS = 3;
const RAW_RUNS = 2;
/**
 * Each test sends some thousand requests, one at a time (so every refusal can be checked against
 * the event log): on a loaded 2-core machine that can outlast Jest's 20 s bound for a wait.
 */
const SUITE_STEP_MS = 120_000;
const ROLES = { operator: as.operator, dpwStaff: as.dpwStaff, director: as.director, resident: as.resident } as const;
/** The fixed corpora go to the roles that reach furthest into the routes (the others mostly stop at a 403). */
const CORPUS_ROLES = ['operator', 'dpwStaff'] as const;
/** Routes the app serves outside the document: the console's files and Open311's catch-all 404. */
const UNDOCUMENTED = [/^[A-Z]+ \/$/, /^[A-Z]+ \/console/, /^[A-Z]+ \/\*$/, /^[A-Z]+ \/open311\/v2\/\*$/];

interface Target {
  readonly api: TestApi;
  readonly base: string;
  readonly ticketId: string;
  readonly operations: readonly Operation[];
}

/** A request to send: an operation with some part replaced. */
interface Attempt {
  readonly label: string;
  readonly path?: Readonly<Record<string, string>>;
  /** Raw `name=value` pairs (percent-encoded as they are to be sent). */
  readonly query?: readonly string[];
  readonly body?: { readonly contentType?: string; readonly bytes: Buffer };
  readonly headers?: Readonly<Record<string, string>>;
  /** The attempt carries what no route may accept (forbidden text, a prototype key, a shape over the limits): a 2xx breaks the rules. */
  readonly mustRefuse?: boolean;
}

const MARK = '@@HOSTILE@@';

describe('hostile input against every route of the OpenAPI document', () => {
  let target: Target;
  let running: TestApi | undefined;
  let head: () => Promise<string | undefined>;
  /** Events appended after `position` by the request with `correlationId` (other writers of the app, the SLA watcher, may append meanwhile). */
  let appendedBy: (position: string | undefined, correlationId: string) => Promise<string[]>;
  const failures: string[] = [];
  let sent = 0;
  let numbered = 0;

  beforeAll(async () => {
    const metadata = collectPluginMetadata();
    const api = await startTestApi({ slaWatchIntervalMs: 3_600_000 });
    running = api;
    const store = api.app.get<EventStore>(EVENT_STORE);
    head = async () => {
      for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
      return undefined;
    };
    appendedBy = async (position, correlationId) => {
      const appended: string[] = [];
      for await (const event of store.readAll({ after: position })) {
        if (event.metadata.correlationId === correlationId) appended.push(`${event.type} on ${event.streamName}`);
      }
      return appended;
    };
    // Tickets in several states, so path parameters reach the deeper checks.
    const ticketId = await assignedToPublicWorks(api);
    await api.command('/tickets', as.operator, pothole);
    const worked = await assignedToPublicWorks(api);
    await api.command(`/tickets/${worked}/start`, as.dpwStaff);
    await api.command(`/tickets/${worked}/comments`, as.dpwStaff, { body: 'Internal note of the hostile-input suite', visibility: 'internal' });
    const last = await api.command(`/tickets/${worked}/complete`, as.dpwStaff, { resolutionCode: 'repaired', note: 'Filled' });
    // The read models have everything seeded before the first hostile request.
    await api.request('GET', `/tickets?position=${last.body.position}`, { token: as.operator });
    const document = await servedDocument(api.app, metadata);
    target = { api, base: await api.app.getUrl(), ticketId, operations: operationsOf(document) };
  }, 120_000);

  afterAll(async () => {
    closeRawConnections();
    await running?.close();
  });

  /** Sends one attempt on `operation` as each role and records every rule it breaks. */
  async function attempt(
    operation: Operation,
    change: Attempt,
    roles: readonly (keyof typeof ROLES | 'none')[] = Object.keys(ROLES) as (keyof typeof ROLES)[],
  ): Promise<void> {
    for (const role of roles) {
      const correlationId = `hostile-${(numbered += 1)}`;
      const request = requestFor(
        target,
        operation,
        { ...change, headers: { 'x-correlation-id': correlationId, ...change.headers } },
        role === 'none' ? undefined : ROLES[role],
      );
      const before = await head();
      let answer: RawAnswer;
      try {
        answer = await sendRaw(target.base, request);
      } catch (error) {
        failures.push(`${operation.method} ${operation.path} [${role}] ${change.label}: no answer (${String(error)})`);
        continue;
      }
      sent += 1;
      const broken = brokenRule(answer, operation.path.startsWith('/open311/'), [...namesOf(operation), ...namesSent(request)]);
      const after = answer.status >= 400 ? await head() : before;
      // The log must not have moved; if it did, the events must be another writer's.
      const appended = after !== before ? await appendedBy(before, String(answer.headers['x-correlation-id'])) : [];
      const problem =
        broken ??
        (change.mustRefuse && answer.status < 400 ? 'accepted input that must be refused' : undefined) ??
        (answer.text.includes('could not be validated') ? 'the validation layer failed on it (input reached class-transformer unbounded)' : undefined) ??
        (appended.length > 0 ? `refused (${answer.status}) but it appended ${appended.join(', ')}` : undefined);
      if (problem) failures.push(`${operation.method} ${operation.path} [${role}] ${change.label}: ${problem} — ${answer.status} ${answer.text.slice(0, 300)}`);
    }
  }

  const expectNoFailures = () => {
    const shown = failures.splice(0);
    if (process.env.HOSTILE_FAILURES) require('node:fs').appendFileSync(process.env.HOSTILE_FAILURES, shown.join('\n') + '\n');
    expect(shown.slice(0, 25)).toEqual([]);
  };

  it('covers every route the app serves (the document lists them all)', () => {
    const documented = new Set(target.operations.map((operation) => `${operation.method} ${operation.path}`));
    const served = servedRoutes(target.api.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    const missing = served.filter((route) => !documented.has(route) && !UNDOCUMENTED.some((pattern) => pattern.test(route)));
    expect(missing).toEqual([]);
    // Both lists are read, not empty: the route tree's format is understood and the document is complete.
    expect(served.length).toBeGreaterThanOrEqual(30);
    expect(target.operations.length).toBeGreaterThanOrEqual(30);
  });

  it(
    'refuses generated bad values of every path and query parameter, naming the parameter',
    async () => {
      for (const [index, operation] of target.operations.entries()) {
        for (const [n, parameter] of operation.parameters.entries()) {
          const values = [
            ...samples(wrongText(parameter.schema), SEED + index * 100 + n, RUNS).map(percentEncode),
            ...samples(fc.constantFrom(...RAW_URL_VALUES), SEED + index * 100 + n, RAW_RUNS),
          ];
          for (const value of values) {
            const label = `${parameter.in} ${parameter.name}=${value.slice(0, 40)}`;
            const mustRefuse = forbiddenInUrl(value);
            if (parameter.in === 'path') await attempt(operation, { label, path: { [parameter.name]: value }, mustRefuse });
            else
              await attempt(operation, {
                label,
                query: [...baselineQuery(operation).filter((pair) => !pair.startsWith(`${parameter.name}=`)), `${parameter.name}=${value}`],
                mustRefuse,
              });
          }
        }
      }
      expectNoFailures();
    },
    SUITE_STEP_MS,
  );

  it(
    'refuses unknown, prototype-named, repeated and oversized query parameters',
    async () => {
      for (const operation of target.operations) {
        const base = baselineQuery(operation);
        const first = operation.parameters.find((parameter) => parameter.in === 'query');
        const extras: [string, string[]][] = [
          ['an unknown parameter', [...base, 'zz_unknown=1']],
          ['__proto__', [...base, '__proto__=1', '__proto__%5Bpolluted%5D=1']],
          ['constructor.prototype', [...base, 'constructor%5Bprototype%5D%5Bpolluted%5D=1', 'prototype=1']],
          ['a nameless parameter', [...base, '=1']],
          ['33 parameters', [...base, ...Array.from({ length: 33 }, (_, i) => `p${i}=1`)]],
          ['a 9,000-character query', [...base, `x=${'a'.repeat(9000)}`]],
          ...(first ? ([['a repeated parameter', [...base, `${first.name}=1`, `${first.name}=2`]]] as [string, string[]][]) : []),
        ];
        for (const [label, query] of extras) await attempt(operation, { label, query }, CORPUS_ROLES);
      }
      expectNoFailures();
    },
    SUITE_STEP_MS,
  );

  it(
    'refuses generated bad values of every body field, naming the field',
    async () => {
      for (const [index, operation] of target.operations.entries()) {
        if (!operation.body) continue;
        const form = operation.body.mediaType === 'application/x-www-form-urlencoded';
        for (const [n, [field, schema]] of fieldsOf(operation.body.schema).entries()) {
          const seed = SEED + index * 100 + n;
          if (form) {
            for (const value of [
              ...samples(wrongText(schema), seed, RUNS).map(percentEncode),
              ...samples(fc.constantFrom(...RAW_URL_VALUES), seed, RAW_RUNS),
            ]) {
              const body = { contentType: operation.body.mediaType, bytes: Buffer.from(formText(operation, target, { [field]: value })) };
              await attempt(operation, { label: `form ${field}=${value.slice(0, 40)}`, body, mustRefuse: forbiddenInUrl(value, 'body') });
            }
            continue;
          }
          for (const json of samples(wrongJson(schema), seed, RUNS)) {
            const text = JSON.stringify(withField(baselineBody(operation.body.schema, target), field, MARK)).replace(JSON.stringify(MARK), json);
            await attempt(operation, {
              label: `body ${field}=${json.slice(0, 40)}`,
              body: { contentType: 'application/json', bytes: Buffer.from(text) },
              mustRefuse: forbiddenInJson(JSON.parse(json)),
            });
          }
        }
      }
      expectNoFailures();
    },
    SUITE_STEP_MS,
  );

  it(
    'refuses hostile bodies: deep nesting, wrong shapes, prototype keys, bad encodings, sizes and media types',
    async () => {
      for (const operation of target.operations) {
        const json = (text: string | Buffer, contentType = 'application/json') => ({ contentType, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) });
        const valid = operation.body
          ? operation.body.mediaType === 'application/json'
            ? JSON.stringify(baselineBody(operation.body.schema, target))
            : formText(operation, target, {})
          : '{}';
        const validType = operation.body?.mediaType ?? 'application/json';
        const bodies: [string, Attempt['body']][] = [
          ['5,000 nested arrays', json(nestedJson(5000, 'array'))],
          ['5,000 nested objects', json(nestedJson(5000, 'object'))],
          ['9 nested arrays', json(nestedJson(9, 'array'))],
          ['an array of the body', json(`[${valid}]`)],
          ['a string', json('"x"')],
          ['null', json('null')],
          ['a number', json('42')],
          ['an empty body', json('')],
          ['malformed JSON', json('{"a":')],
          ['JSON with a trailing comma', json('{"a":1,}')],
          ['bytes that are not UTF-8', json(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
          ['__proto__', json('{"__proto__":{"polluted":true}}')],
          ['constructor.prototype', json('{"constructor":{"prototype":{"polluted":true}}}')],
          ['a NUL in a member name', json('{"a\\u0000b":1}')],
          ['a lone surrogate in a member name', json('{"\\ud800":1}')],
          ['200 members', json(`{${Array.from({ length: 200 }, (_, i) => `"k${i}":1`).join(',')}}`)],
          ['an array of 1,000 items', json(`{"items":[${Array.from({ length: 1000 }, () => '0').join(',')}]}`)],
          ['a 60,000-character string', json(`{"description":"${'x'.repeat(60_000)}"}`)],
          ['a body over the limit', json(`{"description":"${'x'.repeat(70_000)}"}`)],
          ['charset=utf-16', json(valid, `${validType}; charset=utf-16`)],
          ['charset=latin1', json(valid, `${validType}; charset="ISO-8859-1"`)],
          ['the body as text/plain', json(valid, 'text/plain')],
          ['the body as application/xml', json('<ticket/>', 'application/xml')],
          ['a multipart body', json('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', 'multipart/form-data; boundary=b')],
          [
            'a form body where JSON is read, or JSON where a form is',
            validType === 'application/json' ? json('a=1&b=2', 'application/x-www-form-urlencoded') : json('{"api_key":"x"}'),
          ],
          ['a body without Content-Type', { bytes: Buffer.from(valid) }],
          ['a form with a bad escape', json('a=%ff&b=%', 'application/x-www-form-urlencoded')],
          ['a form with __proto__', json('__proto__=1&constructor=2', 'application/x-www-form-urlencoded')],
          ['a form with a NUL', json('description=a%00b', 'application/x-www-form-urlencoded')],
          ['a form of 150 fields', json(Array.from({ length: 150 }, (_, i) => `f${i}=1`).join('&'), 'application/x-www-form-urlencoded')],
        ];
        // No Content-Length is no body: a GET may be sent an empty one.
        for (const [label, body] of bodies) {
          await attempt(
            operation,
            { label, body, mustRefuse: MUST_REFUSE.has(label) && !(label === 'an empty body' && operation.method === 'GET') },
            CORPUS_ROLES,
          );
        }
      }
      expectNoFailures();
    },
    SUITE_STEP_MS,
  );

  it(
    'refuses hostile headers',
    async () => {
      for (const operation of target.operations) {
        const headers: Record<string, string>[] = [
          { authorization: 'Bearer' },
          { authorization: 'Bearer ' },
          { authorization: 'Basic ZGVtbzpkZW1v' },
          { authorization: `Bearer ${'x'.repeat(4000)}` },
          { authorization: 'Bearer a.b.c' },
          { authorization: 'bearer demo-operator-ada' },
          { authorization: 'Bearer demo-operator-ada demo-director-dee' },
          { 'if-match': 'garbage' },
          { 'if-match': 'W/"99999999999999999999999"' },
          { 'if-match': 'W/"-1"' },
          { 'idempotency-key': ' ' },
          { 'idempotency-key': 'k'.repeat(500) },
          { 'x-correlation-id': `x${'y'.repeat(300)}` },
          { 'x-correlation-id': 'caf\u00e9' },
          { 'last-event-id': '9'.repeat(40) },
          { 'last-event-id': '-1' },
          { accept: 'application/xml' },
          { 'content-type': ';;;' },
          { 'content-type': 'application/json; charset' },
        ];
        for (const header of headers) {
          const roles = 'authorization' in header ? (['none'] as const) : (['operator'] as const);
          await attempt(operation, { label: `header ${JSON.stringify(header).slice(0, 60)}`, headers: header }, roles);
        }
        await attempt(operation, { label: 'no credentials' }, ['none']);
      }
      expectNoFailures();
      // The suite is only as good as the number of requests that reached the app.
      expect(sent).toBeGreaterThan(2000);
      console.info(`hostile-input suite: ${sent} requests`);
    },
    SUITE_STEP_MS,
  );
});

/** Body corpus entries no route may accept, whatever it reads. */
const MUST_REFUSE = new Set([
  '5,000 nested arrays',
  '5,000 nested objects',
  '9 nested arrays',
  'an array of the body',
  'a string',
  'null',
  'a number',
  'an empty body',
  'malformed JSON',
  'JSON with a trailing comma',
  'bytes that are not UTF-8',
  '__proto__',
  'constructor.prototype',
  'a NUL in a member name',
  'a lone surrogate in a member name',
  '200 members',
  'an array of 1,000 items',
  'a 60,000-character string',
  'a body over the limit',
  'charset=utf-16',
  'charset=latin1',
  'the body as text/plain',
  'the body as application/xml',
  'a multipart body',
  'a form body where JSON is read, or JSON where a form is',
  'a form with a bad escape',
  'a form with __proto__',
  'a form with a NUL',
  'a form of 150 fields',
]);

/** Text no field or parameter may hold, judged here independently of the API: C0 controls (bodies: but tab, LF, CR), DEL, lone surrogates. */
function forbiddenText(text: string, place: 'body' | 'url'): boolean {
  const control = place === 'body' ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  return control.test(text) || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** A percent-encoded URL (or form) value that does not decode as UTF-8, or decodes to forbidden text. */
function forbiddenInUrl(encoded: string, place: 'body' | 'url' = 'url'): boolean {
  try {
    return forbiddenText(decodeURIComponent(encoded.replace(/\+/g, ' ')), place);
  } catch {
    return true;
  }
}

/** A JSON value holding forbidden text or a prototype key anywhere. */
function forbiddenInJson(value: unknown): boolean {
  if (typeof value === 'string') return forbiddenText(value, 'body');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(forbiddenInJson);
  return Object.entries(value).some(
    ([key, inner]) => ['__proto__', 'constructor', 'prototype'].includes(key) || forbiddenText(key, 'body') || forbiddenInJson(inner),
  );
}

/** The names an operation's refusals may name: its parameters and fields. */
function namesOf(operation: Operation): string[] {
  return [
    ...operation.parameters.map((parameter) => parameter.name),
    ...(operation.body ? fieldsOf(operation.body.schema).map(([field]) => field.split('.').pop() as string) : []),
  ];
}

/** The parameter and field names a request itself sent (decoded where they decode): a refusal may name any. */
function namesSent(request: { path: string; headers: Record<string, string>; body?: Buffer }): string[] {
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  const pairs = (text: string) =>
    text
      .split('&')
      .map((pair) => decode(pair.split('=')[0]))
      .filter(Boolean);
  const query = request.path.includes('?') ? pairs(request.path.slice(request.path.indexOf('?') + 1)) : [];
  const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') && request.body ? pairs(request.body.toString('latin1')) : [];
  return [...query, ...form];
}

/** Body fields to replace one at a time: top-level properties and those of nested objects (dotted). */
function fieldsOf(schema: Schema, parent = ''): [string, Schema][] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]): [string, Schema][] => {
    const field = parent ? `${parent}.${name}` : name;
    return [[field, property], ...(property.properties && !parent ? fieldsOf(property, field) : [])];
  });
}

/** A copy of `body` with `field` (dotted) set to `value`. */
function withField(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = field.split('.');
  if (rest.length === 0) return { ...body, [head]: value };
  const inner = typeof body[head] === 'object' && body[head] !== null ? (body[head] as Record<string, unknown>) : {};
  return { ...body, [head]: withField(inner, rest.join('.'), value) };
}

/** Values for names the document does not constrain enough to guess: seeded ids and catalog codes. */
const NAME_HINTS: Record<string, (target: Target) => unknown> = {
  serviceCode: () => 'POTHOLE',
  service_code: () => 'POTHOLE',
  department: () => 'DPW',
  description: () => 'Hostile-input suite ticket',
  note: () => 'Hostile-input suite note',
  body: () => 'Hostile-input suite comment',
  resolutionCode: () => 'repaired',
  attributes: () => answersFor('POTHOLE'),
  api_key: () => as.resident,
  lat: () => '42.77',
  long: () => '-71.08',
  from: () => '2026-11-01T00:00:00Z',
  to: () => '2026-11-03T00:00:00Z',
  groupBy: () => 'department',
  period: () => 'day',
};

/** A value the schema allows (hinted by name where it says too little). */
function validValue(name: string, schema: Schema, target: Target): unknown {
  const hint = NAME_HINTS[name];
  if (hint) return hint(target);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'object' || schema.properties) return baselineBody(schema, target);
  if (schema.type === 'array') return [];
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** A body with every required field (and hinted optional ones) set to an allowed value. */
function baselineBody(schema: Schema, target: Target): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(schema.properties ?? {})
      .filter(([name]) => required.has(name) || name === 'attributes')
      .map(([name, property]) => [name, validValue(name, property, target)]),
  );
}

/** A form body with the required fields (and the service's answers), `changes` given raw (percent-encoded). */
function formText(operation: Operation, target: Target, changes: Readonly<Record<string, string>>): string {
  const schema = operation.body?.schema ?? {};
  const fields: Record<string, string> = {};
  for (const name of [...(schema.required ?? []), 'lat', 'long'])
    fields[name] = percentEncode(String(validValue(name, schema.properties?.[name] ?? {}, target)));
  if (schema.additionalProperties) {
    for (const [code, answer] of Object.entries(answersFor('POTHOLE'))) fields[percentEncode(`attribute[${code}]`)] = percentEncode(String(answer));
  }
  return Object.entries({ ...fields, ...changes })
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The required query parameters, with allowed values, percent-encoded. */
function baselineQuery(operation: Operation): string[] {
  return operation.parameters
    .filter((parameter): parameter is Parameter => parameter.in === 'query' && parameter.required)
    .map((parameter) => `${parameter.name}=${percentEncode(String(validValue(parameter.name, parameter.schema, {} as Target)))}`);
}

/** A value for a path parameter: a seeded ticket, a catalog department or service, the JSON format. */
function pathValue(operation: Operation, name: string, target: Target): string {
  const before = operation.path.split(`{${name}}`)[0].split('/').filter(Boolean).pop() ?? '';
  if (name === 'format') return 'json';
  if (before === 'departments') return 'DPW';
  if (before === 'services') return 'POTHOLE';
  if (before === 'tickets' || before === 'requests') return target.ticketId;
  return 'x';
}

/** The raw request of an attempt: the operation's baseline with the attempt's parts in place. */
function requestFor(target: Target, operation: Operation, change: Attempt, token: string | undefined) {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => change.path?.[name] ?? percentEncode(pathValue(operation, name, target)));
  const query = change.query ?? baselineQuery(operation);
  const valid = operation.body
    ? operation.body.mediaType === 'application/json'
      ? { contentType: 'application/json', bytes: Buffer.from(JSON.stringify(baselineBody(operation.body.schema, target))) }
      : { contentType: operation.body.mediaType, bytes: Buffer.from(formText(operation, target, {})) }
    : undefined;
  const body = change.body ?? valid;
  return {
    method: operation.method,
    path: query.length > 0 ? `${path}?${query.join('&')}` : path,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body?.contentType ? { 'content-type': body.contentType } : {}),
      ...change.headers,
    },
    body: body?.bytes,
  };
}
