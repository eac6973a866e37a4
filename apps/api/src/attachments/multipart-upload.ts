import type { FastifyRequest } from 'fastify';
import { bytesInWords, PhotoRefused, readAtMost } from '@switchboard/attachments';
import { MAX_PHOTOS_PER_REPORT } from '@switchboard/ticketing';
import { UnreadableBody } from '../errors/api-exceptions';
import { BODY_FIELD } from '../input/body-shape';
import { mediaTypeOf, MULTIPART_MEDIA_TYPE } from '../input/media-type';

/** A file part of a multipart body, read whole (within the size limit). */
export interface UploadedFile {
  readonly field: string;
  readonly bytes: Buffer;
}

/** A multipart body: its text fields as a form body holds them (a name sent twice: an array) and its files. */
export interface MultipartUpload {
  readonly fields: Record<string, string | string[]>;
  readonly files: readonly UploadedFile[];
}

export const isMultipart = (request: FastifyRequest): boolean => mediaTypeOf(request.headers['content-type'])?.type === MULTIPART_MEDIA_TYPE;

/** Text fields and parts a photo upload needs at most: a handful of fields, a few files. */
const LIMITS = { fields: 64, fieldSize: 8 * 1024, fieldNameSize: 100, parts: 80 };

/**
 * Reads a multipart body part by part. Each file is read within `maxBytes` while it streams in (the
 * parser stops at the limit and the refusal names it), at most `maxFiles` files, and only under the
 * names in `fileFields`: a file under any other name is refused rather than dropped unseen.
 * Limits and malformed bodies are 4xx answers naming the body, never a 500.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { readonly fileFields: readonly string[]; readonly maxBytes: number; readonly maxFiles?: number },
): Promise<MultipartUpload> {
  const maxFiles = options.maxFiles ?? MAX_PHOTOS_PER_REPORT;
  const fields: Record<string, string | string[]> = Object.create(null);
  const files: UploadedFile[] = [];
  try {
    // One past the limit, so a file of exactly maxBytes passes and one byte more is refused by readAtMost.
    for await (const part of request.parts({ limits: { ...LIMITS, files: maxFiles, fileSize: options.maxBytes + 1 } })) {
      if (part.type === 'file') {
        if (!options.fileFields.includes(part.fieldname)) {
          part.file.resume();
          throw new UnreadableBody([{ field: part.fieldname, message: `is a file, but this route takes files only as ${options.fileFields.join(' or ')}` }]);
        }
        files.push({ field: part.fieldname, bytes: await readAtMost(part.file, options.maxBytes, `The file in ${part.fieldname}`) });
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        const earlier = fields[part.fieldname];
        fields[part.fieldname] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
      }
    }
  } catch (error) {
    throw multipartProblem(error, maxFiles, options.maxBytes);
  }
  return { fields, files };
}

/** What a multipart parser's failure means for the sender. */
function multipartProblem(error: unknown, maxFiles: number, maxBytes: number): unknown {
  if (error instanceof PhotoRefused || error instanceof UnreadableBody) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PhotoRefused('too_large', `A file is larger than the limit of ${bytesInWords(maxBytes)}.`);
  if (code === 'FST_FILES_LIMIT') return new PhotoRefused('too_large', `The body carries more than ${maxFiles} files.`);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return new PhotoRefused('too_large', `The body carries more than ${LIMITS.fields} fields.`);
  if (code === 'FST_PROTO_VIOLATION') return new UnreadableBody([{ field: BODY_FIELD, message: 'has a field named like an object prototype property' }]);
  return new UnreadableBody([{ field: BODY_FIELD, message: `is not a readable multipart/form-data body (${String((error as Error).message).slice(0, 200)})` }]);
}
