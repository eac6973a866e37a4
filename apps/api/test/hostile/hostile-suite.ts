import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { answersFor, as, assignedToPublicWorks, pothole, startTestApi, type TestApi } from '../api-harness';
import { type Operation, operationsOf, type Parameter, type Schema } from './operations';
import { closeRawConnections, percentEncode, type RawAnswer, sendRaw } from './raw-http';
import { collectPluginMetadata, servedDocument } from './served-document';
import { brokenRule } from './verdict';

/**
 * Hostile input against every operation of the OpenAPI document the app serves: generated bad
 * values for each path and query parameter and each body field (fast-check, from the schema, with
 * a fixed seed), a corpus of hostile bodies and headers, each sent with the tokens of several
 * roles. Every answer must keep the rules of `brokenRule` (never a 5xx; a refusal in the route's
 * format naming what it refuses), and a refused request must leave the event log as it was. A new
 * route is in the document, so it is covered here without a test of its own.
 *
 * What the hostile-input files share: the app they attack (one per file, so Jest runs the files on
 * several workers), the attempt and its verdict, and the request builders. Each file is one part
 * of the attack (hostile-input*.e2e.spec.ts).
 */

export const SEED = 311;
/** Generated values per parameter and per body field (each sent once per role), and raw URL escapes per parameter. */
export const RUNS = 3;
export const RAW_RUNS = 2;
/**
 * A test sends up to some thousand requests, one at a time (so every refusal can be checked against
 * the event log): on a loaded 2-core machine that can outlast Jest's 20 s bound for a wait.
 */
export const SUITE_STEP_MS = 120_000;
export const ROLES = { operator: as.operator, dpwStaff: as.dpwStaff, director: as.director, resident: as.resident } as const;
/** The fixed corpora go to the roles that reach furthest into the routes (the others mostly stop at a 403). */
export const CORPUS_ROLES = ['operator', 'dpwStaff'] as const;
/** Routes the app serves outside the document: the console's files and Open311's catch-all 404. */
export const UNDOCUMENTED = [/^[A-Z]+ \/$/, /^[A-Z]+ \/console/, /^[A-Z]+ \/\*$/, /^[A-Z]+ \/open311\/v2\/\*$/];

export interface Target {
  readonly api: TestApi;
  readonly base: string;
  readonly ticketId: string;
  readonly operations: readonly Operation[];
}

/** A request to send: an operation with some part replaced. */
export interface Attempt {
  readonly label: string;
  readonly path?: Readonly<Record<string, string>>;
  /** Raw `name=value` pairs (percent-encoded as they are to be sent). */
  readonly query?: readonly string[];
  readonly body?: { readonly contentType?: string; readonly bytes: Buffer };
  readonly headers?: Readonly<Record<string, string>>;
  /** The attempt carries what no route may accept (forbidden text, a prototype key, a shape over the limits): a 2xx breaks the rules. */
  readonly mustRefuse?: boolean;
}

export const MARK = '@@HOSTILE@@';

/** The attack's state in one file: registers the app's start and stop around the file's tests. */
export interface HostileSuite {
  /** The app under attack, its seeded ticket and the document's operations (inside a test). */
  readonly target: Target;
  /** Requests that reached the app so far in this file. */
  readonly sent: number;
  /** Sends one attempt on `operation` as each role and records every rule it breaks. */
  attempt(operation: Operation, change: Attempt, roles?: readonly (keyof typeof ROLES | 'none')[]): Promise<void>;
  /** Fails the test with the rules broken since the last call (the first 25). */
  expectNoFailures(): void;
}

/** Starts the app (before the file's tests) with tickets in several states, and collects the document it serves. */
export function hostileSuite(): HostileSuite {
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
    console.info(`hostile-input: ${sent} requests`);
    closeRawConnections();
    await running?.close();
  });

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

  return {
    get target() {
      if (!target) throw new Error('the hostile-input suite has not started');
      return target;
    },
    get sent() {
      return sent;
    },
    attempt,
    expectNoFailures,
  };
}

/** Body corpus entries no route may accept, whatever it reads. */
export const MUST_REFUSE = new Set([
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
export function forbiddenInUrl(encoded: string, place: 'body' | 'url' = 'url'): boolean {
  try {
    return forbiddenText(decodeURIComponent(encoded.replace(/\+/g, ' ')), place);
  } catch {
    return true;
  }
}

/** A JSON value holding forbidden text or a prototype key anywhere. */
export function forbiddenInJson(value: unknown): boolean {
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
export function fieldsOf(schema: Schema, parent = ''): [string, Schema][] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]): [string, Schema][] => {
    const field = parent ? `${parent}.${name}` : name;
    return [[field, property], ...(property.properties && !parent ? fieldsOf(property, field) : [])];
  });
}

/** A copy of `body` with `field` (dotted) set to `value`. */
export function withField(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
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
export function baselineBody(schema: Schema, target: Target): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(schema.properties ?? {})
      .filter(([name]) => required.has(name) || name === 'attributes')
      .map(([name, property]) => [name, validValue(name, property, target)]),
  );
}

/** A form body with the required fields (and the service's answers), `changes` given raw (percent-encoded). */
export function formText(operation: Operation, target: Target, changes: Readonly<Record<string, string>>): string {
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
export function baselineQuery(operation: Operation): string[] {
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
