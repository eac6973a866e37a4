import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InvalidRequest, type FieldProblem, UnreadableBody } from '../errors/api-exceptions';
import { BODY_FIELD, bodyShapeProblems, capped, keyProblem, memberPath, stringProblem } from './body-shape';
import { INPUT_LIMITS } from './input-limits';
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
 * A JSON body, read and bounded before anything interprets it: UTF-8, valid JSON, and within
 * INPUT_LIMITS (depth, members, items, values, string lengths, text rules, no prototype keys).
 */
export function readJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bodyText(bytes, contentType);
  if (text.trim() === '') {
    throw new UnreadableBody([{ field: BODY_FIELD, message: 'is empty: send a JSON object, or no Content-Type when there is nothing to send' }]);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UnreadableBody([{ field: BODY_FIELD, message: `is not valid JSON: ${String((error as Error).message).slice(0, 200)}` }]);
  }
  const problems = bodyShapeProblems(body);
  if (problems.length > 0) throw new InvalidRequest(problems);
  return body;
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
 * A form-encoded body (Open311 POST requests), read and bounded like a JSON body: UTF-8, at most
 * `maxFormFields` fields, valid percent-encoding, and the same rules for names and values. A name
 * sent more than once carries an array of its values, in order.
 */
export function readFormBody(bytes: Buffer, contentType: string | undefined): Record<string, string | string[]> {
  const text = bodyText(bytes, contentType);
  const pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > INPUT_LIMITS.maxFormFields) {
    throw new InvalidRequest([{ field: BODY_FIELD, message: `must have at most ${INPUT_LIMITS.maxFormFields} fields (got ${pairs.length})` }]);
  }
  const fields: Record<string, string | string[]> = Object.create(null);
  const problems: FieldProblem[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const name = formPart(rawName);
    const value = formPart(at < 0 ? '' : pair.slice(at + 1));
    if (name === undefined) {
      problems.push({ field: quoted(rawName), message: 'is not a valid percent-encoded UTF-8 field name' });
      continue;
    }
    const nameProblem = keyProblem(name);
    if (nameProblem) {
      problems.push({ field: memberPath('', name), message: nameProblem });
      continue;
    }
    const valueProblem = value === undefined ? 'is not valid percent-encoded UTF-8' : stringProblem(value);
    if (valueProblem || value === undefined) {
      problems.push({ field: memberPath('', name), message: valueProblem ?? 'is not valid' });
      continue;
    }
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  if (problems.length > 0) throw new InvalidRequest(capped(problems, BODY_FIELD));
  return fields;
}

/**
 * Replaces the JSON and form parsers with the bounded readers above. A failure is passed to
 * Fastify's error handler, i.e. to the problem filter: a 400 or 415 naming the field, never a 500.
 */
export function useBoundedBodyParsers(app: NestFastifyApplication): void {
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
