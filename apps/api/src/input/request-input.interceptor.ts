import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { type FieldProblem, InvalidRequest, UnsupportedMediaType } from '../errors/api-exceptions';
import { BODY_FIELD, bodyShapeProblems, capped } from './body-shape';
import { INPUT_LIMITS } from './input-limits';
import { mediaTypeOf, MULTIPART_MEDIA_TYPE } from './media-type';
import { readQueryString } from './query-string';
import { type NestClass, type NestHandler, routeInputOf } from './route-input';
import { textProblem } from './text-rules';

/**
 * Checks everything a route receives before any pipe or handler reads it: the body (in the route's
 * media type, 415 otherwise; none where the route takes none; its shape within INPUT_LIMITS — depth,
 * members, items, values, string lengths, text rules, no prototype keys — so class-transformer and
 * class-validator only ever see bounded input), path parameters (length, text rules) and the query
 * string (strictly decoded and bounded; only the parameters the route declares). One 400 lists
 * every problem; on Open311 routes the controller's filter answers it in Open311's format.
 */
@Injectable()
export class RequestInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') check(context.switchToHttp().getRequest<FastifyRequest>(), context.getClass(), context.getHandler());
    return next.handle();
  }
}

function check(request: FastifyRequest, controller: NestClass, handler: NestHandler): void {
  const input = routeInputOf(controller, handler);
  const problems: FieldProblem[] = [];

  // A multipart body is read by the route itself (the parser leaves request.body unset), so only a route that declares it takes one.
  if (mediaTypeOf(request.headers['content-type'])?.type === MULTIPART_MEDIA_TYPE && !input.multipart) {
    throw new UnsupportedMediaType(String(request.headers['content-type']), `must be ${input.bodyMediaType} for this route (got ${MULTIPART_MEDIA_TYPE})`);
  }

  const body = request.body;
  // Fastify does not read the body of a GET; one sent anyway is refused like any body where a route takes none.
  if ((request.method === 'GET' || request.method === 'HEAD') && input.takesBody !== undefined && sentABody(request)) {
    problems.push({ field: BODY_FIELD, message: `must be empty: ${request.method} takes no body` });
  }
  if (body !== undefined && input.takesBody !== undefined) {
    if (!input.takesBody) {
      if (!isEmptyObject(body)) problems.push({ field: BODY_FIELD, message: 'must be empty: this route takes no body' });
    } else {
      const type = mediaTypeOf(request.headers['content-type'])?.type;
      // A multipart route's guard may have read the parts into a form body (Open311 POST requests with media).
      if (type !== input.bodyMediaType && !(input.multipart && type === MULTIPART_MEDIA_TYPE)) {
        throw new UnsupportedMediaType(String(request.headers['content-type'] ?? ''), `must be ${input.bodyMediaType} for this route (got ${type ?? 'none'})`);
      }
      problems.push(...bodyShapeProblems(body));
    }
  }

  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') continue;
    const problem =
      value.length > INPUT_LIMITS.maxPathParameterLength
        ? `must be at most ${INPUT_LIMITS.maxPathParameterLength} characters (got ${value.length})`
        : textProblem(value, 'url');
    // The catch-all route's parameter is the rest of the path.
    if (problem) problems.push({ field: name === '*' ? '(url)' : name, message: problem });
  }

  const url = request.url ?? '';
  const at = url.indexOf('?');
  const query = readQueryString(at < 0 ? '' : url.slice(at + 1));
  problems.push(...query.problems);
  if (input.queryNames) {
    const accepted = [...input.queryNames];
    for (const name of new Set(query.names)) {
      if (!input.queryNames.has(name)) {
        problems.push({
          field: name,
          message:
            accepted.length === 0
              ? 'is not a parameter of this route: it takes no query parameters'
              : `is not a parameter of this route; it accepts ${accepted.join(', ')}`,
        });
      }
    }
  }

  if (problems.length > 0) throw new InvalidRequest(capped(problems, '(request)'));
}

const sentABody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

const isEmptyObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
