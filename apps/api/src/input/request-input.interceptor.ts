import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { type FieldProblem, InvalidRequest, UnsupportedMediaType } from '../errors/api-exceptions';
import { BODY_FIELD, capped } from './body-shape';
import { INPUT_LIMITS } from './input-limits';
import { mediaTypeOf } from './media-type';
import { readQueryString, QUERY_FIELD } from './query-string';
import { routeInputOf } from './route-input';
import { textProblem } from './text-rules';

/**
 * Checks what every route receives besides its validated body, before any pipe or handler runs:
 * path parameters (length, text rules), the query string (strictly decoded and bounded; only the
 * parameters the route declares), and whether the route takes a body at all, in which media type.
 * The body's own shape was checked by the body parsers. One 400 lists every problem.
 */
@Injectable()
export class RequestInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') check(context.switchToHttp().getRequest<FastifyRequest>(), context.getClass(), context.getHandler());
    return next.handle();
  }
}

function check(request: FastifyRequest, controller: Function, handler: Function): void {
  const input = routeInputOf(controller, handler);
  const problems: FieldProblem[] = [];

  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') continue;
    const problem =
      value.length > INPUT_LIMITS.maxPathParameterLength
        ? `must be at most ${INPUT_LIMITS.maxPathParameterLength} characters (got ${value.length})`
        : textProblem(value, 'url');
    if (problem) problems.push({ field: name, message: problem });
  }

  const url = request.url ?? '';
  const at = url.indexOf('?');
  const query = readQueryString(at < 0 ? '' : url.slice(at + 1));
  problems.push(...query.problems);
  if (input.queryNames) {
    const accepted = [...input.queryNames];
    for (const name of new Set(query.names)) {
      if (!input.queryNames.has(name)) {
        problems.push({ field: name, message: accepted.length === 0 ? 'is not a parameter of this route: it takes no query parameters' : `is not a parameter of this route; it accepts ${accepted.join(', ')}` });
      }
    }
  }

  const body = request.body;
  if (body !== undefined && body !== null && input.takesBody !== undefined) {
    if (!input.takesBody) {
      if (!isEmptyObject(body)) problems.push({ field: BODY_FIELD, message: 'must be empty: this route takes no body' });
    } else {
      const type = mediaTypeOf(request.headers['content-type'])?.type;
      if (type !== input.bodyMediaType) {
        throw new UnsupportedMediaType(String(request.headers['content-type'] ?? ''), `must be ${input.bodyMediaType} for this route (got ${type ?? 'none'})`);
      }
    }
  }

  if (problems.length > 0) throw new InvalidRequest(capped(problems, QUERY_FIELD));
}

const isEmptyObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
