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
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    let answer = open311ErrorFor(error);
    if (!answer) {
      request.log.error({ err: error }, 'open311 request failed');
      answer = new Open311Error(400, `The request could not be processed; quote correlation id ${request.id} when reporting it.`);
    }
    const document = { root: 'errors', body: listOf('error', answer.descriptions.map((description) => ({ code: answer.status, description }))) };
    void reply.status(answer.status).send(renderDocument(reply, formatOfUrl(request.url), document));
  }
}
