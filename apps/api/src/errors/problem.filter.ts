import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemFor } from './problem-for';

/** The one place errors become HTTP responses: mapped problems, and a bare 500 (logged with its stack) for the rest. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    send(request, http.getResponse<FastifyReply>(), error);
  }
}

/** Writes the problem for `error`, or a 500 that names the correlation id under which the failure was logged. */
function send(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  const correlationId = request.id;
  const problem = problemFor(error);
  if (problem) {
    if (problem.statusCode >= 500) request.log.warn({ err: error }, problem.message);
    if (typeof problem.retryAfterSeconds === 'number') void reply.header('Retry-After', String(problem.retryAfterSeconds));
    void reply.status(problem.statusCode).send({ ...problem, correlationId });
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.status(500).send({
    statusCode: 500,
    error: 'InternalError',
    message: `Something went wrong on our side; quote correlation id ${correlationId} when reporting it.`,
    correlationId,
  });
}
