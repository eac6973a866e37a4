import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/public.decorator';
import { CLOCK, type Clock } from '../../clock/clock';
import { QueryParameters } from '../../input/route-input';
import { Open311Error } from '../errors/open311-error';
import { Open311ErrorFilter } from '../errors/open311-error.filter';
import { listOf } from '../format/open311-document';
import { renderDocument } from '../format/render-document';
import { endpointUrl } from '../media/public-media';
import { API_KEY, JURISDICTION } from '../open311-parameters';
import { Open311Endpoint } from '../open311-endpoint';
import { REQUEST_SEARCH, type RequestSearchPort } from '../requests/listing/request-search';
import { dateParameter, MAX_REQUESTS, MAX_SPAN_DAYS } from '../requests/listing/requests-query';
import { ServiceRequestReader } from '../requests/reading/service-request-reader';
import { type FormFields, singleField } from '../requests/submitting/form-fields';
import { requestUpdates } from './request-updates';

const HOUR_MS = 60 * 60 * 1000;
/** The window when none is given: the last day. */
const DEFAULT_SPAN_MS = 24 * HOUR_MS;
/** Requests one answer reads at most: a window that touches more is refused, to be asked for in parts. */
const MAX_REQUESTS_TOUCHED = 10 * MAX_REQUESTS;

export const REQUEST_UPDATES = {
  ...JURISDICTION,
  ...API_KEY,
  start_date: 'Updates at or after this W3C date-time (default: a day before end_date).',
  end_date: 'Updates before this W3C date-time (default: now; at most 90 days after start_date).',
} as const;

/**
 * GET servicerequestupdates (mySociety's extension of GeoReport v2, which FixMyStreet reads): the
 * public updates of every request in a window of time. Requests are found in the ticket read model
 * by their latest update (any request updated in the window was last updated at or after its start),
 * and their updates read from their own streams.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class RequestUpdatesController {
  constructor(
    private readonly endpoint: Open311Endpoint,
    private readonly reader: ServiceRequestReader,
    @Inject(REQUEST_SEARCH) private readonly requestSearch: RequestSearchPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Status updates between start_date and end_date, oldest first: update_id, service_request_id, status, updated_datetime, description, media_url. */
  @Get('servicerequestupdates.:format')
  @QueryParameters(REQUEST_UPDATES)
  async updates(
    @Param('format') extension: string,
    @Query() query: FormFields,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = this.endpoint.answerFormat(extension, singleField(query, 'jurisdiction_id'));
    const { from, to } = updatesWindow(query, this.clock.now());
    const ids: string[] = [];
    for (let page = 1; ; page += 1) {
      const found = await this.requestSearch.search({ updatedAfter: new Date(from.getTime() - 1), page, pageSize: MAX_REQUESTS }, this.clock.now());
      ids.push(...found);
      if (found.length < MAX_REQUESTS) break;
      if (ids.length >= MAX_REQUESTS_TOUCHED) {
        throw new Open311Error(400, `More than ${MAX_REQUESTS_TOUCHED} requests were updated since start_date; ask for a shorter window.`);
      }
    }
    const base = endpointUrl(this.endpoint.settings, request);
    const updates = (await this.reader.some(ids))
      .flatMap((ticket) => requestUpdates(ticket, this.endpoint.catalog, base, from, to))
      .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.updateId < b.updateId ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1));
    return renderDocument(reply, format, {
      root: 'service_request_updates',
      body: listOf(
        'request_update',
        updates.map((update) => ({
          update_id: update.updateId,
          service_request_id: update.serviceRequestId,
          status: update.status,
          updated_datetime: this.endpoint.dateTime(update.updatedAt),
          description: update.description,
          media_url: update.mediaUrl,
        })),
      ),
    });
  }
}

/** [start_date, end_date): by default the day up to now; a lone start_date runs to now, a lone end_date from a day before it. */
function updatesWindow(query: FormFields, now: Date): { from: Date; to: Date } {
  const problems: string[] = [];
  const start = dateParameter(query, 'start_date', problems);
  const end = dateParameter(query, 'end_date', problems);
  if (problems.length > 0) throw new Open311Error(400, problems);
  const to = end ?? (start && start.getTime() >= now.getTime() ? new Date(start.getTime() + DEFAULT_SPAN_MS) : new Date(now.getTime() + 1));
  const from = start ?? new Date(to.getTime() - DEFAULT_SPAN_MS);
  if (from.getTime() >= to.getTime()) throw new Open311Error(400, 'start_date must be before end_date.');
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * 24 * HOUR_MS)
    throw new Open311Error(400, `start_date to end_date may span at most ${MAX_SPAN_DAYS} days.`);
  return { from, to };
}
