import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStore } from '@switchboard/attachments';
import { BLOB_STORE } from '../../attachments/blob-store.provider';
import { sendPhoto } from '../../attachments/photos.controller';
import { Public } from '../../auth/public.decorator';
import { Open311Error } from '../errors/open311-error';
import { Open311ErrorFilter } from '../errors/open311-error.filter';
import { ServiceRequestReader } from '../requests/reading/service-request-reader';
import { extensionOf, publicPhotos } from './public-media';

/**
 * The public photos of service requests, where `media_url` points: no key needed, as every GET of
 * Open311. Only photos marked public are served (a resident's Open311 upload is public; staff choose);
 * an internal photo is not found here, whoever asks.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@Controller()
export class MediaController {
  constructor(
    private readonly reader: ServiceRequestReader,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** A public photo of a request, as stored (orientation applied, no EXIF): the URL its `media_url` gives. */
  @Get('media/:id/:photoId.:format')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image bytes.' })
  async photo(
    @Param('id') id: string,
    @Param('photoId') photoId: string,
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const ticket = await this.reader.one(id);
    const photo = publicPhotos(ticket.state).find((p) => p.attachmentId === photoId && p.source === 'upload' && extensionOf(p.original.contentType) === format);
    if (!photo) throw new Open311Error(404, `media ${photoId}.${format} of service request ${id} was not found.`);
    await sendPhoto(this.blobs, photo, 'original', request, reply, 'public');
  }
}
