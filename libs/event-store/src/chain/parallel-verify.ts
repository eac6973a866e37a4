import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { linkAcross, type BatchLinks } from './batch-links';
import { checkpointQueue, GENESIS_HEX, type StreamState, type VerifyOptions, type VerifyReport } from './verify-chain';
import type { BatchRequest } from './verify-worker';

export interface ParallelVerifyOptions extends Omit<VerifyOptions, 'partial'> {
  /** The module the workers read a batch of lines with (exports `LineReader.eventsOfLines`), as an absolute path. */
  readonly reader: string;
  /** Threads hashing; default: the cores, at least 2, and one thread for a file under 4 MiB. */
  readonly workers?: number;
}

/** Files smaller than this are verified on one thread: starting the workers costs more than they save. */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
/** Bytes of whole lines a worker is sent at a time. */
const BATCH_BYTES = 256 * 1024;
/** Batches in flight per worker: enough to keep each busy while the main thread links the one before. */
const IN_FLIGHT_PER_WORKER = 3;

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;

/**
 * `verifyChain` over a file of one event a line (an `export events` file), with the hashing spread
 * across worker threads: each worker checks every link inside the batches of lines it is sent, and
 * the main thread links the batches in order (the log hash and each stream's head across batch
 * edges, and every checkpoint, which batches end at). The answer is the one-thread verifier's: when
 * the file is intact and every checkpoint holds, this pass proves it; when anything does not link,
 * or a line is not an event, or a checkpoint fails, `oneThread` verifies the file again and its
 * report — which names the first event that does not match — is the answer. A tampered file so
 * costs the parallel pass (up to where it stopped) and a full one-thread pass.
 */
export async function verifyFileInParallel(file: string, options: ParallelVerifyOptions, oneThread: () => Promise<VerifyReport>): Promise<VerifyReport> {
  const workers = options.workers ?? Math.max(2, availableParallelism());
  if (options.workers === undefined && (await stat(file)).size < PARALLEL_FROM_BYTES) return oneThread();
  const pending = checkpointQueue(options);
  const boundaries = [...(options.checkpoints ?? [])].map((checkpoint) => checkpoint.body.events).sort((a, b) => a - b);
  const pool = new WorkerPool(file, options.reader, workers);
  const streams = new Map<string, StreamState>();
  let log = GENESIS_HEX;
  let events = 0;
  let intact = true;
  try {
    for await (const links of pool.results(lineBatches(file, boundaries))) {
      if (!links || !linkAcross(log, streams, links)) {
        intact = false;
        break;
      }
      events += links.count;
      log = links.lastHash;
      if (pending.waiting) pending.reach(events, links.lastPosition, log, streams);
    }
  } finally {
    await pool.close();
  }
  if (!intact) return oneThread();
  pending.finish(events, true);
  if (pending.results.some((result) => result.status === 'fails')) return oneThread();
  const holding = pending.results.filter((result) => result.status === 'holds');
  return {
    eventsVerified: events,
    intact: true,
    firstMismatch: null,
    checkpoints: pending.results,
    lastHolding: holding.length > 0 ? holding[holding.length - 1].checkpoint : null,
  };
}

/** A batch of whole lines: its bytes, the number of its first line and how many events it holds; null when a line is neither blank nor an object. */
interface LineBatch {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly events: number;
}

/**
 * The file's lines in batches of about BATCH_BYTES, each ending where a checkpoint's count of
 * events does, so checkpoints are checked between batches. A line is an event when it is not
 * blank (as the one-thread reader counts them); one whose first non-blank byte is not `{` makes
 * the batch null (the one-thread reader names it).
 */
async function* lineBatches(file: string, boundaries: readonly number[]): AsyncGenerator<LineBatch | null> {
  let rest: Buffer | null = null;
  let line = 1;
  let events = 0;
  let next = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    let batchStart = 0;
    let batchLine = line;
    let batchEvents = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const kind = lineKind(bytes, start, end);
      if (kind === 'other') {
        yield null;
        return;
      }
      start = end + 1;
      line++;
      if (kind === 'event') {
        batchEvents++;
        events++;
      }
      while (next < boundaries.length && boundaries[next] < events) next++;
      const atCheckpoint = next < boundaries.length && boundaries[next] === events && kind === 'event';
      if (batchEvents > 0 && (atCheckpoint || start - batchStart >= BATCH_BYTES)) {
        yield { bytes: new Uint8Array(bytes.subarray(batchStart, start)), firstLine: batchLine, events: batchEvents };
        batchStart = start;
        batchLine = line;
        batchEvents = 0;
      }
    }
    if (batchEvents > 0) yield { bytes: new Uint8Array(bytes.subarray(batchStart, start)), firstLine: batchLine, events: batchEvents };
    // Blank lines at the end of a chunk are counted already: the next batch starts after them.
    rest = start < bytes.length ? bytes.subarray(start) : null;
  }
  if (rest) {
    const kind = lineKind(rest, 0, rest.length);
    if (kind === 'other') yield null;
    else if (kind === 'event') yield { bytes: new Uint8Array(rest), firstLine: line, events: 1 };
  }
}

/** Blank (spaces, tabs, CR, FF, VT only), an event (first other byte `{`), or anything else. */
function lineKind(bytes: Buffer, start: number, end: number): 'blank' | 'event' | 'other' {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    return byte === OPEN_BRACE ? 'event' : 'other';
  }
  return 'blank';
}

/** The worker threads, fed batches in order and answering their links in the same order. */
class WorkerPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (links: BatchLinks | null) => void>();
  private failed: Error | undefined;

  constructor(file: string, reader: string, size: number) {
    const script = join(__dirname, `verify-worker${extname(__filename)}`);
    // From TypeScript sources (tests, benches): the worker compiles its modules as the main thread does.
    const execArgv = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: { reader, file }, execArgv });
      worker.on('message', ({ seq, links }: { seq: number; links: BatchLinks | null }) => {
        const resolve = this.waiting.get(seq);
        this.waiting.delete(seq);
        resolve?.(links);
      });
      worker.on('error', (error) => this.fail(error));
      return worker;
    });
  }

  /** The links of each batch, in order; null for a batch that does not link inside, is not lines of events, or when a worker failed. */
  async *results(batches: AsyncIterable<LineBatch | null>): AsyncGenerator<BatchLinks | null> {
    const inFlight: Promise<BatchLinks | null>[] = [];
    let seq = 0;
    for await (const batch of batches) {
      if (!batch) {
        yield null;
        return;
      }
      inFlight.push(this.send(seq++, batch));
      if (inFlight.length >= this.workers.length * IN_FLIGHT_PER_WORKER) {
        const links = await (inFlight.shift() as Promise<BatchLinks | null>);
        yield links;
        if (!links) return;
      }
    }
    for (const next of inFlight) {
      const links = await next;
      yield links;
      if (!links) return;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private send(seq: number, batch: LineBatch): Promise<BatchLinks | null> {
    if (this.failed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting.set(seq, (links) => resolve(links && links.count === batch.events ? links : null));
      const request: BatchRequest = { seq, bytes: batch.bytes, firstLine: batch.firstLine };
      this.workers[seq % this.workers.length].postMessage(request, [batch.bytes.buffer as ArrayBuffer]);
    });
  }

  private fail(error: Error): void {
    this.failed = error;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}
