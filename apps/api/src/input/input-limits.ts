/**
 * Bounds on the shape of untrusted input, checked before anything interprets it (class-transformer,
 * class-validator, the Open311 readers). docs/api.md "Input limits" lists them. They sit well above
 * what any valid request needs: the largest text field of a command is 4,000 characters, the
 * deepest valid body (an Open311 attribute answer list inside `attributes`) is 3 levels.
 */
export const INPUT_LIMITS = {
  /** Nesting of objects and arrays in a JSON body; the body itself is level 1. */
  maxDepth: 8,
  /** Members of one JSON object, or fields of a form body. */
  maxKeysPerObject: 64,
  /** Items of one JSON array. */
  maxArrayItems: 100,
  /** Values (objects, arrays, strings, numbers, booleans, nulls) in one JSON body, all levels together. */
  maxValues: 1_000,
  /** Characters of one string value (JSON or form field). */
  maxStringLength: 8_192,
  /** Characters of one member name (JSON key or form field name). */
  maxKeyLength: 128,
  /** Characters of the query string, as sent (percent-encoded). */
  maxQueryLength: 8_192,
  /** Parameters of one query string. */
  maxQueryParameters: 32,
  /** Characters of one query parameter value, decoded. */
  maxQueryValueLength: 2_048,
  /** Characters of one path parameter (a ticket id, a department code), decoded. */
  maxPathParameterLength: 128,
  /** Problems listed in one answer; the rest are summed up in one more. */
  maxProblems: 20,
} as const;
