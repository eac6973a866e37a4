import fc from 'fast-check';
import { RAW_URL_VALUES, samples, wrongJson, wrongText } from './hostile/hostile-values';
import { percentEncode } from './hostile/raw-http';
import {
  baselineBody,
  fieldsOf,
  forbiddenInJson,
  forbiddenInUrl,
  formText,
  hostileSuite,
  MARK,
  RAW_RUNS,
  RUNS,
  SEED,
  SUITE_STEP_MS,
  withField,
} from './hostile/hostile-suite';

/**
 * Hostile input against every operation of the OpenAPI document the app serves, one part of it
 * (body fields and headers). The rules and the attack are in hostile/hostile-suite.ts; the parts are
 * hostile-input*.e2e.spec.ts, each with its own app, so that Jest runs them side by side.
 */

describe('hostile input against every route of the OpenAPI document: body fields and headers', () => {
  const suite = hostileSuite();

  it(
    'refuses generated bad values of every body field, naming the field',
    async () => {
      for (const [index, operation] of suite.target.operations.entries()) {
        if (!operation.body) continue;
        const form = operation.body.mediaType === 'application/x-www-form-urlencoded';
        for (const [n, [field, schema]] of fieldsOf(operation.body.schema).entries()) {
          const seed = SEED + index * 100 + n;
          if (form) {
            for (const value of [
              ...samples(wrongText(schema), seed, RUNS).map(percentEncode),
              ...samples(fc.constantFrom(...RAW_URL_VALUES), seed, RAW_RUNS),
            ]) {
              const body = { contentType: operation.body.mediaType, bytes: Buffer.from(formText(operation, suite.target, { [field]: value })) };
              await suite.attempt(operation, { label: `form ${field}=${value.slice(0, 40)}`, body, mustRefuse: forbiddenInUrl(value, 'body') });
            }
            continue;
          }
          for (const json of samples(wrongJson(schema), seed, RUNS)) {
            const text = JSON.stringify(withField(baselineBody(operation.body.schema, suite.target), field, MARK)).replace(JSON.stringify(MARK), json);
            await suite.attempt(operation, {
              label: `body ${field}=${json.slice(0, 40)}`,
              body: { contentType: 'application/json', bytes: Buffer.from(text) },
              mustRefuse: forbiddenInJson(JSON.parse(json)),
            });
          }
        }
      }
      suite.expectNoFailures();
    },
    SUITE_STEP_MS,
  );

  it(
    'refuses hostile headers',
    async () => {
      for (const operation of suite.target.operations) {
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
          await suite.attempt(operation, { label: `header ${JSON.stringify(header).slice(0, 60)}`, headers: header }, roles);
        }
        await suite.attempt(operation, { label: 'no credentials' }, ['none']);
      }
      suite.expectNoFailures();
      // This part of the attack is only as good as the number of requests that reached the app.
      expect(suite.sent).toBeGreaterThan(1000);
    },
    SUITE_STEP_MS,
  );
});
