import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../auth/public.decorator';
import { CLOCK, type Clock } from '../../../clock/clock';
import { Open311ErrorFilter } from '../../errors/open311-error.filter';
import { listOf } from '../../format/open311-document';
import { renderDocument } from '../../format/render-document';
import { QueryParameters } from '../../../input/route-input';
import { Open311Endpoint } from '../../open311-endpoint';
import { ONE_REQUEST, REQUEST_LISTING } from '../../open311-parameters';
import { REQUEST_SEARCH, type RequestSearchPort } from '../listing/request-search';
import { parseRequestsQuery } from '../listing/requests-query';
import { type FormFields, singleField } from '../submitting/form-fields';
import { ServiceRequestReader } from './service-request-reader';
import { serviceRequestDocument } from './service-request-document';
import { endpointUrl } from '../../media/public-media';

@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class RequestsController {
  constructor(
    private readonly endpoint: Open311Endpoint,
    private readonly reader: ServiceRequestReader,
    @Inject(REQUEST_SEARCH) private readonly requestSearch: RequestSearchPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** GET Service Requests: named ones (service_request_id), or a search by service, status and dates, paged. */
  @Get('requests.:format')
  @QueryParameters(REQUEST_LISTING)
  async list(
    @Param('format') extension: string,
    @Query() query: FormFields,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = this.endpoint.answerFormat(extension, singleField(query, 'jurisdiction_id'));
    const now = this.clock.now();
    const parsed = parseRequestsQuery(query, now, this.endpoint.catalog);
    const ids = parsed.kind === 'named' ? parsed.ids : await this.requestSearch.search(parsed.search, now);
    const tickets = await this.reader.some(ids);
    return renderDocument(reply, format, {
      root: 'service_requests',
      body: listOf(
        'request',
        tickets.map((ticket) => serviceRequestDocument(ticket, this.endpoint, parsed.extensions, endpointUrl(this.endpoint.settings, request))),
      ),
    });
  }

  /** GET Service Request: one request by its id. */
  @Get('requests/:id.:format')
  @QueryParameters(ONE_REQUEST)
  async one(
    @Param('id') id: string,
    @Param('format') extension: string,
    @Query() query: FormFields,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = this.endpoint.answerFormat(extension, singleField(query, 'jurisdiction_id'));
    const ticket = await this.reader.one(id);
    const extensions = singleField(query, 'extensions') === 'true';
    return renderDocument(reply, format, {
      root: 'service_requests',
      body: listOf('request', [serviceRequestDocument(ticket, this.endpoint, extensions, endpointUrl(this.endpoint.settings, request))]),
    });
  }
}
