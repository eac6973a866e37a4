import { parentPort, workerData } from 'node:worker_threads';
import { linkBatch } from './batch-links';
import type { VerifiableEvent } from './verify-chain';

/**
 * A worker of the parallel verifier (parallel-verify.ts): turns each batch of whole lines it is
 * sent into events with the caller's line reader, checks every link inside the batch, and answers
 * what the main thread needs to link the batch in order (or null: the main thread verifies on one thread).
 */
export interface LineReader {
  /** The events of a text of whole lines, the first of them line `firstLine` of `file`. */
  eventsOfLines(file: string, text: string, firstLine: number): Iterable<VerifiableEvent>;
}

export interface BatchRequest {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

const { reader, file } = workerData as { reader: string; file: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lines = require(reader) as LineReader;

parentPort?.on('message', ({ seq, bytes, firstLine }: BatchRequest) => {
  let links = null;
  try {
    links = linkBatch(lines.eventsOfLines(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), firstLine));
  } catch {
    // A line that is not an event: the one-thread verifier reports it as it always has.
  }
  parentPort?.postMessage({ seq, links });
});
