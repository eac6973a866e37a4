import { ApiProperty } from '@nestjs/swagger';
import {
  PHOTO_CONTENT_TYPES,
  PHOTO_VISIBILITIES,
  type PhotoContentType,
  type PhotoLocation,
  type PhotoVisibility,
  type StoredImage,
  type TicketPhoto,
} from '@switchboard/ticketing';
import { CommandResultDto } from '../tickets/command-handling/command-result.dto';

/** One stored image of a photo (its original or its thumbnail), named by the SHA-256 of its bytes. */
export class StoredImageDto implements StoredImage {
  /** SHA-256 of the bytes, lower-case hex (also the image's ETag). */
  readonly sha256!: string;
  @ApiProperty({ enum: PHOTO_CONTENT_TYPES })
  readonly contentType!: PhotoContentType;
  /** Bytes. */
  readonly size!: number;
  readonly width!: number;
  readonly height!: number;
}

/** Where a photo was taken, from its EXIF (only when the location policy kept it). */
export class PhotoLocationDto implements PhotoLocation {
  readonly latitude!: number;
  readonly longitude!: number;
}

/** A photo on a ticket: stored here (`upload`: original and thumbnail) or a link an Open311 client hosts (`link`: url). */
export class TicketPhotoDto {
  readonly attachmentId!: string;
  @ApiProperty({ enum: PHOTO_VISIBILITIES })
  readonly visibility!: PhotoVisibility;
  readonly caption?: string;
  @ApiProperty({ enum: ['upload', 'link'] })
  readonly source!: 'upload' | 'link';
  readonly original?: StoredImageDto;
  readonly thumbnail?: StoredImageDto;
  readonly location?: PhotoLocationDto;
  /** For links: where the client hosts the photo (never fetched by the city's servers). */
  readonly url?: string;
  readonly attachedAt!: string;
  /** The user id of whoever attached it. */
  readonly attachedBy!: string;
}

/** GET /tickets/{id}/photos */
export class TicketPhotosDto {
  readonly ticketId!: string;
  /** Revision of the ticket's last event. */
  readonly revision!: number;
  /** Oldest first. */
  @ApiProperty({ type: () => [TicketPhotoDto] })
  readonly photos!: readonly TicketPhoto[];
}

/** POST /tickets/{id}/photos: the command's answer and the id of the photo attached. */
export class PhotoAttachedDto extends CommandResultDto {
  readonly attachmentId!: string;
}

/** The multipart form of POST /tickets/{id}/photos, as the OpenAPI document describes it. */
export const PHOTO_UPLOAD_FORM_SCHEMA = {
  type: 'object',
  required: ['photo'],
  properties: {
    photo: {
      type: 'string',
      format: 'binary',
      description: 'The photo: JPEG, PNG, WebP, HEIC or AVIF (judged by its content), at most SWITCHBOARD_PHOTO_MAX_BYTES.',
    },
    visibility: {
      type: 'string',
      enum: PHOTO_VISIBILITIES,
      default: 'internal',
      description: 'public photos are also served to Open311 clients as media_url.',
    },
    caption: { type: 'string', maxLength: 500 },
  },
} as const;
