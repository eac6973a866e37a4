import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listOf } from '../format/open311-document';
import { renderDocument } from '../format/render-document';
import { formatOfUrl } from '../format/response-format';
import { Open311Error } from './open311-error';
import { open311ErrorFor } from './open311-error-for';

/**
 * Errors of the Open311 routes in the spec's own format (`<errors><error><code>…`), not the
 * API's problem format. Internal failures answer 400 as the spec's "general service error",
 * naming the correlation id under which the stack trace was logged.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendOpen311Error(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), error);
  }
}

/** Writes `error` as an Open311 error document (also for errors raised before a route runs: body parsing, the router). */
export function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  let answer = open311ErrorFor(error);
  if (!answer) {
    request.log.error({ err: error }, 'open311 request failed');
    answer = new Open311Error(400, `The request could not be processed; quote correlation id ${request.id} when reporting it.`);
  }
  const document = {
    root: 'errors',
    body: listOf(
      'error',
      answer.descriptions.map((description) => ({ code: answer.status, description })),
    ),
  };
  void reply.status(answer.status).send(renderDocument(reply, formatOfUrl(request.url), document));
}
