import type { FieldProblem } from '../errors/api-exceptions';
import { capped } from './body-shape';
import { INPUT_LIMITS } from './input-limits';
import { quoted, textProblem } from './text-rules';

/** How a problem with the query string as a whole is named. */
export const QUERY_FIELD = '(query)';

/** Printable ASCII: a URL carries everything else percent-encoded. */
const URL_TEXT = /^[\x21-\x7E]*$/;

function decoded(text: string): string | undefined {
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The name of a parameter as a problem names it: decoded when it can be, else as sent. */
function nameOf(raw: string): string {
  if (raw === '') return QUERY_FIELD;
  const name = decoded(raw);
  return name !== undefined && name !== '' && textProblem(name, 'url') === undefined && name.length <= 64 ? name : quoted(raw);
}

/**
 * Reads a raw query string (without `?`) strictly, as Fastify's lenient parser does not: printable
 * ASCII only, valid percent-encoding of UTF-8, at most `maxQueryParameters` parameters and
 * `maxQueryValueLength` characters a value, and the URL text rules (no control characters). Returns
 * the parameter names and every problem, each naming its parameter.
 */
export function readQueryString(raw: string): { names: string[]; problems: FieldProblem[] } {
  if (raw === '') return { names: [], problems: [] };
  if (raw.length > INPUT_LIMITS.maxQueryLength) {
    return { names: [], problems: [{ field: QUERY_FIELD, message: `must be at most ${INPUT_LIMITS.maxQueryLength} characters (got ${raw.length})` }] };
  }
  const pairs = raw.split('&').filter((pair) => pair !== '');
  if (pairs.length > INPUT_LIMITS.maxQueryParameters) {
    return { names: [], problems: [{ field: QUERY_FIELD, message: `must have at most ${INPUT_LIMITS.maxQueryParameters} parameters (got ${pairs.length})` }] };
  }
  const names: string[] = [];
  const problems: FieldProblem[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const rawValue = at < 0 ? '' : pair.slice(at + 1);
    const field = nameOf(rawName);
    if (!URL_TEXT.test(rawName) || !URL_TEXT.test(rawValue)) {
      problems.push({ field, message: 'must be percent-encoded: only printable ASCII may appear in a URL' });
      continue;
    }
    const name = decoded(rawName);
    const value = decoded(rawValue);
    if (name === undefined || value === undefined) {
      problems.push({ field, message: 'is not valid percent-encoded UTF-8' });
      continue;
    }
    if (name === '') {
      problems.push({ field: QUERY_FIELD, message: `has a parameter without a name (${quoted(pair)})` });
      continue;
    }
    const problem = textProblem(name, 'url') ?? textProblem(value, 'url');
    if (problem) {
      problems.push({ field, message: problem });
      continue;
    }
    if (value.length > INPUT_LIMITS.maxQueryValueLength) {
      problems.push({ field, message: `must be at most ${INPUT_LIMITS.maxQueryValueLength} characters (got ${value.length})` });
      continue;
    }
    names.push(name);
  }
  return { names, problems: capped(problems, QUERY_FIELD) };
}
