/** The only HTTP codes the spec uses for errors: 404 unknown resource, 403 api_key, 400 everything else. */
export type Open311Status = 400 | 403 | 404;

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
