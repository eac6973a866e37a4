import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStore } from '@switchboard/attachments';
import { type CommandMeta, loadTicket, TicketCommandHandler } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { isValidTicketId, MAX_PHOTO_CAPTION_LENGTH, PHOTO_VISIBILITIES, type PhotoVisibility, type TicketPhoto } from '@switchboard/ticketing';
import { InvalidRequest, PhotoNotFound, TicketNotFound, UnsupportedMediaType } from '../errors/api-exceptions';
import { MultipartBody } from '../input/route-input';
import { CommandMetadata } from '../tickets/command-handling/command-meta';
import { BLOB_STORE } from './blob-store.provider';
import { isMultipart, readMultipart } from './multipart-upload';
import { PHOTO_UPLOAD_FORM_SCHEMA, PhotoAttachedDto, TicketPhotosDto } from './photo.dto';
import { attachmentIdOf, PhotoIntake } from './photo-intake';

const UPLOAD_FIELDS = new Set(['visibility', 'caption']);

/**
 * Photos on a ticket, for those who may see the ticket — the same callers as GET /tickets/:id
 * (city staff; resident tokens use Open311, where only public photos are served). Attaching is a
 * command (AttachPhoto): the lifecycle's who-may rule judges it, in the ticket's open states.
 */
@ApiTags('photos')
@Controller('tickets')
export class PhotosController {
  constructor(
    private readonly intake: PhotoIntake,
    private readonly commands: TicketCommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /**
   * Attaches a photo (multipart/form-data: `photo`, optional `visibility` and `caption`). Refused
   * with 413 when too large, 415 when it is not a photo by its content, 403 for a caller the
   * who-may rule does not admit, 404 for an unknown ticket, 400 without a `photo` file; a refused
   * upload stores nothing.
   */
  @Post(':id/photos')
  @HttpCode(200)
  @MultipartBody()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: PHOTO_UPLOAD_FORM_SCHEMA as never })
  @ApiOkResponse({ type: PhotoAttachedDto })
  async attach(@Param('id') ticketId: string, @Req() request: FastifyRequest, @CommandMetadata() meta: CommandMeta): Promise<PhotoAttachedDto> {
    if (!isMultipart(request))
      throw new UnsupportedMediaType(String(request.headers['content-type'] ?? ''), 'must be multipart/form-data with the photo as the file field photo');
    const upload = await readMultipart(request, { fileFields: ['photo'], maxBytes: this.intake.config.attachments.policy.maxBytes, maxFiles: 2 });
    const { visibility, caption } = uploadFields(upload.fields);
    if (upload.files.length !== 1) {
      throw new InvalidRequest([
        {
          field: 'photo',
          message: upload.files.length === 0 ? 'is required: send the photo as a file field named photo' : 'must be sent once: one photo per request',
        },
      ]);
    }
    const processed = await this.intake.process(upload.files[0].bytes, meta.actor);
    const attachmentId = attachmentIdOf(meta.commandId, 0);
    const command = { type: 'AttachPhoto', ticketId, photo: this.intake.photoOf(processed, attachmentId, visibility, caption) } as const;
    await this.intake.assertAccepted(command, meta);
    await this.intake.keep([processed]);
    return { ...(await this.commands.execute(command, meta)), attachmentId };
  }

  /** The ticket's photos, oldest first. */
  @Get(':id/photos')
  @ApiOkResponse({ type: TicketPhotosDto })
  async list(@Param('id') ticketId: string): Promise<TicketPhotosDto> {
    const ticket = await this.ticket(ticketId);
    return { ticketId, revision: ticket.revision, photos: ticket.state.photos ?? [] };
  }

  /** The photo as stored: orientation applied, no EXIF. */
  @Get(':id/photos/:photoId')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image bytes.' })
  async original(@Param('id') ticketId: string, @Param('photoId') photoId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.serve(await this.photo(ticketId, photoId), 'original', request, reply);
  }

  /** The photo's thumbnail (WebP, at most 320 pixels on its longer side). */
  @Get(':id/photos/:photoId/thumbnail')
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'The thumbnail bytes.' })
  async thumbnail(@Param('id') ticketId: string, @Param('photoId') photoId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.serve(await this.photo(ticketId, photoId), 'thumbnail', request, reply);
  }

  private async ticket(ticketId: string) {
    const ticket = isValidTicketId(ticketId) ? await loadTicket(this.store, ticketId) : undefined;
    if (ticket?.revision === undefined) throw new TicketNotFound(ticketId);
    return { ...ticket, revision: ticket.revision };
  }

  private async photo(ticketId: string, photoId: string): Promise<TicketPhoto> {
    const photo = (await this.ticket(ticketId)).state.photos?.find((p) => p.attachmentId === photoId);
    if (!photo) throw new PhotoNotFound(photoId, `Ticket ${ticketId} has no photo ${photoId}.`);
    return photo;
  }

  private async serve(photo: TicketPhoto, which: 'original' | 'thumbnail', request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await sendPhoto(this.blobs, photo, which, request, reply, 'private');
  }
}

