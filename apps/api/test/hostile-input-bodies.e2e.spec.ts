import { nestedJson } from './hostile/hostile-values';
import { type Attempt, baselineBody, CORPUS_ROLES, formText, hostileSuite, MUST_REFUSE, SUITE_STEP_MS } from './hostile/hostile-suite';

/**
 * Hostile input against every operation of the OpenAPI document the app serves, one part of it
 * (hostile bodies). The rules and the attack are in hostile/hostile-suite.ts; the parts are
 * hostile-input*.e2e.spec.ts, each with its own app, so that Jest runs them side by side.
 */

describe('hostile input against every route of the OpenAPI document: hostile bodies', () => {
  const suite = hostileSuite();

  it(
    'refuses hostile bodies: deep nesting, wrong shapes, prototype keys, bad encodings, sizes and media types',
    async () => {
      for (const operation of suite.target.operations) {
        const json = (text: string | Buffer, contentType = 'application/json') => ({ contentType, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) });
        const valid = operation.body
          ? operation.body.mediaType === 'application/json'
            ? JSON.stringify(baselineBody(operation.body.schema, suite.target))
            : formText(operation, suite.target, {})
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
        // No Content-Length is no body: a GET may be suite.sent an empty one.
        for (const [label, body] of bodies) {
          await suite.attempt(
            operation,
            { label, body, mustRefuse: MUST_REFUSE.has(label) && !(label === 'an empty body' && operation.method === 'GET') },
            CORPUS_ROLES,
          );
        }
      }
      suite.expectNoFailures();
      // This part of the attack is only as good as the number of requests that reached the app.
      expect(suite.sent).toBeGreaterThan(2000);
    },
    SUITE_STEP_MS,
  );
});
