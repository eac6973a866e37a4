import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { type Answer, as, pothole, useTestApi } from './api-harness';

/**
 * The API's OpenAPI document as `npm run api-types` builds it, with the @nestjs/swagger plugin's
 * metadata (apps/web/scripts/write-api-types.ts): in a process of its own, since the plugin's
 * metadata generator loads ES modules Jest cannot.
 */
async function builtDocument(): Promise<OpenAPIObject> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-openapi-'));
  const file = join(dir, 'document.json');
  const write = `require('./apps/web/scripts/write-api-types').buildDocument().then((d) => require('node:fs').writeFileSync(${JSON.stringify(file)}, JSON.stringify(d)))`;
  try {
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', write], { cwd: resolve(__dirname, '../../..') });
    return JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of OpenAPI 3's schema objects the API's document uses. */
interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly type?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

const KNOWN_KEYWORDS = new Set([
  '$ref',
  'allOf',
  'oneOf',
  'type',
  'nullable',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'description',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
]);

/**
 * Where `value` breaks `schema`, as `<path>: <why>` lines (none when it fits). Strict where the
 * console relies on the document: an object described by its properties may carry no other member,
 * so a field the API sends but the document leaves out fails as surely as a missing one.
 */
function violations(document: OpenAPIObject, schema: Schema, value: unknown, path: string): string[] {
  const unknownKeywords = Object.keys(schema).filter((key) => !KNOWN_KEYWORDS.has(key));
  if (unknownKeywords.length > 0) return [`${path}: the schema uses ${unknownKeywords.join(', ')}, which this check does not read`];
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name] as Schema | undefined;
    return target ? violations(document, target, value, path) : [`${path}: ${schema.$ref} is not in the document`];
  }
  if (schema.allOf) return schema.allOf.flatMap((part) => violations(document, part, value, path));
  if (schema.oneOf) {
    const fitting = schema.oneOf.filter((part) => violations(document, part, value, path).length === 0).length;
    return fitting === 1 ? [] : [`${path}: ${JSON.stringify(value)} fits ${fitting} of the ${schema.oneOf.length} schemas it must fit exactly one of`];
  }
  if (value === null) return schema.nullable ? [] : [`${path}: null, but the document does not let it be`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const bounds = boundViolations(schema, value, path);
  if (bounds.length > 0) return bounds;
  switch (schema.type) {
    case undefined:
      return [`${path}: the document says nothing of ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array, got ${JSON.stringify(value)}`];
      return schema.items
        ? value.flatMap((item, index) => violations(document, schema.items as Schema, item, `${path}[${index}]`))
        : [`${path}: no items schema`];
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object, got ${JSON.stringify(value)}`];
      const members = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const missing = (schema.required ?? []).filter((name) => !(name in members)).map((name) => `${path}.${name}: required, but not sent`);
      const found = Object.entries(members).flatMap(([name, member]) => {
        const described = properties[name];
        if (described) return violations(document, described, member, `${path}.${name}`);
        const extra = schema.additionalProperties;
        if (extra === true || (typeof extra === 'object' && Object.keys(extra).length === 0)) return [];
        if (typeof extra === 'object') return violations(document, extra, member, `${path}.${name}`);
        return [`${path}.${name}: sent, but not in the document`];
      });
      return [...missing, ...found];
    }
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: expected an integer, got ${JSON.stringify(value)}`];
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === schema.type ? [] : [`${path}: expected a ${schema.type}, got ${JSON.stringify(value)}`];
    default:
      return [`${path}: the check does not know type ${schema.type}`];
  }
}

/** Where a string or number is outside the bounds the schema gives (the API checked them on the way in). */
function boundViolations(schema: Schema, value: unknown, path: string): string[] {
  const broken: string[] = [];
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) broken.push(`${path}: shorter than ${schema.minLength}`);
  if (typeof value === 'string' && schema.maxLength !== undefined && value.length > schema.maxLength) broken.push(`${path}: longer than ${schema.maxLength}`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) broken.push(`${path}: below ${schema.minimum}`);
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) broken.push(`${path}: above ${schema.maximum}`);
  return broken;
}

