import { InvalidQueryParameterError } from '../errors';

/** Where a keyset page ended, bound to the query it belongs to. */
interface CursorBody {
  readonly v: 1;
  /** The query's identity: a cursor from another query is foreign. */
  readonly q: string;
  readonly after: readonly (string | number)[];
}

/** An opaque cursor: base64url JSON of the last key of a page and the query it belongs to. */
export function encodeCursor(query: string, after: readonly (string | number)[]): string {
  const body: CursorBody = { v: 1, q: query, after };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Decodes a cursor; a malformed one, or one from another query, is an InvalidQueryParameterError naming `parameter`. */
export function decodeCursor(cursor: string, query: string, keyLength: number, parameter = 'cursor'): readonly (string | number)[] {
  let body: Partial<CursorBody>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidQueryParameterError(parameter, 'is not a cursor this service issued; start again without it.');
  }
  const valid =
    body !== null &&
    typeof body === 'object' &&
    body.v === 1 &&
    Array.isArray(body.after) &&
    body.after.length === keyLength &&
    body.after.every((part) => typeof part === 'string' || typeof part === 'number');
  if (!valid) throw new InvalidQueryParameterError(parameter, 'is not a cursor this service issued; start again without it.');
  if (body.q !== query) throw new InvalidQueryParameterError(parameter, 'belongs to a different query (other filters); start again without it.');
  return body.after!;
}
