import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { Open311Error } from '../errors/open311-error';
import { Open311ErrorFilter } from '../errors/open311-error.filter';
import { responseFormat } from '../format/response-format';
import { QueryParameters } from '../../input/route-input';
import { Open311Endpoint } from '../open311-endpoint';
import { API_KEY, JURISDICTION } from '../open311-parameters';
import { singleField, type FormFields } from '../requests/submitting/form-fields';

@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class TokensController {
  constructor(private readonly endpoint: Open311Endpoint) {}

  /**
   * GET service_request_id from a token. Every service is realtime: POST requests answers the
   * service_request_id itself and issues no tokens, so no token is ever found (the spec's 404).
   */
  @Get('tokens/:token.:format')
  @QueryParameters({ ...JURISDICTION, ...API_KEY })
  token(@Param('token') token: string, @Param('format') extension: string, @Query() query: FormFields): never {
    responseFormat(extension);
    this.endpoint.checkJurisdiction(singleField(query, 'jurisdiction_id'));
    throw new Open311Error(
      404,
      `Token "${token}" was not found: this endpoint is realtime and answers service_request_id when a request is posted; it issues no tokens.`,
    );
  }
}
