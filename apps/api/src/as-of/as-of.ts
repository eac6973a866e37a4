import { InvalidQueryParameterError, type Moment } from '@switchboard/read-models';

/**
 * Where a query's figures come from: `read-models` (the projected read models, now) or `temporal`
 * (the temporal read model's ticket versions in force at a past moment). Neither replays the log.
 */
export type AnswerSource = 'read-models' | 'temporal';

/** Which moment an answer describes: now, as of a past moment (what had happened by then) or as known at one (what the system had recorded by then). */
export type AnswerMoment = 'now' | 'asOf' | 'knownAt';

/** The instant a moment query parameter names; it may not lie after `now` (nothing is known yet). */
export function pastInstant(value: string, now: Date, parameter: 'asOf' | 'knownAt' = 'asOf'): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new InvalidQueryParameterError(parameter, `must be an ISO-8601 instant; got ${JSON.stringify(value)}.`);
  if (instant > now) throw new InvalidQueryParameterError(parameter, `must not be after now (${now.toISOString()}); got ${instant.toISOString()}.`);
  return instant;
}

/** The past moment a query asks about (`asOf` or `knownAt`, at most one of them), or undefined for now. */
export function momentOf(query: { readonly asOf?: string; readonly knownAt?: string }, now: Date): Moment | undefined {
  if (query.asOf !== undefined && query.knownAt !== undefined) {
    throw new InvalidQueryParameterError(
      'knownAt',
      'cannot be combined with asOf: ask as of a moment (what had happened) or as known at one (what was recorded), not both.',
    );
  }
  if (query.asOf !== undefined) return { axis: 'asOf', at: pastInstant(query.asOf, now, 'asOf') };
  if (query.knownAt !== undefined) return { axis: 'knownAt', at: pastInstant(query.knownAt, now, 'knownAt') };
  return undefined;
}
