import { HttpException, HttpStatus } from '@nestjs/common';
import { ConcurrencyConflictError, EventTooLargeError, InvalidArgumentError, StoreUnavailableError } from '@switchboard/event-store';
import { InvalidQueryParameterError, ReadModelTimeoutError, TemporalModelPendingError } from '@switchboard/read-models';
import type { DomainError } from '@switchboard/ticketing';
import { PhotoRefused } from '@switchboard/attachments';
import { CommandRefused, IdempotencyKeyReused, RevisionMismatch } from '@switchboard/command-handling';
import {
  ArticleNotFound,
  ContactNotFound,
  DepartmentNotFound,
  type FieldProblem,
  InvalidRequest,
  NothingToClaim,
  PhotoNotFound,
  QueryForbidden,
  TicketNotFound,
  WebhookSubscriptionDisabled,
  WebhookSubscriptionNotFound,
  UnreadableBody,
  UnsupportedMediaType,
} from './api-exceptions';

/** The JSON body of every error response (plus `correlationId`, added by the filter). */
export interface Problem {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  InvalidCommand: HttpStatus.BAD_REQUEST,
  NotFound: HttpStatus.NOT_FOUND,
  Forbidden: HttpStatus.FORBIDDEN,
  IllegalTransition: HttpStatus.CONFLICT,
};

const HTTP_ERROR_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  414: 'URITooLong',
  415: 'UnsupportedMediaType',
  503: 'ServiceUnavailable',
};

/** Maps anything a request can fail with to its HTTP problem; undefined means an internal failure. */
export function problemFor(error: unknown): Problem | undefined {
  if (error instanceof CommandRefused) return domainProblem(error);
  if (error instanceof InvalidRequest) {
    return { statusCode: 400, error: 'InvalidRequest', message: error.message, problems: error.problems };
  }
  if (error instanceof UnreadableBody) return { statusCode: 400, error: 'BadRequest', message: error.message, problems: error.problems };
  if (error instanceof UnsupportedMediaType) {
    return { statusCode: 415, error: 'UnsupportedMediaType', message: error.message, problems: [{ field: 'Content-Type', message: error.reason }] };
  }
  if (error instanceof RevisionMismatch) {
    // currentRevision null: the ticket does not exist yet (If-Match sent with a new ticket).
    return { statusCode: 412, error: 'RevisionMismatch', message: error.message, currentRevision: error.currentRevision ?? null };
  }
  if (error instanceof IdempotencyKeyReused) {
    return { statusCode: 422, error: 'IdempotencyKeyReused', message: error.message, idempotencyKey: error.key, differs: error.differs };
  }
  if (error instanceof PhotoRefused) return photoProblem(error);
  if (error instanceof PhotoNotFound) return { statusCode: 404, error: 'NotFound', message: error.message, what: 'photo', id: error.photoId };
  if (error instanceof TicketNotFound) return { statusCode: 404, error: 'NotFound', message: error.message, what: 'ticket', id: error.ticketId };
  const queryProblem = readSideProblem(error);
  if (queryProblem) return queryProblem;
  if (error instanceof ConcurrencyConflictError) {
    return { statusCode: 409, error: 'ConcurrencyConflict', message: 'The ticket kept changing while the command was decided; retry it.' };
  }
  if (error instanceof EventTooLargeError) return { statusCode: 413, error: 'PayloadTooLarge', message: error.message };
  if (error instanceof InvalidArgumentError) {
    return { statusCode: 422, error: 'IdempotencyKeyReused', message: `${error.message} Use a new Idempotency-Key for a new request.` };
  }
  if (error instanceof StoreUnavailableError) {
    return { statusCode: 503, error: 'StoreUnavailable', message: 'The event store is unavailable; retry shortly.' };
  }
  if (error instanceof HttpException) return httpProblem(error);
  return fastifyProblem(error);
}