/** The document's schema of what `method route` answers with `status` (a path template, e.g. `/tickets/{id}`). */
function answerSchema(document: OpenAPIObject, method: 'get' | 'post', route: string, status: number): Schema {
  const operation = document.paths[route]?.[method];
  if (!operation) throw new Error(`the document has no ${method.toUpperCase()} ${route}`);
  const response = operation.responses[String(status)] as { content?: Record<string, { schema?: Schema }> } | undefined;
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`the document describes no ${status} answer of ${method.toUpperCase()} ${route}`);
  return schema;
}

describe('the OpenAPI document describes what the routes answer', () => {
  const api = useTestApi();
  let document: OpenAPIObject;
  beforeAll(async () => {
    // A TypeScript program over the API, as the plugin builds it: slow.
    document = await builtDocument();
  }, 180_000);

  /** Fails the test unless the answer has the status given and fits the document's schema for it. */
  function expectDescribed(
    method: 'get' | 'post',
    route: string,
    answer: Answer,
    status = method === 'post' && route === '/tickets' ? 201 : 200,
  ): Answer['body'] {
    expect(answer.status).toBe(status);
    expect(violations(document, answerSchema(document, method, route, status), answer.body, `${method.toUpperCase()} ${route}`)).toEqual([]);
    return answer.body;
  }
  const get = async (route: string, url: string, token: string) => expectDescribed('get', route, await api().request('GET', url, { token }));

  it('the commands, the claim and every read of a ticket worked through its lifecycle', async () => {
    const opened = await api().command('/tickets', as.operator, pothole);
    expectDescribed('post', '/tickets', opened);
    const id: string = opened.body.ticketId;
    const other = (await api().command('/tickets', as.operator, { ...pothole, description: 'A second pothole, at 14 Elm St' })).body.ticketId as string;
    await api().command(`/tickets/${other}/assign`, as.operator, { department: 'DPW' });

    const steps: [string, string, unknown][] = [
      ['assign', as.operator, { department: 'DPW' }],
      ['start', as.dpwStaff, {}],
      ['hold', as.dpwStaff, { reason: 'waiting for the resident to confirm the spot' }],
      ['resume', as.dpwStaff, undefined],
      ['comments', as.dpwStaff, { body: 'Crew scheduled for Tuesday', visibility: 'public' }],
      ['priority', as.dpwHead, { priority: 'high', reason: 'school bus route' }],
      ['escalate', as.dpwStaff, { reason: 'complex', note: 'needs a trench permit' }],
    ];
    for (const [command, token, body] of steps) {
      api().clock.advance(30);
      expectDescribed('post', `/tickets/{id}/${command}`, await api().command(`/tickets/${id}/${command}`, token, body));
    }
    const claimed = await api().request('POST', '/departments/DPW/queue/claim', { token: as.dpwStaff });
    expectDescribed('post', '/departments/{id}/queue/claim', claimed);
    expect(claimed.body.ticketId).toBe(other);

    // An escalated ticket and one in progress: the queue, the list and the escalations show both, with their SLA fields.
    const position: string = claimed.body.position;
    expect((await get('/departments/{id}/queue', `/departments/DPW/queue?position=${position}`, as.dpwStaff)).entries).toHaveLength(2);
    expect((await get('/tickets', `/tickets?position=${position}`, as.operator)).tickets).toHaveLength(2);
    api().clock.advance(60 * 24 * 10);
    expect((await get('/escalations', '/escalations', as.director)).tickets).toHaveLength(2);
    await get('/escalations', `/escalations?asOf=${new Date(api().clock.now().getTime() - 60_000).toISOString()}`, as.director);
    await get('/tickets/{id}', `/tickets/${id}`, as.operator);
    await get('/tickets/{id}', `/tickets/${id}`, as.dpwStaff);
    await get('/tickets/{id}/history', `/tickets/${id}/history`, as.director);
    await get('/tickets/{id}/history', `/tickets/${id}/history?asOf=${new Date(api().clock.now().getTime() - 60_000).toISOString()}`, as.operator);

    for (const [command, token, body] of [
      ['complete', as.dpwHead, { resolutionCode: 'repaired', note: 'Filled and sealed' }],
      ['reopen', as.operator, { reason: 'resident reports it opened again' }],
      ['close', as.operator, { reason: 'withdrawn', note: 'resident withdrew' }],
    ] as const) {
      api().clock.advance(30);
      expectDescribed('post', `/tickets/{id}/${command}`, await api().command(`/tickets/${id}/${command}`, token, body));
    }
    await get('/tickets/{id}', `/tickets/${id}`, as.director);

    const now = api().clock.now();
    const from = new Date(now.getTime() - 30 * 86_400_000).toISOString();
    const to = new Date(now.getTime() + 86_400_000).toISOString();
    expect(
      (await get('/metrics/completion', `/metrics/completion?from=${from}&to=${to}&groupBy=department&period=week`, as.director)).figures.length,
    ).toBeGreaterThan(0);
    await get('/metrics/completion', `/metrics/completion?from=${from}&to=${to}&groupBy=service&period=range&asOf=${now.toISOString()}`, as.director);
  });

  it('who the caller is and the catalog, for every kind of caller', async () => {
    for (const token of Object.values(as)) {
      await get('/me', '/me', token);
      await get('/departments', '/departments', token);
    }
  });

  it('the contact metrics: figures, the gaps list and the heat map, for the director and a department head', async () => {
    const article = {
      ownerDepartment: 'DPW',
      content: {
        translations: { en: { title: 'What day is my trash picked up?', answer: 'Once a week.' } },
        keywords: ['trash'],
        synonyms: [],
        serviceCodes: [],
        reviewEveryDays: 180,
      },
    };
    await api().command('/knowledge/articles/trash-day/draft', as.dpwHead, article);
    await api().command('/knowledge/articles/trash-day/publish', as.dpwHead, {});
    await api().command('/contacts/A/start', as.operator, { channel: 'phone', line: 'DPW', resident: { phone: '978-555-0199' } });
    await api().request('GET', '/knowledge/search?q=zzyzx%20qwrtp&contactId=A', { token: as.operator });
    await api().command('/contacts/A/article', as.operator, { articleId: 'trash-day' });
    await api().command('/contacts/A/transfer', as.operator, { department: 'TREASURER', reached: true });
    await api().command('/contacts/A/callback', as.operator, { department: 'DPW' }, { 'Idempotency-Key': 'openapi-cb' });
    api().clock.advance(5);
    await api().command('/contacts/A/end', as.operator, { outcome: 'handled' });
    const position: string = (await api().command('/contacts/B/start', as.operator, { channel: 'chat', line: 'TREASURER' })).body.position;
    const now = api().clock.now();
    const range = `from=${new Date(now.getTime() - 86_400_000).toISOString()}&to=${new Date(now.getTime() + 86_400_000).toISOString()}&position=${position}`;
    for (const token of [as.director, as.dpwHead]) {
      expect((await get('/metrics/contacts', `/metrics/contacts?${range}&groupBy=line&period=day`, token)).contacts.length).toBeGreaterThan(0);
      await get('/metrics/contacts', `/metrics/contacts?${range}&groupBy=all&period=range`, token);
      expect((await get('/metrics/contacts/gaps', `/metrics/contacts/gaps?${range}`, token)).gaps).toHaveLength(1);
      expect((await get('/metrics/contacts/busiest', `/metrics/contacts/busiest?${range}`, token)).lines.length).toBeGreaterThan(0);
    }
  });

  it('the knowledge base: an article through its lifecycle, its reads, the searches and a contact', async () => {
    const content = {
      translations: {
        en: { title: 'When is bulk item pickup?', answer: 'Book it online.\n- Mattresses\n- Sofas' },
        es: { title: '¿Cuándo recogen los muebles?', answer: 'Resérvelo en línea.' },
      },
      callTakerNote: 'Ask for the address',
      keywords: ['bulk', 'furniture'],
      synonyms: ['couch pickup'],
      serviceCodes: [],
      season: { from: '2026-01-01', until: '2026-12-31' },
      reviewEveryDays: 90,
    };
    const post = async (action: string, token: string, body: unknown) =>
      expectDescribed('post', '/knowledge/articles/{id}/{action}', await api().command(`/knowledge/articles/bulk-pickup/${action}`, token, body));
    await post('draft', as.dpwHead, { ownerDepartment: 'DPW', content });
    await post('edit', as.dpwHead, { changes: { keywords: ['bulk', 'furniture', 'mattress'] } });
    await post('publish', as.dpwHead, {});
    const proposed = await post('propose', as.operator, { changes: { callTakerNote: null }, reason: 'the note is out of date' });
    expect(proposed.status).toBe('published');
    const { position } = await post('revise', as.dpwHead, { changes: { reviewEveryDays: 120 } });

    const view = await get('/knowledge/articles/{id}', `/knowledge/articles/bulk-pickup?position=${position}`, as.operator);
    expect(view.article.pendingProposals).toHaveLength(1);
    await get('/knowledge/articles', `/knowledge/articles?position=${position}`, as.dpwHead);
    const history = await get('/knowledge/articles/{id}/history', '/knowledge/articles/bulk-pickup/history', as.dpwHead);
    expect(history.events.map((event: { type: string }) => event.type)).toContain('ChangeProposed');
    await get('/knowledge/search', `/knowledge/search?q=bulk&position=${position}`, as.operator);
    await get('/public/knowledge/search', '/public/knowledge/search?q=muebles&language=es', as.resident);
    await get('/public/knowledge/articles/{id}', '/public/knowledge/articles/bulk-pickup', as.resident);

    const contact = async (action: string, body: unknown) =>
      expectDescribed('post', '/contacts/{id}/{action}', await api().command(`/contacts/K1/${action}`, as.operator, body));
    await contact('start', { channel: 'phone', line: 'DPW', resident: { name: 'Ana Ruiz', phone: '978-555-0142' } });
    const searched = await get('/knowledge/search', '/knowledge/search?q=couch&contactId=K1', as.operator);
    expect(searched.recorded.contactId).toBe('K1');
    await contact('article', { articleId: 'bulk-pickup', language: 'es' });
    await contact('transfer', { department: 'DPW', reached: false });
    await contact('callback', { department: 'DPW' });
    await contact('end', { outcome: 'handled' });
    const shown = await get('/contacts/{id}', '/contacts/K1', as.director);
    expect(shown.contact.steps.map((step: { kind: string }) => step.kind)).toEqual(['article_used', 'transfer', 'callback_promised']);
  });

  it('and the check finds an answer that leaves the document', () => {
    const schema = answerSchema(document, 'post', '/tickets/{id}/start', 200);
    const answer = { ticketId: 'A2C-4F7K', revision: 1, position: '7', status: 'in_progress', events: ['WorkStarted'] };
    expect(violations(document, schema, answer, 'answer')).toEqual([]);
    expect(violations(document, schema, { ...answer, status: 'started', extra: true, revision: null }, 'answer')).toEqual([
      'answer.revision: null, but the document does not let it be',
      'answer.status: "started" is not one of ["unopened","intake","assigned","in_progress","on_hold","escalated","completed","closed"]',
      'answer.extra: sent, but not in the document',
    ]);
    const change = { $ref: '#/components/schemas/FieldChangeDto' };
    expect(violations(document, change, { field: 'keywords', before: ['bulk'], after: 90 }, 'change')).toEqual([]);
    expect(violations(document, change, { field: 'keywords', after: true }, 'change')).toEqual([
      'change.after: true fits 0 of the 4 schemas it must fit exactly one of',
    ]);
  });
});
