import type { RawAnswer } from './raw-http';

/** What a refusal must say, by status, in the API's problem shape: the field, parameter, header or thing it is about. */
function problemNamesItsCulprit(status: number, body: Record<string, unknown>): string | undefined {
  const problems = body.problems;
  const fieldsNamed =
    Array.isArray(problems) &&
    problems.length > 0 &&
    problems.every((p) => typeof p?.field === 'string' && p.field !== '' && typeof p?.message === 'string' && p.message !== '');
  switch (status) {
    case 400:
    case 413:
    case 414:
    case 415:
      return fieldsNamed ? undefined : 'names no field: expected problems [{ field, message }]';
    case 401:
      return body.error === 'Unauthorized' && String(body.message).includes('Authorization') ? undefined : 'does not name the Authorization header';
    case 403:
      return typeof body.rule === 'string' && Array.isArray(body.whoMay) ? undefined : 'names no rule and who may';
    case 404:
      return typeof body.what === 'string' && typeof body.id === 'string' ? undefined : 'does not say what was not found (what, id)';
    case 409:
      return ['IllegalTransition', 'NothingToClaim', 'ConcurrencyConflict'].includes(String(body.error)) ? undefined : `unexpected 409 ${String(body.error)}`;
    case 412:
      return typeof body.currentRevision === 'number' || body.currentRevision === null ? undefined : 'names no currentRevision (If-Match)';
    case 422:
      return typeof body.idempotencyKey === 'string' || String(body.message).includes('Idempotency-Key') ? undefined : 'does not name the Idempotency-Key';
    default:
      return `unexpected status ${status}`;
  }
}

/** Open311 errors: the spec's error list, each description naming what it is about. */
function open311NamesItsCulprit(status: number, answer: RawAnswer, names: readonly string[]): string | undefined {
  const descriptions: string[] = [];
  const codes: number[] = [];
  if (String(answer.headers['content-type']).startsWith('application/json')) {
    let list: unknown;
    try {
      list = JSON.parse(answer.text);
    } catch {
      return 'is not JSON';
    }
    if (!Array.isArray(list)) return 'is not an Open311 error list';
    for (const entry of list) {
      codes.push(Number(entry?.code));
      descriptions.push(String(entry?.description ?? ''));
    }
  } else {
    for (const match of answer.text.matchAll(/<error>\s*<code>(\d+)<\/code>\s*<description>([^<]*)<\/description>\s*<\/error>/g)) {
      codes.push(Number(match[1]));
      descriptions.push(match[2]);
    }
  }
  if (descriptions.length === 0) return 'is not an Open311 error document';
  if (codes.some((code) => code !== status)) return `error codes ${codes.join(',')} differ from the status`;
  if (status === 404 || status === 403) return descriptions.every((d) => d.length > 0) ? undefined : 'has an empty description';
  const unnamed = descriptions.filter((description) => !names.some((name) => description.includes(name)));
  return unnamed.length === 0 ? undefined : `description names no field or parameter: ${JSON.stringify(unnamed[0]).slice(0, 160)}`;
}

/** The names an answer may name: the operation's parameters and fields, and the parts of a request. */
export const REQUEST_PART_NAMES = ['(body)', '(url)', '(query)', 'Content-Type', 'Content-Length', 'Authorization', 'If-Match', 'Idempotency-Key'];

/**
 * Why an answer breaks the rules for hostile input, or undefined when it keeps them: never a 5xx;
 * the security headers on every answer; every refusal in the route's error format, with the
 * correlation id, naming what it refuses.
 */
export function brokenRule(answer: RawAnswer, open311: boolean, names: readonly string[]): string | undefined {
  if (answer.status >= 500 || answer.status < 100) return `answered ${answer.status}`;
  if (answer.headers['x-content-type-options'] !== 'nosniff') return 'no X-Content-Type-Options: nosniff';
  if (!answer.headers['content-security-policy']) return 'no Content-Security-Policy';
  if (answer.status < 400) return undefined;
  if (open311) return open311NamesItsCulprit(answer.status, answer, [...names, ...REQUEST_PART_NAMES]);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'refusal is not JSON';
  }
  if (body.statusCode !== answer.status || typeof body.error !== 'string' || typeof body.message !== 'string') return 'refusal is not in the problem shape';
  if (typeof body.correlationId !== 'string' || body.correlationId !== answer.headers['x-correlation-id']) return 'refusal lacks its correlationId';
  return problemNamesItsCulprit(answer.status, body);
}
