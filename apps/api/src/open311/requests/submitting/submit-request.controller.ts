import { Body, Controller, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../auth/public.decorator';
import { type CommandMeta, CommandMetadata } from '../../../tickets/command-handling/command-meta';
import { TicketOpener } from '../../../tickets/opening/ticket-opener';
import { ApiKeyGuard } from '../../api-key/api-key.guard';
import { Open311ErrorFilter } from '../../errors/open311-error.filter';
import { listOf } from '../../format/open311-document';
import { renderDocument } from '../../format/render-document';
import { responseFormat } from '../../format/response-format';
import { FormBody } from '../../../input/route-input';
import { Open311Endpoint } from '../../open311-endpoint';
import { SUBMISSION_FORM_SCHEMA } from '../../open311-parameters';
import { ServiceRequestReader } from '../reading/service-request-reader';
import { serviceNotice } from '../../services/service-notice';
import { type FormFields, singleField } from './form-fields';
import { readSubmission } from './submitted-request';

@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class SubmitRequestController {
  constructor(
    private readonly endpoint: Open311Endpoint,
    private readonly opener: TicketOpener,
    private readonly requests: ServiceRequestReader,
  ) {}

  /**
   * POST Service Request (form-encoded, api_key required): opens a ticket, channel open311 — in
   * intake, or assigned to its department when the catalog routes the service on open, and then the
   * answer carries `expected_datetime` (the SLA due time, read back from the ticket's own stream).
   */
  @Post('requests.:format')
  @UseGuards(ApiKeyGuard)
  @FormBody()
  @ApiBody({ schema: SUBMISSION_FORM_SCHEMA as never })
  async submit(
    @Param('format') extension: string,
    @Body() form: FormFields,
    @CommandMetadata() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = responseFormat(extension);
    this.endpoint.checkJurisdiction(singleField(form, 'jurisdiction_id'));
    const submission = readSubmission(form, this.endpoint.catalog);
    const opened = await this.opener.open(submission.ticket, meta);
    const dueAt = opened.status === 'intake' ? undefined : (await this.requests.one(opened.ticketId)).state.dueAt;
    return renderDocument(reply, format, {
      root: 'service_requests',
      body: listOf('request', [
        {
          service_request_id: opened.ticketId,
          service_notice: serviceNotice(submission.service, this.endpoint.catalog),
          account_id: submission.accountId,
          expected_datetime: dueAt === undefined ? undefined : this.endpoint.dateTime(dueAt),
        },
      ]),
    });
  }
}
