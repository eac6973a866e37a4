import { numberedLines } from '../input/numbered-lines';
import { parseBackupLine } from './backup-line';

/** A problem found in a backup file, at a line. */
export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

/**
 * Reads a whole backup file before anything is written: every line must parse, and each stream's
 * revisions must follow on from each other in file order (a stream may start past 0 in a partial export).
 */
export async function checkBackupFile(file: string): Promise<{ events: number; problems: LineProblem[] }> {
  const lastRevision = new Map<string, number>();
  const problems: LineProblem[] = [];
  let events = 0;
  for await (const { number, text } of numberedLines(file)) {
    try {
      const line = parseBackupLine(text);
      const last = lastRevision.get(line.stream);
      if (last !== undefined && line.revision !== last + 1) {
        throw new Error(`revision ${line.revision} of "${line.stream}" does not follow revision ${last}`);
      }
      lastRevision.set(line.stream, line.revision);
      events += 1;
    } catch (error) {
      problems.push({ line: number, reason: (error as Error).message });
    }
  }
  return { events, problems };
}
