import fc from 'fast-check';
import { RAW_URL_VALUES, samples, wrongText } from './hostile/hostile-values';
import { servedRoutes } from './hostile/operations';
import { percentEncode } from './hostile/raw-http';
import { baselineQuery, CORPUS_ROLES, forbiddenInUrl, hostileSuite, RAW_RUNS, RUNS, SEED, SUITE_STEP_MS, UNDOCUMENTED } from './hostile/hostile-suite';

/**
 * Hostile input against every operation of the OpenAPI document the app serves, one part of it
 * (every route is in the document; path and query parameters). The rules and the attack are in hostile/hostile-suite.ts; the parts are
 * hostile-input*.e2e.spec.ts, each with its own app, so that Jest runs them side by side.
 */

describe('hostile input against every route of the OpenAPI document: every route is in the document; path and query parameters', () => {
  const suite = hostileSuite();

  it('covers every route the app serves (the document lists them all)', () => {
    const documented = new Set(suite.target.operations.map((operation) => `${operation.method} ${operation.path}`));
    const served = servedRoutes(suite.target.api.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    const missing = served.filter((route) => !documented.has(route) && !UNDOCUMENTED.some((pattern) => pattern.test(route)));
    expect(missing).toEqual([]);
    // Both lists are read, not empty: the route tree's format is understood and the document is complete.
    expect(served.length).toBeGreaterThanOrEqual(30);
    expect(suite.target.operations.length).toBeGreaterThanOrEqual(30);
  });

  it(
    'refuses generated bad values of every path and query parameter, naming the parameter',
    async () => {
      for (const [index, operation] of suite.target.operations.entries()) {
        for (const [n, parameter] of operation.parameters.entries()) {
          const values = [
            ...samples(wrongText(parameter.schema), SEED + index * 100 + n, RUNS).map(percentEncode),
            ...samples(fc.constantFrom(...RAW_URL_VALUES), SEED + index * 100 + n, RAW_RUNS),
          ];
          for (const value of values) {
            const label = `${parameter.in} ${parameter.name}=${value.slice(0, 40)}`;
            const mustRefuse = forbiddenInUrl(value);
            if (parameter.in === 'path') await suite.attempt(operation, { label, path: { [parameter.name]: value }, mustRefuse });
            else
              await suite.attempt(operation, {
                label,
                query: [...baselineQuery(operation).filter((pair) => !pair.startsWith(`${parameter.name}=`)), `${parameter.name}=${value}`],
                mustRefuse,
              });
          }
        }
      }
      suite.expectNoFailures();
    },
    SUITE_STEP_MS,
  );

  it(
    'refuses unknown, prototype-named, repeated and oversized query parameters',
    async () => {
      for (const operation of suite.target.operations) {
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
        for (const [label, query] of extras) await suite.attempt(operation, { label, query }, CORPUS_ROLES);
      }
      suite.expectNoFailures();
      // This part of the attack is only as good as the number of requests that reached the app.
      expect(suite.sent).toBeGreaterThan(2000);
    },
    SUITE_STEP_MS,
  );
});
