import { UnsupportedMediaType } from '../errors/api-exceptions';

export const JSON_MEDIA_TYPE = 'application/json';
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
/** Photo uploads (and Open311 POST requests with `media`), read part by part by the route itself. */
export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';

/** A Content-Type header split into its media type (lower case) and its parameters (names lower case). */
export interface MediaType {
  readonly type: string;
  readonly parameters: ReadonlyMap<string, string>;
}

/** Parses `type/subtype; name=value; …` (values may be quoted); undefined when there is no header. */
export function mediaTypeOf(header: string | undefined): MediaType | undefined {
  if (header === undefined) return undefined;
  const [type, ...rest] = header.split(';');
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const value = part.slice(at + 1).trim();
    parameters.set(part.slice(0, at).trim().toLowerCase(), value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
  }
  return { type: type.trim().toLowerCase(), parameters };
}

/** Bodies are read as UTF-8 only: a body declaring any other charset is refused (415) rather than misread. */
export function assertUtf8Charset(header: string | undefined): void {
  const charset = mediaTypeOf(header)?.parameters.get('charset');
  if (charset === undefined || /^utf-?8$/i.test(charset)) return;
  throw new UnsupportedMediaType(header ?? '', `charset=${charset} is not supported: send the body as UTF-8 (charset=utf-8, or no charset).`);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body's text; undefined when its bytes are not UTF-8. A leading byte order mark is dropped. */
export function utf8Text(bytes: Buffer): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
