import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 date-time with a time zone (`Z` or an offset) naming a real instant, e.g. 2026-11-02T15:00:00Z. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true }) && Number.isFinite(Date.parse(value));
}

/** Query parameters that name an instant: a local time without a zone would depend on the server's zone, so it is refused. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be an ISO-8601 instant with a time zone, e.g. 2026-11-02T15:00:00Z', ...options },
      validator: { validate: isInstant },
    });
}

/** A whole number from `min` to `max`, written in decimal digits (no sign, exponent, spaces or fraction). */
export function IsWholeNumber(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWholeNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      options: { message: `must be a whole number from ${min} to ${max}`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && /^\d{1,10}$/.test(value) && Number(value) >= min && Number(value) <= max },
    });
}

/** A code of the service catalog (department or service): letters, digits, `_` and `-`. Whether it exists, the route checks. */
export const CATALOG_CODE = /^[A-Za-z0-9_-]{1,64}$/;
