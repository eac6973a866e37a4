import { InvalidQueryParameterError } from '@switchboard/read-models';

/** Where a query's figures come from: the projected read models (now) or a replay of the event log (asOf). */
export type AnswerSource = 'read-models' | 'replay';

/** The instant an `asOf` query parameter names; it may not lie after `now` (nothing is known yet). */
export function pastInstant(asOf: string, now: Date): Date {
  const instant = new Date(asOf);
  if (Number.isNaN(instant.getTime())) throw new InvalidQueryParameterError('asOf', `must be an ISO-8601 instant; got ${JSON.stringify(asOf)}.`);
  if (instant > now) throw new InvalidQueryParameterError('asOf', `must not be after now (${now.toISOString()}); got ${instant.toISOString()}.`);
  return instant;
}
