import { InvalidQueryParameterError } from '../errors';

/** Checks a value is one of `allowed`, naming the parameter when it is not. */
export function oneOf<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InvalidQueryParameterError(parameter, `must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
}

/** Checks a value is a valid Date. */
export function validDate(parameter: string, value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new InvalidQueryParameterError(parameter, `must be a valid date-time; got ${JSON.stringify(value)}.`);
}

/** Checks `from` is before `to`. */
export function orderedRange(from: Date, to: Date, fromName = 'from', toName = 'to'): void {
  if (from.getTime() >= to.getTime()) {
    throw new InvalidQueryParameterError(fromName, `must be before "${toName}" (${from.toISOString()} is not before ${to.toISOString()}).`);
  }
}

/** Checks a page size is a whole number within bounds. */
export function pageLimit(parameter: string, value: number | undefined, fallback: number, max: number): number {
  const limit = value ?? fallback;
  if (Number.isInteger(limit) && limit >= 1 && limit <= max) return limit;
  throw new InvalidQueryParameterError(parameter, `must be a whole number from 1 to ${max}; got ${JSON.stringify(value)}.`);
}

/** Checks a non-empty string. */
export function nonEmpty(parameter: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw new InvalidQueryParameterError(parameter, `must be a non-empty string; got ${JSON.stringify(value)}.`);
}
