/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by their
 * names' UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify
 * writes them (which is what RFC 8785 prescribes). Values JSON cannot hold are treated as
 * JSON.stringify treats them, so the text equals the canonical form of what the store keeps:
 * undefined members are left out, undefined or missing array items and non-finite numbers are null,
 * and a value with toJSON (a Date) is replaced by its result.
 *
 * A value whose members are already in canonical order (every object's own keys sorted, which
 * JSON.parse of canonical text gives back unless a key is an array index) is written by the
 * native JSON.stringify, whose output is then the canonical text: the common case costs one check
 * of the keys and no string building in JavaScript.
 */
export function canonicalJson(value: unknown): string {
  return inCanonicalOrder(value) ? (JSON.stringify(value) ?? 'null') : writeCanonical(value);
}

/** Whether JSON.stringify writes `value` in canonical order: no toJSON, and every object's keys (in the order JSON.stringify takes them) sorted. */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) return false;
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!inCanonicalOrder(record[key])) return false;
  }
  return true;
}

function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return canonicalJson((json as () => unknown).call(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}
