/** Builds the API (and, with `console`, the web console) when missing or older than a source; returns the API's entry file (relative to the repository root). */
export function buildWhenStale(options?: { console?: boolean }): string;
/** The API's entry file, relative to the repository root. */
export const BUILT: string;