/** Errors of the queries answered from the read models (queues, ticket list, completion metrics). */
function readSideProblem(error: unknown): Problem | undefined {
  if (error instanceof InvalidQueryParameterError) {
    return { statusCode: 400, error: 'InvalidRequest', message: error.message, problems: [{ field: error.parameter, message: error.message }] };
  }
  if (error instanceof ReadModelTimeoutError) {
    // The filter turns retryAfterSeconds into a Retry-After header.
    return {
      statusCode: 503,
      error: 'ReadModelsBehind',
      message: error.message,
      position: error.position,
      reached: error.reached ?? null,
      retryAfterSeconds: 1,
    };
  }
  if (error instanceof TemporalModelPendingError) return { statusCode: 503, error: 'TemporalModelPending', message: error.message };
  if (error instanceof ContactNotFound) return { statusCode: 404, error: 'NotFound', message: error.message, what: 'contact', id: error.contactId };
  if (error instanceof ArticleNotFound) return { statusCode: 404, error: 'NotFound', message: error.message, what: 'article', id: error.articleId };
  if (error instanceof DepartmentNotFound) return { statusCode: 404, error: 'NotFound', message: error.message, what: 'department', id: error.department };
  if (error instanceof WebhookSubscriptionNotFound) {
    return { statusCode: 404, error: 'NotFound', message: error.message, what: 'webhook subscription', id: error.subscriptionId };
  }
  if (error instanceof WebhookSubscriptionDisabled) return { statusCode: 409, error: 'SubscriptionDisabled', message: error.message, id: error.subscriptionId };
  if (error instanceof QueryForbidden) return { statusCode: 403, error: 'Forbidden', message: error.message, rule: error.rule, whoMay: error.whoMay };
  if (error instanceof NothingToClaim) return { statusCode: 409, error: 'NothingToClaim', message: error.message, department: error.department };
  return undefined;
}

/** An upload refused before anything was stored: 413 too large, 415 not a photo by its content. */
function photoProblem(error: PhotoRefused): Problem {
  return error.reason === 'too_large'
    ? { statusCode: 413, error: 'PayloadTooLarge', message: error.message, problems: [{ field: 'photo', message: error.message }] }
    : { statusCode: 415, error: 'UnsupportedMediaType', message: error.message, problems: [{ field: 'photo', message: error.message }] };
}

function domainProblem({ error, problems }: CommandRefused): Problem {
  const { kind, message, ...details } = error;
  const base = { statusCode: DOMAIN_STATUS[kind], error: kind, message };
  if (kind === 'InvalidCommand') {
    return { ...base, message: 'The command has invalid fields.', problems: problems.map((p) => ({ field: 'field' in p ? p.field : '', message: p.message })) };
  }
  return { ...base, ...details };
}

function httpProblem(error: HttpException): Problem {
  // Fastify's own errors (body too large, wrong media type…) arrive wrapped by the adapter.
  const fastify = fastifyProblem(error.cause);
  if (fastify) return fastify;
  const status = error.getStatus();
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
  // Nest's answer for a path no route serves names the route, like every other 404 names what it did not find.
  const route = status === 404 ? /^Cannot ([A-Z]+) (\S*)$/.exec(message) : null;
  if (route) return { statusCode: 404, error: 'NotFound', message, what: 'route', id: `${route[1]} ${route[2].split('?')[0]}` };
  return { statusCode: status, error: HTTP_ERROR_NAMES[status] ?? 'HttpError', message };
}

/** What each error Fastify raises before a route runs is about: the error name and the part of the request it names. */
const FASTIFY_ERRORS: Record<string, { readonly error: string; readonly field: string; readonly message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'PayloadTooLarge', field: '(body)', message: 'is larger than the body limit (SWITCHBOARD_BODY_LIMIT)' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    error: 'UnsupportedMediaType',
    field: 'Content-Type',
    message: 'must be application/json (Open311 POST requests: application/x-www-form-urlencoded)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { error: 'BadRequest', field: 'Content-Length', message: 'does not match the size of the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    error: 'BadRequest',
    field: '(body)',
    message: 'is empty: send a JSON object, or no Content-Type when there is nothing to send',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'BadRequest', field: '(body)', message: 'is not valid JSON' },
  FST_ERR_BAD_URL: { error: 'BadRequest', field: '(url)', message: 'has a malformed percent-escape (the path must be percent-encoded UTF-8)' },
  FST_ERR_INVALID_URL: { error: 'BadRequest', field: '(url)', message: 'is not a valid URL' },
  FST_ERR_MAX_PARAM_LENGTH: { error: 'URITooLong', field: '(url)', message: 'has a path segment longer than the router accepts' },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: { error: 'BadRequest', field: 'Content-Type', message: 'is required with a body' },
};

/** Errors Fastify raises before a route runs (body too large, malformed JSON, wrong content type, bad URL): named like every other problem. */
function fastifyProblem(error: unknown): Problem | undefined {
  const { statusCode, code, message } = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500 || typeof code !== 'string') return undefined;
  const known = FASTIFY_ERRORS[code];
  const problems: FieldProblem[] = [{ field: known?.field ?? '(request)', message: known?.message ?? String(message) }];
  return { statusCode, error: known?.error ?? HTTP_ERROR_NAMES[statusCode] ?? 'BadRequest', message: String(message), problems };
}
