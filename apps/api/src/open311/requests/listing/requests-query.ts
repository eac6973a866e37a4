import type { ServiceCatalog } from '@switchboard/ticketing';
import { Open311Error } from '../../errors/open311-error';
import { parseW3cDateTime } from '../../format/w3c-datetime';
import type { RequestStatus } from '../request-status';
import { type FormFields, singleField } from '../submitting/form-fields';

/** The spec's default and largest window of requested_datetime, and its largest answer. */
export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Which requests a search asks for, one page of them, newest first. */
export interface RequestSearch {
  readonly serviceCodes?: readonly string[];
  readonly statuses?: readonly RequestStatus[];
  /** requested_datetime window, [from, to). */
  readonly requestedFrom?: Date;
  readonly requestedTo?: Date;
  /** updated_datetime window (extension), (after, before). */
  readonly updatedAfter?: Date;
  readonly updatedBefore?: Date;
  readonly page: number;
  readonly pageSize: number;
}

/** GET requests: named requests (service_request_id overrides every other filter) or a search. */
export type RequestsQuery =
  | { readonly kind: 'named'; readonly ids: readonly string[]; readonly extensions: boolean }
  | { readonly kind: 'search'; readonly search: RequestSearch; readonly extensions: boolean };

/** Reads GET requests' parameters, applying the spec's defaults: the last 90 days, at most 1,000 requests. */
export function parseRequestsQuery(query: FormFields, now: Date, catalog: ServiceCatalog): RequestsQuery {
  const extensions = singleField(query, 'extensions') === 'true';
  const ids = commaList(query, 'service_request_id');
  if (ids) {
    if (ids.length > MAX_REQUESTS) throw new Open311Error(400, `service_request_id names ${ids.length} requests; ask for at most ${MAX_REQUESTS}.`);
    return { kind: 'named', ids: [...new Set(ids)], extensions };
  }
  const problems: string[] = [];
  const serviceCodes = commaList(query, 'service_code');
  const unknown = serviceCodes?.filter((code) => !catalog.service(code)) ?? [];
  if (unknown.length > 0) problems.push(`service_code ${unknown.join(', ')} was not found; see services.xml.`);
  const statuses = commaList(query, 'status');
  if (statuses?.some((status) => status !== 'open' && status !== 'closed')) problems.push('status must be open, closed, or both comma-separated.');
  const date = (name: string): Date | undefined => dateParameter(query, name, problems);
  const start = date('start_date');
  const end = date('end_date');
  const updatedAfter = date('updated_after');
  const updatedBefore = date('updated_before');
  const page = wholeNumber(query, 'page', 1, Number.MAX_SAFE_INTEGER, problems) ?? 1;
  const pageSize = wholeNumber(query, 'page_size', 1, MAX_REQUESTS, problems) ?? MAX_REQUESTS;
  if (start && end && start.getTime() >= end.getTime()) problems.push('start_date must be before end_date.');
  else if (start && end && end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY_MS)
    problems.push(`start_date to end_date may span at most ${MAX_SPAN_DAYS} days.`);
  if (updatedAfter && updatedBefore && updatedAfter.getTime() >= updatedBefore.getTime()) problems.push('updated_after must be before updated_before.');
  if (problems.length > 0) throw new Open311Error(400, problems);

  return {
    kind: 'search',
    extensions,
    search: {
      serviceCodes,
      statuses: statuses as RequestStatus[] | undefined,
      ...requestedWindow(start, end, now, updatedAfter !== undefined || updatedBefore !== undefined),
      updatedAfter,
      updatedBefore,
      page,
      pageSize,
    },
  };
}

/**
 * The requested_datetime window: the spec's 90 days ending now by default, or 90 days from a lone
 * start_date or up to a lone end_date. A search by updated time alone (a client catching up on
 * changes) gets no default window, so changes to older requests are not missed.
 */
function requestedWindow(start: Date | undefined, end: Date | undefined, now: Date, byUpdate: boolean): { requestedFrom?: Date; requestedTo?: Date } {
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (start && end) return { requestedFrom: start, requestedTo: end };
  if (start) return { requestedFrom: start, requestedTo: new Date(start.getTime() + span) };
  if (end) return { requestedFrom: new Date(end.getTime() - span), requestedTo: end };
  return byUpdate ? {} : { requestedFrom: new Date(now.getTime() - span), requestedTo: new Date(now.getTime() + 1) };
}

/** A W3C date-time parameter, or undefined when absent; a value that is none is a problem naming it. */
export function dateParameter(query: FormFields, name: string, problems: string[]): Date | undefined {
  const text = singleField(query, name);
  const parsed = text === undefined ? undefined : parseW3cDateTime(text);
  if (text !== undefined && !parsed) problems.push(`${name} must be a W3C date-time with a time zone, e.g. 2026-11-02T00:00:00Z.`);
  return parsed;
}

function commaList(query: FormFields, name: string): string[] | undefined {
  const value = query[name];
  const texts = Array.isArray(value) ? value : [value];
  const items = texts
    .flatMap((text) => (typeof text === 'string' ? text.split(',') : []))
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function wholeNumber(query: FormFields, name: string, min: number, max: number, problems: string[]): number | undefined {
  const text = singleField(query, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name} must be a whole number from ${min} to ${max}.`);
  return undefined;
}
