import type { SignedCheckpoint, VerifiableEvent } from '@switchboard/event-store';
import { parseBackupLine } from '../../events-backup/backup-line';
import { DataError } from '../../exit-codes';
import { numberedLines } from '../../input/numbered-lines';

/** The events of an `export events` file as the verifier reads them; a line that is not an event is a data error naming it. */
export async function* exportFileEvents(file: string): AsyncIterable<VerifiableEvent> {
  for await (const { number, text } of numberedLines(file)) {
    let line;
    try {
      line = parseBackupLine(text);
    } catch (error) {
      throw new DataError(`${file}:${number}: ${(error as Error).message}`);
    }
    yield {
      id: line.id,
      streamName: line.stream,
      revision: line.revision,
      type: line.type,
      data: line.data,
      metadata: line.metadata,
      recordedAt: line.recordedAt,
      position: line.position,
      chain: typeof line.hash === 'string' && typeof line.streamHash === 'string' ? { hash: line.hash, streamHash: line.streamHash } : null,
      line: number,
    };
  }
}

/** The checkpoints of an `audit checkpoints` file (one signed checkpoint per line). */
export async function readCheckpointFile(file: string): Promise<SignedCheckpoint[]> {
  const checkpoints: SignedCheckpoint[] = [];
  for await (const { number, text } of numberedLines(file)) {
    let value: SignedCheckpoint;
    try {
      value = JSON.parse(text) as SignedCheckpoint;
    } catch (error) {
      throw new DataError(`${file}:${number}: not JSON (${(error as Error).message})`);
    }
    if (typeof value?.signature !== 'string' || typeof value.body?.logHash !== 'string' || !Number.isSafeInteger(value.body.events)) {
      throw new DataError(`${file}:${number}: not a signed checkpoint (needs body.events, body.logHash and signature)`);
    }
    checkpoints.push(value);
  }
  return checkpoints;
}
