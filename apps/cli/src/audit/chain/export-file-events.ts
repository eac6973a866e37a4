import type { EventChainLink, SignedCheckpoint, VerifiableEvent } from '@switchboard/event-store';
import { parseBackupLine, type BackupLine } from '../../events-backup/backup-line';
import { DataError } from '../../exit-codes';
import { createReadStream } from 'node:fs';
import { numberedLines, type NumberedLine } from '../../input/numbered-lines';

/**
 * The non-blank lines of a file with their numbers (LF or CRLF), a chunk of bytes at a time: the
 * verifier reads an export at a few hundred thousand lines a second, and one await per line (as
 * readline gives them) costs more than the line.
 */
export async function* fileLineBatches(file: string): AsyncGenerator<NumberedLine[]> {
  let rest: Buffer | null = null;
  let number = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    const lines: NumberedLine[] = [];
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      number++;
      const text = bytes.toString('utf8', start, end > start && bytes[end - 1] === RETURN ? end - 1 : end);
      start = end + 1;
      if (text.trim() !== '') lines.push({ number, text });
    }
    rest = start < bytes.length ? bytes.subarray(start) : null;
    if (lines.length > 0) yield lines;
  }
  const last = rest?.toString('utf8') ?? '';
  if (last.trim() !== '') yield [{ number: number + 1, text: last }];
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * The events of an `export events` file as the verifier reads them, a chunk's lines at a time; a
 * line that is not an event is a data error naming it.
 */
export async function* exportFileEvents(file: string): AsyncIterable<Iterable<VerifiableEvent>> {
  for await (const batch of fileLineBatches(file)) yield fileEvents(file, batch);
}

/** A batch's events, each line parsed when the verifier reaches it (it stops at the first that does not match). */
function* fileEvents(file: string, batch: readonly NumberedLine[]): Iterable<VerifiableEvent> {
  for (const { number, text } of batch) yield fileEvent(file, number, text);
}

function fileEvent(file: string, number: number, text: string): VerifiableEvent {
  let line;
  try {
    line = parseBackupLine(text);
  } catch (error) {
    throw new DataError(`${file}:${number}: ${(error as Error).message}`);
  }
  const chain = typeof line.hash === 'string' && typeof line.streamHash === 'string' ? { hash: line.hash, streamHash: line.streamHash } : null;
  const written = writtenJson(text, line, chain);
  return {
    id: line.id,
    streamName: line.stream,
    revision: line.revision,
    type: line.type,
    data: line.data,
    metadata: line.metadata,
    recordedAt: line.recordedAt,
    position: line.position,
    chain,
    line: number,
    dataJson: written?.dataJson,
    metadataJson: written?.metadataJson,
  };
}

const METADATA_KEY = '},"metadata":{';

/**
 * The text of data and metadata as the line spells them, when the line is exactly what `export
 * events` writes for its fields (toBackupLine: one JSON.stringify of the line) and has no escape,
 * so the verifier hashes them without writing them again. Every other part of the line is compared
 * with what JSON.stringify writes for the values JSON.parse read (with no backslash in the line, a
 * string is its value between quotes), so the two slices are the only text left for data and
 * metadata: when their digest links, they are the canonical text that was hashed and what the line
 * holds; when it does not (another spelling, or a changed event), the verifier falls back on the
 * parsed values.
 */
function writtenJson(text: string, line: BackupLine, chain: EventChainLink | null): { dataJson: string; metadataJson: string } | undefined {
  if (text.includes('\\')) return undefined;
  const head = `{"stream":"${line.stream}","revision":${line.revision},"id":"${line.id}","type":"${line.type}","data":`;
  const tail = `,"position":"${line.position}","recordedAt":"${line.recordedAt}"${chain ? `,"hash":"${chain.hash}","streamHash":"${chain.streamHash}"` : ''}}`;
  if (!text.startsWith(head) || !text.endsWith(tail)) return undefined;
  const end = text.length - tail.length;
  const boundary = text.indexOf(METADATA_KEY, head.length);
  if (boundary === -1 || boundary + METADATA_KEY.length > end || text.indexOf(METADATA_KEY, boundary + 1) !== -1) return undefined;
  return { dataJson: text.slice(head.length, boundary + 1), metadataJson: text.slice(boundary + METADATA_KEY.length - 1, end) };
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
