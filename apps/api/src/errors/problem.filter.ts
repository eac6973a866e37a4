import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemFor } from './problem-for';

const PROBLEM_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Answers an error in another format for the requests under `prefix` (Open311's error documents). */
export interface ErrorFormat {
  readonly prefix: string;
  readonly send: (request: FastifyRequest, reply: FastifyReply, error: unknown) => void;
}

/**
 * The one place errors become HTTP responses: mapped problems, and a bare 500 (logged with its
 * stack) for the rest. Errors raised before a controller runs (the body parsers, Fastify's router)
 * reach this filter even for routes whose controller has a filter of its own; those are answered
 * in the route's format through `formats`.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly formats: readonly ErrorFormat[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerError(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), error, this.formats);
  }
}

/** Answers `error` in the format of the request's path: another format's when one claims the path, else the problem shape. */
export function answerError(request: FastifyRequest, reply: FastifyReply, error: unknown, formats: readonly ErrorFormat[]): void {
  const path = (request.url ?? '').split('?')[0];
  const format = formats.find((candidate) => path.startsWith(candidate.prefix));
  if (format) format.send(request, reply, error);
  else sendProblem(request, reply, error);
}

/** Writes the problem for `error`, or a 500 that names the correlation id under which the failure was logged. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  const correlationId = request.id;
  const problem = problemFor(error);
  if (problem) {
    if (problem.statusCode >= 500) request.log.warn({ err: error }, problem.message);
    if (typeof problem.retryAfterSeconds === 'number') void reply.header('Retry-After', String(problem.retryAfterSeconds));
    // Set here: a route's own Content-Type (the metrics' text/plain) must not apply to its errors.
    void reply
      .status(problem.statusCode)
      .type(PROBLEM_CONTENT_TYPE)
      .send({ ...problem, correlationId });
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply
    .status(500)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      statusCode: 500,
      error: 'InternalError',
      message: `Something went wrong on our side; quote correlation id ${correlationId} when reporting it.`,
      correlationId,
    });
}
