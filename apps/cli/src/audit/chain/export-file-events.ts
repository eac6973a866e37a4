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

/** The event of a line: read with the shortcut when the line allows it, in full when not. */
const fileEvent = (file: string, number: number, text: string): VerifiableEvent => writtenEvent(file, number, text) ?? parsedEvent(file, number, text);

/** The event of a line, the whole line parsed and checked. */
function parsedEvent(file: string, number: number, text: string): VerifiableEvent {
  let line;
  try {
    line = parseBackupLine(text);
  } catch (error) {
    throw new DataError(`${file}:${number}: ${(error as Error).message}`);
  }
  return { ...fieldsOf(line, number), data: line.data, metadata: line.metadata };
}

function fieldsOf(line: BackupLine, number: number): Omit<VerifiableEvent, 'data' | 'metadata'> {
  return {
    id: line.id,
    streamName: line.stream,
    revision: line.revision,
    type: line.type,
    recordedAt: line.recordedAt,
    position: line.position,
    chain: chainOf(line),
    line: number,
  };
}

const chainOf = (line: BackupLine): EventChainLink | null =>
  typeof line.hash === 'string' && typeof line.streamHash === 'string' ? { hash: line.hash, streamHash: line.streamHash } : null;

const DATA_KEY = ',"data":{';
const METADATA_KEY = '},"metadata":{';
const POSITION_KEY = ',"position":"';

/**
 * The shortcut: when a line is exactly what `export events` writes (toBackupLine: one
 * JSON.stringify of the line) and has no escape, the event with its data and metadata as the
 * line's text of them, not parsed (JSON.parse of the rest, which the same checks as a whole line
 * pass). Every part of the line but those two is compared with what JSON.stringify writes for the
 * values read (with no backslash in the line, a string is its value between quotes), so the two
 * slices are the only text left for data and metadata: when their digest links, they are the
 * canonical text that was hashed and what the line holds. When it does not (another spelling, a
 * changed event), the verifier reads the line again in full (`reread`) and goes on as if it had
 * from the start, so its answer is the same; undefined when the line is not so written.
 */
function writtenEvent(file: string, number: number, text: string): VerifiableEvent | undefined {
  if (text.includes('\\')) return undefined;
  const dataAt = text.indexOf(DATA_KEY);
  const end = text.lastIndexOf(POSITION_KEY);
  const boundary = dataAt === -1 ? -1 : text.indexOf(METADATA_KEY, dataAt);
  if (boundary === -1 || boundary + METADATA_KEY.length > end || text.indexOf(METADATA_KEY, boundary + 1) !== -1) return undefined;
  let line: BackupLine;
  try {
    line = parseBackupLine(`${text.slice(0, dataAt)},"data":{},"metadata":{}${text.slice(end)}`);
  } catch {
    return undefined;
  }
  const chain = chainOf(line);
  const head = `{"stream":"${line.stream}","revision":${line.revision},"id":"${line.id}","type":"${line.type}","data":`;
  const tail = `,"position":"${line.position}","recordedAt":"${line.recordedAt}"${chain ? `,"hash":"${chain.hash}","streamHash":"${chain.streamHash}"` : ''}}`;
  if (head.length !== dataAt + DATA_KEY.length - 1 || end !== text.length - tail.length || !text.startsWith(head) || !text.endsWith(tail)) return undefined;
  return new WrittenEvent(
    file,
    number,
    text,
    line,
    chain,
    text.slice(dataAt + DATA_KEY.length - 1, boundary + 1),
    text.slice(boundary + METADATA_KEY.length - 1, end),
  );
}

/** An event read with the shortcut (a class: one shape for every such event, its data and metadata parsed only when asked for). */
class WrittenEvent implements VerifiableEvent {
  readonly id: string;
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly position: string;
  private full: VerifiableEvent | undefined;

  constructor(
    private readonly file: string,
    readonly line: number,
    private readonly text: string,
    fields: BackupLine,
    readonly chain: EventChainLink | null,
    readonly dataJson: string,
    readonly metadataJson: string,
  ) {
    this.id = fields.id;
    this.streamName = fields.stream;
    this.revision = fields.revision;
    this.type = fields.type;
    this.recordedAt = fields.recordedAt;
    this.position = fields.position;
  }

  get data(): unknown {
    return this.reread().data;
  }

  get metadata(): unknown {
    return this.reread().metadata;
  }

  reread(): VerifiableEvent {
    this.full ??= parsedEvent(this.file, this.line, this.text);
    return this.full;
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
