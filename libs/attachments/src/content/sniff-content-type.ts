/**
 * What a file is, read off its first bytes (its "magic number"), never off its name or the type a
 * client declared: a form's `Content-Type` and file name are whatever the sender typed.
 */

/** The kinds of file we recognise; only photos are taken, the others are named so a refusal can say what was sent. */
export type SniffedKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif' | 'gif' | 'pdf';

/** How many leading bytes sniffing needs. */
export const SNIFF_BYTES = 16;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Uint8Array, from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));

/** ISO-BMFF brands (bytes 8–11 after `ftyp` at 4–7) of HEIF images with HEVC, and of AVIF. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The kind of file `head` begins, or undefined when it is none we know. */
export function sniffContentKind(head: Uint8Array): SniffedKind | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (AVIF_BRANDS.has(brand)) return 'avif';
    if (HEIC_BRANDS.has(brand)) return 'heic';
  }
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  return undefined;
}

/** The kinds taken as photos: still images a phone or camera produces and the image library decodes. */
export const PHOTO_KINDS: ReadonlySet<SniffedKind> = new Set(['jpeg', 'png', 'webp', 'heic', 'avif']);

/** A kind in words, for refusals. */
export const KIND_NAMES: Readonly<Record<SniffedKind, string>> = {
  jpeg: 'a JPEG image',
  png: 'a PNG image',
  webp: 'a WebP image',
  heic: 'a HEIC image',
  avif: 'an AVIF image',
  gif: 'a GIF image',
  pdf: 'a PDF document',
};
