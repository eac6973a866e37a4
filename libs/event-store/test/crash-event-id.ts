/** Deterministic UUID for the crash test, so the parent can check every stored event's identity. */
export function crashEventId(stream: number, revision: number): string {
  return `${stream.toString(16).padStart(8, '0')}-0000-4000-8000-${revision.toString(16).padStart(12, '0')}`;
}
