import { InvalidArgumentError, StoreUnavailableError } from '@switchboard/event-store';
import { CommandRefused, IdempotencyKeyReused } from '@switchboard/command-handling';
import { PhotoRefused } from '@switchboard/attachments';
import type { FieldProblem } from '../../errors/api-exceptions';
import { TicketNotFound } from '../../errors/api-exceptions';
import { problemFor } from '../../errors/problem-for';
import { Open311Error, type Open311Status } from './open311-error';

/** Maps what an Open311 request can fail with to the spec's errors; undefined means an internal failure. */
export function open311ErrorFor(error: unknown): Open311Error | undefined {
  if (error instanceof Open311Error) return error;
  if (error instanceof PhotoRefused) return new Open311Error(error.reason === 'too_large' ? 413 : 415, `media: ${error.message}`);
  if (error instanceof TicketNotFound) return new Open311Error(404, `Service request ${error.ticketId} was not found.`);
  if (error instanceof CommandRefused) return refusal(error);
  if (error instanceof IdempotencyKeyReused) return new Open311Error(400, error.message);
  // An event id taken by another stream: the Idempotency-Key was first used on another request.
  if (error instanceof InvalidArgumentError) return new Open311Error(400, `${error.message} Use a new Idempotency-Key for a new request.`);
  if (error instanceof StoreUnavailableError) return new Open311Error(400, 'The service is temporarily unavailable; retry shortly.');
  // Everything else the API answers with a 4xx (invalid or unreadable input, a wrong media type,
  // Fastify's errors before a route runs): one description per problem, naming its field.
  const problem = problemFor(error);
  if (!problem || problem.statusCode >= 500) return undefined;
  const problems = Array.isArray(problem.problems) ? (problem.problems as FieldProblem[]) : [];
  return new Open311Error(specStatus(problem.statusCode), problems.length > 0 ? problems.map((p) => `${p.field} ${p.message}.`) : problem.message);
}

function refusal({ error, problems }: CommandRefused): Open311Error {
  switch (error.kind) {
    case 'NotFound':
      return new Open311Error(404, error.what === 'service' ? `service_code "${error.id}" was not found.` : `${error.message}.`);
    case 'Forbidden':
      return new Open311Error(403, 'This api_key may not do that.');
    case 'InvalidCommand':
      return new Open311Error(
        400,
        problems.map((problem) => `${problem.message}.`),
      );
    default:
      return new Open311Error(400, `${error.message}.`);
  }
}

const specStatus = (status: number): Open311Status => (status === 404 ? 404 : status === 401 || status === 403 ? 403 : 400);
