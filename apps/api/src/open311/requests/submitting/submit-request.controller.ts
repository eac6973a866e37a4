import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_MEDIA_URL_LENGTH, type PhotoToAttach } from '@switchboard/ticketing';
import { attachmentIdOf, PhotoIntake } from '../../../attachments/photo-intake';
import { Public } from '../../../auth/public.decorator';
import { type CommandMeta, CommandMetadata } from '../../../tickets/command-handling/command-meta';
import { TicketOpener } from '../../../tickets/opening/ticket-opener';
import { ApiKeyGuard } from '../../api-key/api-key.guard';
import { Open311ErrorFilter } from '../../errors/open311-error.filter';
import { listOf } from '../../format/open311-document';
import { renderDocument } from '../../format/render-document';
import { responseFormat } from '../../format/response-format';
import { FormBody, MultipartBody } from '../../../input/route-input';
import { Open311Error } from '../../errors/open311-error';
import { mediaOf, MultipartFormGuard } from './multipart-form.guard';
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
    private readonly photos: PhotoIntake,
  ) {}

  /**
   * POST Service Request (form-encoded, api_key required): opens a ticket, channel open311 — in
   * intake, or assigned to its department when the catalog routes the service on open, and then the
   * answer carries `expected_datetime` (the SLA due time, read back from the ticket's own stream).
   */
  @Post('requests.:format')
  // The multipart guard first: it reads a multipart form's fields, api_key among them.
  @UseGuards(MultipartFormGuard, ApiKeyGuard)
  @FormBody()
  @MultipartBody()
  @ApiBody({ schema: SUBMISSION_FORM_SCHEMA as never })
  async submit(
    @Param('format') extension: string,
    @Body() form: FormFields,
    @CommandMetadata() meta: CommandMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = responseFormat(extension);
    this.endpoint.checkJurisdiction(singleField(form, 'jurisdiction_id'));
    const submission = readSubmission(form, this.endpoint.catalog);
    // Photos: a media_url the client hosts (kept as a link, never fetched) and media uploads, all public;
    // each upload checked and re-encoded, and the open decided, before anything is stored.
    const link = mediaLink(singleField(form, 'media_url'), meta.commandId);
    const uploads = [];
    for (const file of mediaOf(request)) uploads.push(await this.photos.process(file.bytes, meta.actor));
    const photos: PhotoToAttach[] = [
      ...(link ? [link] : []),
      ...uploads.map((upload, i) => this.photos.photoOf(upload, attachmentIdOf(meta.commandId, i + 1), 'public')),
    ];
    const ticket = photos.length > 0 ? { ...submission.ticket, photos } : submission.ticket;
    if (uploads.length > 0) {
      await this.photos.assertAccepted({ ...ticket, type: 'OpenTicket', ticketId: '' }, meta);
      await this.photos.keep(uploads);
    }
    const opened = await this.opener.open(ticket, meta);
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

/** `media_url`: an http(s) URL of a photo the client hosts, kept as a public link photo (the first photo of the request). */
function mediaLink(url: string | undefined, commandId: string): PhotoToAttach | undefined {
  if (url === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || url.length > MAX_MEDIA_URL_LENGTH) {
    throw new Open311Error(400, `media_url must be an http or https URL of at most ${MAX_MEDIA_URL_LENGTH} characters.`);
  }
  return { attachmentId: attachmentIdOf(commandId, 0), visibility: 'public', source: 'link', url };
}
