import { type AttributeAnswer, checkAttributeAnswers, type ServiceType } from '@switchboard/ticketing';
import type { FormFields } from './form-fields';

const ATTRIBUTE_FIELD = /^attribute\[([^\]]+)\](\[\])?$/;

/** The answers to a service's attributes (`attribute[CODE]=v`, `attribute[CODE][]=v` for lists), checked against its definition as every intake path checks them. */
export function attributeAnswers(fields: FormFields, service: ServiceType): { answers: Record<string, AttributeAnswer>; problems: string[] } {
  const given = new Map<string, string[]>();
  for (const [name, value] of Object.entries(fields)) {
    const match = ATTRIBUTE_FIELD.exec(name);
    if (!match) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    given.set(match[1], [...(given.get(match[1]) ?? []), ...values]);
  }
  // One value is a single answer, several a list: the shape the JSON API takes.
  const answered = Object.fromEntries([...given].map(([code, values]) => [code, values.length === 1 ? values[0] : values]));
  const { answers, problems } = checkAttributeAnswers(service, answered);
  return {
    answers,
    problems: problems.map(({ code, reason, message }) =>
      reason === 'unknown' ? `attribute[${code}] ${message}; see services/${service.code}.xml.` : `attribute[${code}] ${message}`,
    ),
  };
}
