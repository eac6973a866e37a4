import type { ServiceAttribute, ServiceType } from '@switchboard/ticketing';
import type { FormFields } from './form-fields';

export type AttributeAnswer = string | number | string[];

const ATTRIBUTE_FIELD = /^attribute\[([^\]]+)\](\[\])?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_STRING = 500;
const MAX_TEXT = 4000;

/** The answers to a service's attributes (`attribute[CODE]=v`, `attribute[CODE][]=v` for lists), checked against its definition. */
export function attributeAnswers(fields: FormFields, service: ServiceType): { answers: Record<string, AttributeAnswer>; problems: string[] } {
  const answers: Record<string, AttributeAnswer> = {};
  const problems: string[] = [];
  const given = new Map<string, string[]>();
  for (const [name, value] of Object.entries(fields)) {
    const match = ATTRIBUTE_FIELD.exec(name);
    if (!match) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    given.set(match[1], [...(given.get(match[1]) ?? []), ...values]);
  }
  for (const code of given.keys()) {
    if (!service.attributes.some((attribute) => attribute.code === code)) {
      problems.push(`attribute[${code}] is not an attribute of service ${service.code}; see services/${service.code}.xml.`);
    }
  }
  for (const attribute of service.attributes) {
    // Attributes with variable=false only present information; nothing is recorded for them.
    if (!attribute.variable) continue;
    const values = given.get(attribute.code) ?? [];
    if (values.length === 0) {
      if (attribute.required) problems.push(`attribute[${attribute.code}] is required: ${attribute.description}`);
      continue;
    }
    const answer = answerOf(attribute, values);
    if (typeof answer === 'object' && 'problem' in answer) problems.push(`attribute[${attribute.code}] ${answer.problem}`);
    else answers[attribute.code] = answer;
  }
  return { answers, problems };
}

function answerOf(attribute: ServiceAttribute, values: string[]): AttributeAnswer | { problem: string } {
  const keys = (attribute.values ?? []).map((value) => value.key);
  if (attribute.datatype === 'multivaluelist') {
    const unknown = values.filter((value) => !keys.includes(value));
    return unknown.length > 0 ? { problem: `has no choice ${unknown.map((v) => JSON.stringify(v)).join(', ')}; choose from ${keys.join(', ')}.` } : [...new Set(values)];
  }
  if (values.length > 1) return { problem: 'takes one value; it was given several.' };
  const [value] = values;
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return keys.includes(value) ? value : { problem: `has no choice ${JSON.stringify(value)}; choose one of ${keys.join(', ')}.` };
    case 'number':
      return NUMBER.test(value.trim()) ? Number(value) : { problem: `must be a number (got ${JSON.stringify(value)}).` };
    case 'datetime':
      return ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value.trim())) ? value.trim() : { problem: `must be an ISO 8601 date or date-time, e.g. 2026-11-02T09:00:00-05:00.` };
    case 'string':
      if (/[\r\n]/.test(value)) return { problem: 'must be one line (use a text attribute for several lines).' };
      return value.length <= MAX_STRING ? value : { problem: `must be at most ${MAX_STRING} characters.` };
    default:
      return value.length <= MAX_TEXT ? value : { problem: `must be at most ${MAX_TEXT} characters.` };
  }
}