/** The text fields of an upload: `visibility` (default internal) and `caption`; anything else is refused, naming it. */
function uploadFields(fields: Record<string, string | string[]>): { visibility: PhotoVisibility; caption?: string } {
  const problems = Object.entries(fields).flatMap(([name, value]) => {
    if (!UPLOAD_FIELDS.has(name)) return [{ field: name, message: `is not a field of this form; it takes photo, ${[...UPLOAD_FIELDS].join(', ')}` }];
    if (Array.isArray(value)) return [{ field: name, message: `was sent ${value.length} times; send it once` }];
    if (name === 'visibility' && !(PHOTO_VISIBILITIES as readonly string[]).includes(value))
      return [{ field: name, message: `must be one of ${PHOTO_VISIBILITIES.join(', ')}` }];
    if (name === 'caption' && value.length > MAX_PHOTO_CAPTION_LENGTH)
      return [{ field: name, message: `must be at most ${MAX_PHOTO_CAPTION_LENGTH} characters (got ${value.length})` }];
    return [];
  });
  if (problems.length > 0) throw new InvalidRequest(problems);
  const caption = (fields.caption as string | undefined)?.trim();
  return { visibility: (fields.visibility as PhotoVisibility | undefined) ?? 'internal', ...(caption ? { caption } : {}) };
}

/**
 * Sends a stored photo's bytes: its type as stored (never what the uploader declared), its digest as
 * a strong ETag (the bytes never change under a name, so `If-None-Match` answers 304), `nosniff`.
 * A link photo has no bytes here: 404 naming where it is.
 */
export async function sendPhoto(
  blobs: BlobStore,
  photo: TicketPhoto,
  which: 'original' | 'thumbnail',
  request: FastifyRequest,
  reply: FastifyReply,
  cache: 'private' | 'public',
): Promise<void> {
  if (photo.source === 'link')
    throw new PhotoNotFound(photo.attachmentId, `Photo ${photo.attachmentId} is a link to ${photo.url}; its bytes are not stored here.`);
  const image = photo[which];
  const etag = `"${image.sha256}"`;
  void reply
    .header('ETag', etag)
    .header('Cache-Control', `${cache}, max-age=86400`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `inline; filename="${photo.attachmentId}${which === 'thumbnail' ? '-thumbnail' : ''}.${image.contentType.split('/')[1]}"`);
  if (request.headers['if-none-match'] === etag) {
    void reply.code(304).send();
    return;
  }
  const bytes = await blobs.get(image.sha256);
  // The event is appended only after its blobs are stored, so a missing blob is a store that lost data.
  if (!bytes) throw new Error(`Blob ${image.sha256} of photo ${photo.attachmentId} is missing from ${blobs.location}.`);
  void reply.type(image.contentType).send(bytes);
}
