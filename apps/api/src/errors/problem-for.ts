import { HttpException, HttpStatus } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  EventTooLargeError,
  InvalidArgumentError,
  StoreUnavailableError,
} from '@switchboard/event-store';
import { InvalidQueryParameterError, ReadModelTimeoutError } from '@switchboard/read-models';
import type { DomainError } from '@switchboard/ticketing';
import { CommandRefused, IdempotencyKeyReused, RevisionMismatch } from '@switchboard/ticket-service';
import { DepartmentNotFound, InvalidRequest, NothingToClaim, QueryForbidden, TicketNotFound } from './api-exceptions';

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
  415: 'UnsupportedMediaType',
  503: 'ServiceUnavailable',
};

/** Maps anything a request can fail with to its HTTP problem; undefined means an internal failure. */
export function problemFor(error: unknown): Problem | undefined {
  if (error instanceof CommandRefused) return domainProblem(error);
  if (error instanceof InvalidRequest) {
    return { statusCode: 400, error: 'InvalidRequest', message: error.message, problems: error.problems };
  }
  if (error instanceof RevisionMismatch) {
    return { statusCode: 412, error: 'RevisionMismatch', message: error.message, currentRevision: error.currentRevision };
  }
  if (error instanceof IdempotencyKeyReused) {
    return { statusCode: 422, error: 'IdempotencyKeyReused', message: error.message, idempotencyKey: error.key, differs: error.differs };
  }
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
    return { statusCode: 503, error: 'ReadModelsBehind', message: error.message, position: error.position, reached: error.reached ?? null, retryAfterSeconds: 1 };
  }
  if (error instanceof DepartmentNotFound) return { statusCode: 404, error: 'NotFound', message: error.message, what: 'department', id: error.department };
  if (error instanceof QueryForbidden) return { statusCode: 403, error: 'Forbidden', message: error.message, rule: error.rule, whoMay: error.whoMay };
  if (error instanceof NothingToClaim) return { statusCode: 409, error: 'NothingToClaim', message: error.message, department: error.department };
  return undefined;
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
  const status = error.getStatus();
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
  return { statusCode: status, error: HTTP_ERROR_NAMES[status] ?? 'HttpError', message };
}

/** Errors Fastify raises before a route runs (body too large, malformed JSON, wrong content type). */
function fastifyProblem(error: unknown): Problem | undefined {
  const { statusCode, code, message } = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500 || typeof code !== 'string') return undefined;
  const name = code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'PayloadTooLarge' : code.startsWith('FST_ERR_CTP') ? 'MalformedRequest' : 'BadRequest';
  return { statusCode, error: name, message: String(message) };
}
