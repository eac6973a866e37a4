/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by their
 * names' UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify
 * writes them (which is what RFC 8785 prescribes). Values JSON cannot hold are treated as
 * JSON.stringify treats them, so the text equals the canonical form of what the store keeps:
 * undefined members are left out, undefined or missing array items and non-finite numbers are null,
 * and a value with toJSON (a Date) is replaced by its result.
 */
export function canonicalJson(value: unknown): string {
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
