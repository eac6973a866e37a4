import { ApiClient, pathOf } from '../../src/lib/api-client';
import type { CommandBody, CommandRoute, DescribedOr, Me, QueryOf, RequestParams } from '../../src/lib/api-types';
import { COMMANDS, EVERY_REQUIRED_MEMBER_ASKED } from '../../src/lib/commands';

/** Compiles only when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Same<A, B>) => proof;

describe('the console’s API client', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const recording = () => {
    const asked: { url: string; init: RequestInit }[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      asked.push({ url, init });
      return new Response(JSON.stringify({ ticketId: 'A', revision: 3, position: '00000000000000000042' }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    return asked;
  };

  it('fills a route’s path parameters percent-encoded and leaves empty query values out', async () => {
    const asked = recording();
    await new ApiClient('token').get('/departments/{id}/queue', {
      path: { id: 'Parks & Rec/2' },
      query: { mine: undefined, position: '00000000000000000042', limit: '' },
    });
    expect(asked.map((a) => a.url)).toEqual(['/departments/Parks%20%26%20Rec%2F2/queue?position=00000000000000000042']);
    expect(asked[0].init.headers).toMatchObject({ authorization: 'Bearer token', accept: 'application/json' });
  });

  it('sends a command with its body, If-Match at the revision seen and the idempotency key', async () => {
    const asked = recording();
    const answer = await new ApiClient('token').post(
      '/tickets/{id}/hold',
      { path: { id: 'K7M-4QX2' } },
      { reason: 'parts on order' },
      { revision: 2, idempotencyKey: 'key-1' },
    );
    expect(answer.position).toBe('00000000000000000042');
    expect(asked[0].url).toBe('/tickets/K7M-4QX2/hold');
    expect(asked[0].init).toMatchObject({
      method: 'POST',
      body: '{"reason":"parts on order"}',
      headers: { 'if-match': 'W/"2"', 'idempotency-key': 'key-1', 'content-type': 'application/json' },
    });
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => pathOf('/tickets/{id}', {})).toThrow('/tickets/{id}: no value for {id}');
  });
});

describe('the console’s wire types (from the API’s OpenAPI document)', () => {
  it('take routes, path and query parameters and command bodies from the document', () => {
    same<RequestParams<'/tickets/{id}', 'get'>['path'], { readonly id: string }>(true);
    same<QueryOf<'/departments/{id}/queue'>['mine'], 'true' | 'false' | undefined>(true);
    same<CommandBody<'close'>['reason'], 'duplicate' | 'withdrawn' | 'invalid' | 'not_city_responsibility'>(true);
    // @ts-expect-error GET /tickets documents no such query parameter
    const unknownParameter: QueryOf<'/tickets'> = { department: 'DPW', nope: 'x' };
    // @ts-expect-error claiming is a department's route, not a ticket command
    const notACommand: CommandRoute = 'claim';
    expect([unknownParameter, notACommand]).toHaveLength(2);
  });

  it('name only body members the document declares, and every member a command requires', () => {
    for (const spec of COMMANDS) {
      const names = spec.fields.map((field) => field.name);
      expect(new Set(names).size).toBe(names.length);
    }
    // A field the API's body does not declare fails to compile:
    // @ts-expect-error CloseTicketDto has no member `resolutionCode`
    const wrongField: (typeof COMMANDS)[number] = {
      type: 'CloseTicket',
      route: 'close',
      label: 'Close',
      fields: [{ name: 'resolutionCode', label: 'x', kind: 'text', required: true }],
    };
    expect(wrongField.route).toBe('close');
    // And a form that leaves out a member the body requires fails to compile (commands.ts).
    expect(EVERY_REQUIRED_MEMBER_ASKED).toBe(true);
  });

  it('use the document’s answer schema once it has one, and the declared one while it has none', () => {
    same<DescribedOr<Record<string, never>, { declared: true }>, { declared: true }>(true);
    same<DescribedOr<never, { declared: true }>, { declared: true }>(true);
    same<DescribedOr<{ readonly id: string }, { declared: true }>, { readonly id: string }>(true);
    same<Me['role'], 'operator' | 'staff' | 'department_head' | 'director' | 'resident' | 'system'>(true);
    expect(true).toBe(true);
  });
});
