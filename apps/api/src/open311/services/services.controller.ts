import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/public.decorator';
import { Open311Error } from '../errors/open311-error';
import { Open311ErrorFilter } from '../errors/open311-error.filter';
import { listOf } from '../format/open311-document';
import { renderDocument } from '../format/render-document';
import { responseFormat } from '../format/response-format';
import { QueryParameters } from '../../input/route-input';
import { Open311Endpoint } from '../open311-endpoint';
import { API_KEY, JURISDICTION } from '../open311-parameters';
import { serviceDefinition, serviceEntry } from './service-documents';

@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class ServicesController {
  constructor(private readonly endpoint: Open311Endpoint) {}

  /** GET Service List: every service type of the catalog. */
  @Get('services.:format')
  @QueryParameters({ ...JURISDICTION, ...API_KEY })
  services(@Param('format') extension: string, @Query('jurisdiction_id') jurisdictionId: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    const format = responseFormat(extension);
    this.endpoint.checkJurisdiction(jurisdictionId);
    return renderDocument(reply, format, { root: 'services', body: listOf('service', this.endpoint.catalog.services().map(serviceEntry)) });
  }

  /** GET Service Definition: the attributes a service asks for. */
  @Get('services/:code.:format')
  @QueryParameters({ ...JURISDICTION, ...API_KEY })
  definition(
    @Param('code') code: string,
    @Param('format') extension: string,
    @Query('jurisdiction_id') jurisdictionId: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const format = responseFormat(extension);
    this.endpoint.checkJurisdiction(jurisdictionId);
    const service = this.endpoint.catalog.service(code);
    if (!service) throw new Open311Error(404, `service_code "${code}" was not found.`);
    return renderDocument(reply, format, { root: 'service_definition', body: serviceDefinition(service) });
  }
}
