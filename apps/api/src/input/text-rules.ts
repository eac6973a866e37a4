/**
 * What text from outside may contain. Every string of a body (values and member names, JSON or
 * form) and every query and path parameter is checked here before anything stores or interprets it:
 * no NUL or other C0 control character (tab, line feed and carriage return are allowed in bodies,
 * where notes and descriptions have lines), no DEL, and no lone UTF-16 surrogate (it cannot be
 * encoded as UTF-8: stored, it would come back as U+FFFD or break whatever reads it).
 */

/** C0 controls but tab, LF and CR; DEL. */
const CONTROL_IN_BODY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Every C0 control and DEL: a URL parameter has no lines. */
const CONTROL_IN_URL = /[\u0000-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextPlace = 'body' | 'url';

/** Printable ASCII, by far the most common text: nothing to look for. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** Why `text` may not be accepted, or undefined when it may. */
export function textProblem(text: string, place: TextPlace): string | undefined {
  if (PRINTABLE_ASCII.test(text)) return undefined;
  const control = (place === 'body' ? CONTROL_IN_BODY : CONTROL_IN_URL).exec(text);
  if (control) {
    const code = control[0].charCodeAt(0);
    return `must not contain control characters (found U+${code.toString(16).toUpperCase().padStart(4, '0')}${code === 0 ? ', NUL' : ''})`;
  }
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (found a lone UTF-16 surrogate)';
  return undefined;
}

/** A name or value quoted for a message: JSON-escaped and cut to `max` characters. */
export function quoted(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
