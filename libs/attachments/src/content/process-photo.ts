import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PhotoContentType, PhotoLocation, StoredImage } from '@switchboard/ticketing';
import { type LocationPolicy, type PhotoPolicy } from './photo-policy';
import { locationFromExif } from './photo-location';
import { PhotoRefused } from './photo-refused';
import { bytesInWords } from './read-limited';
import { KIND_NAMES, PHOTO_KINDS, SNIFF_BYTES, type SniffedKind, sniffContentKind } from './sniff-content-type';

/** An image ready to store: its bytes and what the ticket's event says of them. */
export interface ImageToStore {
  readonly bytes: Buffer;
  readonly image: StoredImage;
}

/** An upload made safe to keep and serve: the original re-encoded, its thumbnail, and its location when the policy keeps it. */
export interface ProcessedPhoto {
  readonly original: ImageToStore;
  readonly thumbnail: ImageToStore;
  readonly location?: PhotoLocation;
  /** What the upload was, by content. */
  readonly sentAs: SniffedKind;
}

/** What each photo kind is stored as: the web's own formats stay, HEIC and AVIF become JPEG so every browser shows them. */
const STORED_AS: Partial<Record<SniffedKind, PhotoContentType>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/jpeg',
  avif: 'image/jpeg',
};

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const encode = (pipeline: sharp.Sharp, type: PhotoContentType): sharp.Sharp =>
  type === 'image/png' ? pipeline.png() : type === 'image/webp' ? pipeline.webp({ quality: 85 }) : pipeline.jpeg({ quality: 88 });

async function stored(pipeline: sharp.Sharp, contentType: PhotoContentType): Promise<ImageToStore> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { bytes: data, image: { sha256: sha256Hex(data), contentType, size: data.length, width: info.width, height: info.height } };
}

/**
 * Checks an upload by its content and makes it what we keep: a photo (JPEG, PNG, WebP, HEIC when
 * the image library decodes it, AVIF) within the size and pixel limits, re-encoded with its EXIF
 * orientation applied and all metadata removed (no camera serials, no location in the served
 * bytes), and a WebP thumbnail. Its GPS location is read before the metadata goes, and returned
 * only when `location` is `keep`. Re-encoding also means nothing but pixels is ever served back,
 * whatever else the file carried. Throws PhotoRefused.
 */
export async function processPhoto(bytes: Buffer, policy: PhotoPolicy, location: LocationPolicy): Promise<ProcessedPhoto> {
  if (bytes.length > policy.maxBytes) throw new PhotoRefused('too_large', `The photo is larger than the limit of ${bytesInWords(policy.maxBytes)}.`);
  const kind = sniffContentKind(bytes.subarray(0, SNIFF_BYTES));
  if (!kind || !PHOTO_KINDS.has(kind)) {
    const what = kind ? KIND_NAMES[kind] : 'not an image we recognise';
    throw new PhotoRefused('not_an_image', `The file is ${what} by its content; photos are taken as JPEG, PNG, WebP, HEIC or AVIF.`);
  }
  const input = () => sharp(bytes, { limitInputPixels: policy.maxPixels, failOn: 'error', sequentialRead: true });
  let metadata: sharp.Metadata;
  try {
    // Headers only, no limit: the pixel count is judged below, with a message that gives it.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new PhotoRefused('not_an_image', `The file begins as ${KIND_NAMES[kind]} but cannot be decoded (${(error as Error).message}).`);
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > policy.maxPixels) {
    throw new PhotoRefused(
      'too_large',
      `The photo is ${metadata.width}×${metadata.height} pixels, more than the limit of ${policy.maxPixels.toLocaleString('en')} pixels.`,
    );
  }
  const contentType = STORED_AS[kind]!;
  try {
    const original = await stored(encode(input().autoOrient(), contentType), contentType);
    const thumbnail = await stored(
      input().autoOrient().resize({ width: policy.thumbnailSize, height: policy.thumbnailSize, fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }),
      'image/webp',
    );
    const where = location === 'keep' ? locationFromExif(metadata.exif) : undefined;
    return { original, thumbnail, sentAs: kind, ...(where ? { location: where } : {}) };
  } catch (error) {
    throw new PhotoRefused('not_an_image', `The file begins as ${KIND_NAMES[kind]} but cannot be decoded (${(error as Error).message}).`);
  }
}
