import fc from 'fast-check';
import { UnreadableBody, UnsupportedMediaType } from '../errors/api-exceptions';
import { readFormBody, readJsonBody } from './body-parsers';
import { bodyShapeProblems } from './body-shape';
import { INPUT_LIMITS } from './input-limits';
import { readQueryString } from './query-string';
import { textProblem } from './text-rules';

const PROPERTY = { seed: 311, numRuns: 300 };
const named = (problems: readonly { field: string; message: string }[]) => problems.every((p) => p.field !== '' && p.message !== '');

describe('input bounds (the pure checks behind the body parsers and the RequestInputInterceptor)', () => {
  it('judges any JSON value without throwing, naming every problem, listing at most maxProblems + 1', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
        const problems = bodyShapeProblems(value);
        expect(named(problems)).toBe(true);
        expect(problems.length).toBeLessThanOrEqual(INPUT_LIMITS.maxProblems + 1);
      }),
      PROPERTY,
    );
  });

  it('never descends past the depth limit, however deep the value (no stack overflow)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i += 1) deep = i % 2 ? [deep] : { a: deep };
    expect(bodyShapeProblems(deep)).toEqual([{ field: '0.a.0.a.0.a.0.a', message: expect.stringContaining('nested too deeply') }]);
  });

  it('accepts every value within the limits whose strings are clean text', () => {
    const clean = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '\t', '\n', 'é', '😀', '"', '\\'), maxLength: 30 });
    const bounded = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, clean, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(fc.string({ unit: fc.constantFrom('a', 'b', '_', '1'), minLength: 1, maxLength: 8 }), tie('value'), { maxKeys: 5 }),
    })).object;
    fc.assert(
      fc.property(bounded, (value) => {
        const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
        fc.pre(depth(value) <= INPUT_LIMITS.maxDepth && JSON.stringify(value).length < 20_000);
        expect(bodyShapeProblems(value)).toEqual([]);
      }),
      PROPERTY,
    );
  });

  it('refuses every control character but tab, LF and CR in bodies, all of them in URLs, and every lone surrogate', () => {
    for (let code = 0; code < 0x20; code += 1) {
      const text = `a${String.fromCharCode(code)}b`;
      expect({ code, body: textProblem(text, 'body') !== undefined }).toEqual({ code, body: ![9, 10, 13].includes(code) });
      expect(textProblem(text, 'url')).toBeDefined();
    }
    expect(textProblem('\u007f', 'body')).toBeDefined();
    for (const text of ['\ud800', 'a\udbff', '\udc00b', '\udfff\ud800']) expect(textProblem(text, 'body')).toContain('lone UTF-16 surrogate');
    expect(textProblem('😀 déjà', 'body')).toBeUndefined();
  });

  it('reads any query string without throwing, naming every problem', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', '&', '%', 'f', '0', 'D', '8', 'E', '+', ' ', 'é', '\u0000'), maxLength: 40 }), (raw) => {
        const { names, problems } = readQueryString(raw);
        expect(named(problems)).toBe(true);
        for (const name of names) expect(name).not.toBe('');
      }),
      PROPERTY,
    );
  });

  it('decodes what a browser encodes, and refuses what is not UTF-8 percent-encoding', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ unit: fc.constantFrom('a', 'b', '_'), minLength: 1, maxLength: 5 }),
          fc.string({ unit: fc.constantFrom('x', ' ', 'é', '😀', '&', '=', '+', '%'), maxLength: 10 }),
          { maxKeys: 5 },
        ),
        (pairs) => {
          const raw = new URLSearchParams(pairs).toString();
          expect(readQueryString(raw)).toEqual({ names: Object.keys(pairs), problems: [] });
        },
      ),
      PROPERTY,
    );
    for (const bad of ['a=%', 'a=%f', 'a=%ff', 'a=%ED%A0%80', 'a=%C0%AE', 'a=é'])
      expect(readQueryString(bad).problems).toEqual([{ field: 'a', message: expect.any(String) }]);
  });

  it('fails only with its own errors on any bytes, JSON or form', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 60 }),
        fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-16'),
        (bytes, contentType) => {
          for (const read of [readJsonBody, readFormBody]) {
            try {
              read(Buffer.from(bytes), contentType);
            } catch (error) {
              expect(error instanceof UnreadableBody || error instanceof UnsupportedMediaType).toBe(true);
            }
          }
        },
      ),
      PROPERTY,
    );
  });

  it('reads repeated form fields as arrays, into an object without a prototype', () => {
    const form = readFormBody(Buffer.from('a=1&a=2&__proto__=x&b=%C3%A9+x'), undefined);
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect({ ...form }).toEqual({ a: ['1', '2'], ['__proto__']: 'x', b: 'é x' });
    expect(bodyShapeProblems(form)).toEqual([{ field: '__proto__', message: expect.stringContaining('reserved') }]);
  });
});
