import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FieldProblem, UnreadableBody } from '../errors/api-exceptions';
import { BODY_FIELD, capped } from './body-shape';
import { assertUtf8Charset, FORM_MEDIA_TYPE, JSON_MEDIA_TYPE, utf8Text } from './media-type';
import { quoted } from './text-rules';

/** The text of a body: UTF-8 only, as declared (415 for another charset) and as sent (400 for other bytes). */
function bodyText(bytes: Buffer, contentType: string | undefined): string {
  assertUtf8Charset(contentType);
  const text = utf8Text(bytes);
  if (text === undefined) throw new UnreadableBody([{ field: BODY_FIELD, message: 'is not valid UTF-8 text' }]);
  return text;
}

/**
 * A JSON body: UTF-8 and valid JSON, else 400 (415 for another charset). JSON.parse is safe on any
 * nesting; what the parsed value may look like (depth, sizes, text, member names) is checked with
 * the route's own rules by the RequestInputInterceptor, before any pipe reads it.
 */
export function readJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bodyText(bytes, contentType);
  if (text.trim() === '') {
    throw new UnreadableBody([{ field: BODY_FIELD, message: 'is empty: send a JSON object, or no Content-Type when there is nothing to send' }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnreadableBody([{ field: BODY_FIELD, message: `is not valid JSON: ${String((error as Error).message).slice(0, 200)}` }]);
  }
}

/** One name or value of a form body, decoded (`+` is a space); undefined when its escapes are not UTF-8 percent-encoding. */
function formPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * A form-encoded body (Open311 POST requests): UTF-8 and valid percent-encoding, else 400. A name
 * sent more than once carries an array of its values, in order. The object has no prototype, so
 * no name can reach one; the interceptor checks names and values as it checks a JSON body.
 */
export function readFormBody(bytes: Buffer, contentType: string | undefined): Record<string, string | string[]> {
  const text = bodyText(bytes, contentType);
  const fields: Record<string, string | string[]> = Object.create(null);
  const problems: FieldProblem[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const name = formPart(rawName);
    const value = formPart(at < 0 ? '' : pair.slice(at + 1));
    if (name === undefined || value === undefined) {
      problems.push({ field: name ?? quoted(rawName), message: 'is not valid percent-encoded UTF-8' });
      continue;
    }
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  if (problems.length > 0) throw new UnreadableBody(capped(problems, BODY_FIELD));
  return fields;
}

/**
 * Replaces the JSON and form parsers with the strict readers above. A failure is passed to
 * Fastify's error handler, i.e. to the problem filter: a 400 or 415 naming the body, never a 500.
 */
export function useStrictBodyParsers(app: NestFastifyApplication): void {
  const bodyLimit = app.getHttpAdapter().getInstance().initialConfig.bodyLimit;
  for (const [type, read] of [
    [JSON_MEDIA_TYPE, readJsonBody],
    [FORM_MEDIA_TYPE, readFormBody],
  ] as const) {
    app.useBodyParser(type, { bodyLimit }, (request, body, done) => {
      try {
        done(null, read(body, request.headers['content-type']));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  }
}
