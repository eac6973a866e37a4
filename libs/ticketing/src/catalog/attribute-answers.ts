import type { ServiceAttribute } from './service-attribute';
import type { ServiceType } from './service-type';

/** An answer as a ticket records it: one value, a number, or the choices of a multi-value list. */
export type AttributeAnswer = string | number | string[];

/**
 * The ticket has no field for the address_id of a city's master address repository, so it is kept
 * among the answers under this lower-case name, which no catalog attribute code (upper case) can take.
 */
export const ADDRESS_ID_ATTRIBUTE = 'address_id';

/** One answer the service's definition refuses: the attribute code and what is wrong with it. */
export interface AttributeProblem {
  readonly code: string;
  /** `unknown`: the service asks no such question; `invalid`: the answer breaks the question's definition. */
  readonly reason: 'unknown' | 'invalid';
  readonly message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_STRING = 500;
const MAX_TEXT = 4000;
const MAX_ADDRESS_ID = 100;

/**
 * Checks answers against a service's Open311 attribute definitions, the same for every intake
 * path: unknown codes, required questions, list choices, numbers, dates, one-line strings and
 * lengths. A single answer is a string (or a number); several are a list. Returns the answers
 * as recorded (numbers as numbers, dates trimmed, list choices without repeats) and every problem.
 */
export function checkAttributeAnswers(
  service: ServiceType,
  given: Readonly<Record<string, unknown>>,
): { answers: Record<string, AttributeAnswer>; problems: AttributeProblem[] } {
  const answers: Record<string, AttributeAnswer> = {};
  const problems: AttributeProblem[] = [];
  for (const code of Object.keys(given)) {
    if (code === ADDRESS_ID_ATTRIBUTE || service.attributes.some((attribute) => attribute.code === code)) continue;
    problems.push({ code, reason: 'unknown', message: `is not an attribute of service ${service.code}` });
  }
  const addressId = given[ADDRESS_ID_ATTRIBUTE];
  if (addressId !== undefined) {
    if (typeof addressId === 'string' && addressId.length <= MAX_ADDRESS_ID) answers[ADDRESS_ID_ATTRIBUTE] = addressId;
    else problems.push({ code: ADDRESS_ID_ATTRIBUTE, reason: 'invalid', message: `must be a string of at most ${MAX_ADDRESS_ID} characters.` });
  }
  for (const attribute of service.attributes) {
    // Attributes with variable=false only present information; nothing is recorded for them.
    if (!attribute.variable) continue;
    const values = valuesOf(given[attribute.code]);
    if (values === 'invalid') {
      problems.push({ code: attribute.code, reason: 'invalid', message: 'must be a string, a number or a list of strings.' });
      continue;
    }
    if (values.length === 0) {
      if (attribute.required) problems.push({ code: attribute.code, reason: 'invalid', message: `is required: ${attribute.description}` });
      continue;
    }
    const answer = answerOf(attribute, values);
    if (typeof answer === 'object' && 'problem' in answer) problems.push({ code: attribute.code, reason: 'invalid', message: answer.problem });
    else answers[attribute.code] = answer;
  }
  return { answers, problems };
}

/** The non-empty values of one answer, or 'invalid' when it is not a string, a finite number or a list of strings. */
function valuesOf(answer: unknown): string[] | 'invalid' {
  if (answer === undefined || answer === null) return [];
  if (typeof answer === 'number') return Number.isFinite(answer) ? [String(answer)] : 'invalid';
  const list = Array.isArray(answer) ? answer : [answer];
  if (!list.every((value) => typeof value === 'string')) return 'invalid';
  return (list as string[]).filter((value) => value.trim() !== '');
}

function answerOf(attribute: ServiceAttribute, values: string[]): AttributeAnswer | { problem: string } {
  const keys = (attribute.values ?? []).map((value) => value.key);
  if (attribute.datatype === 'multivaluelist') {
    const unknown = values.filter((value) => !keys.includes(value));
    return unknown.length > 0
      ? { problem: `has no choice ${unknown.map((v) => JSON.stringify(v)).join(', ')}; choose from ${keys.join(', ')}.` }
      : [...new Set(values)];
  }
  if (values.length > 1) return { problem: 'takes one value; it was given several.' };
  const [value] = values;
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return keys.includes(value) ? value : { problem: `has no choice ${JSON.stringify(value)}; choose one of ${keys.join(', ')}.` };
    case 'number':
      return NUMBER.test(value.trim()) ? Number(value) : { problem: `must be a number (got ${JSON.stringify(value)}).` };
    case 'datetime':
      return ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))
        ? value.trim()
        : { problem: `must be an ISO 8601 date or date-time, e.g. 2026-11-02T09:00:00-05:00.` };
    case 'string':
      if (/[\r\n]/.test(value)) return { problem: 'must be one line (use a text attribute for several lines).' };
      return value.length <= MAX_STRING ? value : { problem: `must be at most ${MAX_STRING} characters.` };
    default:
      return value.length <= MAX_TEXT ? value : { problem: `must be at most ${MAX_TEXT} characters.` };
  }
}

/**
 * Answers that satisfy every required question of a service (the first choice of a list, 1 for
 * a number, a fixed date, a placeholder text): for demos, load generators and tests that open
 * tickets of any service.
 */
export function exampleAnswers(service: ServiceType): Record<string, AttributeAnswer> {
  const example = (attribute: ServiceAttribute): AttributeAnswer => {
    const first = attribute.values?.[0]?.key ?? '';
    switch (attribute.datatype) {
      case 'singlevaluelist':
        return first;
      case 'multivaluelist':
        return [first];
      case 'number':
        return 1;
      case 'datetime':
        return '2026-01-05T09:00:00-05:00';
      default:
        return 'See description';
    }
  };
  return Object.fromEntries(service.attributes.filter((a) => a.variable && a.required).map((a) => [a.code, example(a)]));
}
