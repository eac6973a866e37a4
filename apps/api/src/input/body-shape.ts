import type { FieldProblem } from '../errors/api-exceptions';
import { INPUT_LIMITS } from './input-limits';
import { quoted, textProblem } from './text-rules';

/** How a problem with the body as a whole is named. */
export const BODY_FIELD = '(body)';

/** Member names that would reach an object's prototype chain when copied or merged. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/** The dotted path of a member (`location.latitude`, `attributes.COLOR.0`); odd names are bracket-quoted. */
export function memberPath(parent: string, key: string): string {
  const step = PLAIN_KEY.test(key) ? key : `[${quoted(key)}]`;
  if (parent === '') return step;
  return step.startsWith('[') ? `${parent}${step}` : `${parent}.${step}`;
}

/** A member name's own problem: too long, a prototype key, or text that is not allowed. */
export function keyProblem(key: string): string | undefined {
  if (PROTOTYPE_KEYS.has(key)) return `is not allowed as a field name (${key} is reserved)`;
  if (key.length > INPUT_LIMITS.maxKeyLength) return `is longer than ${INPUT_LIMITS.maxKeyLength} characters as a field name`;
  return textProblem(key, 'body');
}

/** A string value's problem: too long, or text that is not allowed. */
export function stringProblem(value: string): string | undefined {
  if (value.length > INPUT_LIMITS.maxStringLength) return `must be at most ${INPUT_LIMITS.maxStringLength} characters (got ${value.length})`;
  return textProblem(value, 'body');
}

/**
 * Checks a parsed JSON body against INPUT_LIMITS: nesting depth, members per object, items per
 * array, values in all, string lengths, and the text rules for every string and member name.
 * Returns every problem (up to `maxProblems`), each naming the field by its path. It never
 * descends past the depth limit, so it is safe on any input JSON.parse produced.
 */
export function bodyShapeProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let values = 0;
  let tooMany = false;
  const add = (field: string, message: string) => {
    problems.push({ field: field === '' ? BODY_FIELD : field, message });
  };
  const visit = (value: unknown, path: string, depth: number): void => {
    values += 1;
    if (values > INPUT_LIMITS.maxValues) {
      tooMany = true;
      return;
    }
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) add(path, problem);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (depth > INPUT_LIMITS.maxDepth) {
      add(path, `is nested too deeply: at most ${INPUT_LIMITS.maxDepth} levels of objects and arrays are accepted`);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.maxArrayItems) {
        add(path, `must have at most ${INPUT_LIMITS.maxArrayItems} items (got ${value.length})`);
        return;
      }
      value.forEach((item, index) => visit(item, memberPath(path, String(index)), depth + 1));
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.maxKeysPerObject) {
      add(path, `must have at most ${INPUT_LIMITS.maxKeysPerObject} fields (got ${keys.length})`);
      return;
    }
    for (const key of keys) {
      const problem = keyProblem(key);
      if (problem) {
        add(memberPath(path, key), problem);
        continue;
      }
      visit((value as Record<string, unknown>)[key], memberPath(path, key), depth + 1);
    }
  };
  visit(body, '', 1);
  if (tooMany) add('', `has more than ${INPUT_LIMITS.maxValues} values in all`);
  return capped(problems, BODY_FIELD);
}

/** At most `maxProblems` problems; one more, naming `field`, says how many were left out. */
export function capped(problems: FieldProblem[], field: string): FieldProblem[] {
  if (problems.length <= INPUT_LIMITS.maxProblems) return problems;
  const shown = problems.slice(0, INPUT_LIMITS.maxProblems);
  return [...shown, { field, message: `and ${problems.length - shown.length} more problems` }];
}
