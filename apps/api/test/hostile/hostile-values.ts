import fc from 'fast-check';
import type { Schema } from './operations';

/** Strings that have broken parsers, validators, stores and logs somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udfff\ud800',
  '\u001b[31mred\u001b[0m',
  '\u0007\u0008\u007f',
  'line\r\nInjected: header',
  '\t',
  '\ufeffbom',
  '\u202egnp.exe',
  '\u2028\u2029',
  '😀',
  '../../../../etc/passwd',
  '..%2F..%2Fetc',
  "' OR '1'='1' --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '${jndi:ldap://example.invalid/a}',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '-0',
  '1e309',
  '0x1F',
  '9'.repeat(30),
  '00000000000000000000',
  '99999999999999999999',
  '00000000000000000001/00000000000000000001',
  '2026-02-30T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-11-02T10:00',
  '9999-12-31T23:59:59Z',
  '[]',
  '{}',
  'a,b,,c',
  'a'.repeat(3_000),
  'é'.repeat(3_000),
  'x'.repeat(9_000),
];

/** Escapes that are not percent-encoded UTF-8, and other raw URL text, sent as written. */
export const RAW_URL_VALUES: readonly string[] = [
  '%',
  '%f',
  '%ff',
  '%zz',
  '%ED%A0%80',
  '%C0%AE',
  '%C0',
  '%00',
  '%0A',
  '%0D%0A',
  '%E2%80%AE',
  '%25%',
  '+',
  '%2B%2B',
  '&',
  '=',
  '%26x%3D1',
];

/** Units of generated text: ordinary letters and every kind of trouble. */
const TROUBLE_UNITS = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '-',
  '%',
  '&',
  '=',
  '+',
  '/',
  '\\',
  '"',
  "'",
  '<',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\n',
  '\ud800',
  '\udc00',
  '\u202e',
  '\ufeff',
  'é',
  '😀',
);

/** Generated text: the corpus above, arbitrary Unicode, and strings made of trouble. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: TROUBLE_UNITS, minLength: 1, maxLength: 24 }),
);

/** A value for a parameter (text) that the schema allows in form but not in content, or does not allow at all. */
export function wrongText(schema: Schema): fc.Arbitrary<string> {
  const choices: fc.Arbitrary<string>[] = [hostileText];
  if (schema.enum?.length) {
    const first = String(schema.enum[0]);
    choices.push(fc.constantFrom(first.toUpperCase(), ` ${first}`, `${first} `, `${first}x`, `${first},${first}`));
  }
  if (schema.maxLength !== undefined) choices.push(fc.constant('m'.repeat(schema.maxLength + 1)));
  if (schema.minLength) choices.push(fc.constant('m'.repeat(schema.minLength - 1)));
  if (schema.pattern) choices.push(fc.stringMatching(new RegExp(schema.pattern)).map((valid) => `${valid}\u0000`));
  choices.push(fc.integer().map(String), fc.double({ noNaN: false }).map(String));
  return fc.oneof(...choices);
}

/** Deeply nested JSON text: `levels` arrays or objects, each in the next. */
export function nestedJson(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** JSON values of the wrong type or shape for `schema`, and hostile ones of every type, as JSON text. */
export function wrongJson(schema: Schema): fc.Arbitrary<string> {
  const constants = [
    'null',
    'true',
    '0',
    '-1',
    '1e308',
    '123456789012345678901234567890',
    '""',
    '[]',
    '{}',
    '[1,"a",null]',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"prototype":1}',
    nestedJson(20, 'array'),
    nestedJson(20, 'object'),
    `[${Array.from({ length: 500 }, () => '0').join(',')}]`,
    `{${Array.from({ length: 200 }, (_, i) => `"k${i}":1`).join(',')}}`,
  ];
  const choices: fc.Arbitrary<string>[] = [fc.constantFrom(...constants), hostileText.map((text) => JSON.stringify(text))];
  if (schema.maxLength !== undefined) choices.push(fc.constant(JSON.stringify('m'.repeat(schema.maxLength + 1))));
  if (schema.enum?.length) choices.push(fc.constant(JSON.stringify(`${String(schema.enum[0])}X`)));
  if (schema.type === 'number' || schema.type === 'integer') choices.push(fc.constantFrom('"1"', '1.5', '-1e999', '1e999'));
  return fc.oneof(...choices);
}

/** Samples an arbitrary deterministically: the same values on every run. */
export function samples<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}
