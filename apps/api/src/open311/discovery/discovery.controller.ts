import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/public.decorator';
import { Open311ErrorFilter } from '../errors/open311-error.filter';
import { listOf } from '../format/open311-document';
import { renderDocument } from '../format/render-document';
import { CONTENT_TYPES, responseFormat } from '../format/response-format';
import { QueryParameters } from '../../input/route-input';
import { Open311Endpoint } from '../open311-endpoint';
import { API_KEY } from '../open311-parameters';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class DiscoveryController {
  constructor(private readonly endpoint: Open311Endpoint) {}

  /** Service discovery: where the GeoReport v2 endpoint is, its formats, and whom to ask for a key. */
  @Get('discovery.:format')
  @QueryParameters(API_KEY)
  discovery(@Param('format') extension: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    const format = responseFormat(extension);
    const { settings, changeset } = this.endpoint;
    const url = settings.publicUrl ?? `${request.protocol}://${request.host}${settings.basePath}`;
    return renderDocument(reply, format, {
      root: 'discovery',
      body: {
        changeset,
        contact: settings.contact,
        key_service: settings.keyService,
        endpoints: listOf('endpoint', [
          {
            specification: SPECIFICATION,
            url,
            changeset,
            type: 'production',
            formats: listOf('format', [CONTENT_TYPES.xml.split(';')[0], CONTENT_TYPES.json.split(';')[0]]),
          },
        ]),
      },
    });
  }
}
