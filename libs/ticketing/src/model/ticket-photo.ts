/**
 * Photos on a ticket. The domain holds what is known of a photo (its digest, type, size and
 * dimensions, who may see it, where it was taken when that was kept); the bytes live in a blob
 * store outside the domain, named by their SHA-256, written before the fact is recorded.
 */

/** Who may see a photo: `public` ones also leave through Open311's `media_url`; `internal` ones only reach those who may see the ticket. */
export const PHOTO_VISIBILITIES = ['public', 'internal'] as const;
export type PhotoVisibility = (typeof PHOTO_VISIBILITIES)[number];

/** The image types a stored photo has: what the attachments library re-encodes uploads to. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** At most this many photos come with one report (an Open311 request, a console open). */
export const MAX_PHOTOS_PER_REPORT = 5;
export const MAX_PHOTO_CAPTION_LENGTH = 500;
export const MAX_MEDIA_URL_LENGTH = 2000;

/** One stored image, named by the SHA-256 of its bytes (hex). */
export interface StoredImage {
  readonly sha256: string;
  readonly contentType: PhotoContentType;
  readonly size: number;
  readonly width: number;
  readonly height: number;
}

/** Where a photo was taken, read from its EXIF when the location policy keeps it. */
export interface PhotoLocation {
  readonly latitude: number;
  readonly longitude: number;
}

interface PhotoCommon {
  /** Unique on the ticket; derived from the command id by the sender, so a retried command names the same photo. */
  readonly attachmentId: string;
  readonly visibility: PhotoVisibility;
  readonly caption?: string;
}

/** A photo uploaded here: its original (orientation applied, EXIF removed) and its thumbnail are in the blob store. */
export interface UploadedPhoto extends PhotoCommon {
  readonly source: 'upload';
  readonly original: StoredImage;
  readonly thumbnail: StoredImage;
  readonly location?: PhotoLocation;
}

/**
 * A photo an Open311 client hosts itself (`media_url`): kept as the link it is, never fetched, so
 * the city's servers never reach out to an address a form named.
 */
export interface LinkedPhoto extends PhotoCommon {
  readonly source: 'link';
  readonly url: string;
}

export type PhotoToAttach = UploadedPhoto | LinkedPhoto;

/** A photo as the ticket's state holds it: what was attached, by whom and when. */
export type TicketPhoto = PhotoToAttach & { readonly attachedAt: string; readonly attachedBy: string };
