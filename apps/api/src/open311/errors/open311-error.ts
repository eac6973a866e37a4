/**
 * The HTTP codes the spec uses for errors — 404 unknown resource, 403 api_key, 400 everything else —
 * and, for `media` uploads (the v2.1 draft), 413 too large and 415 not a photo, as HTTP names them.
 */
export type Open311Status = 400 | 403 | 404 | 413 | 415;

/** An Open311 error answer: one HTTP status and one or more human-readable descriptions. */
export class Open311Error extends Error {
  readonly descriptions: readonly string[];

  constructor(
    readonly status: Open311Status,
    descriptions: string | readonly string[],
  ) {
    const list = typeof descriptions === 'string' ? [descriptions] : descriptions;
    super(list.join(' '));
    this.descriptions = list;
  }
}
