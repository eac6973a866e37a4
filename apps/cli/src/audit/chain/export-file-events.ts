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

/**
 * The events of a text of whole lines (LF or CRLF; the last may lack its newline) whose first is
 * line `firstLine` of `file`, blank lines skipped and counted as the file reader counts them: the
 * parallel verifier's workers read their batches with it (`LineReader`, libs/event-store verify-worker.ts).
 */
export function eventsOfLines(file: string, text: string, firstLine: number): Iterable<VerifiableEvent> {
  const lines: NumberedLine[] = [];
  let number = firstLine;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, newline !== -1 && end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    if (line.trim() !== '') lines.push({ number, text: line });
    number++;
    start = end + 1;
  }
  return fileEvents(file, lines);
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
 * JSON.stringify of the line) and has no escape nor control character, the event with its data and
 * metadata as the line's text of them, not parsed, and its other fields read off the line by their
 * places, not by JSON.parse: with no backslash, every quote in the line opens or closes a string,
 * so the line is `{"stream":"…","revision":…,"id":"…","type":"…","data":{…},"metadata":{…},
 * "position":"…","recordedAt":"…"[,"hash":"…","streamHash":"…"]}` with no quote inside a string,
 * a revision in plain digits, and `},"metadata":{` once (checked), or it is not so written. The
 * two slices are then the only text left for data and metadata: when their digest links, they are
 * the canonical text that was hashed and what the line holds. When it does not (another spelling,
 * a changed event), the verifier reads the line again in full (`reread`) and goes on as if it had
 * from the start, so its answer is the same; undefined when the line is not so written.
 */
function writtenEvent(file: string, number: number, text: string): VerifiableEvent | undefined {
  if (ESCAPE_OR_CONTROL.test(text) || !text.startsWith(STREAM_KEY)) return undefined;
  const streamEnd = text.indexOf('"', STREAM_KEY.length);
  if (streamEnd <= STREAM_KEY.length || !text.startsWith(REVISION_KEY, streamEnd)) return undefined;
  const revisionAt = streamEnd + REVISION_KEY.length;
  const revisionEnd = text.indexOf(',', revisionAt);
  const revisionText = text.slice(revisionAt, revisionEnd);
  if (!DIGITS.test(revisionText) || !text.startsWith(ID_KEY, revisionEnd)) return undefined;
  const revision = Number(revisionText);
  const idAt = revisionEnd + ID_KEY.length;
  const idEnd = text.indexOf('"', idAt);
  if (idEnd <= idAt || !text.startsWith(TYPE_KEY, idEnd)) return undefined;
  const typeAt = idEnd + TYPE_KEY.length;
  const typeEnd = text.indexOf('"', typeAt);
  if (typeEnd <= typeAt || !text.startsWith(DATA_KEY, typeEnd + 1) || !Number.isSafeInteger(revision)) return undefined;
  const dataAt = typeEnd + 1;
  const end = text.lastIndexOf(POSITION_KEY);
  const boundary = text.indexOf(METADATA_KEY, dataAt);
  if (boundary === -1 || boundary + METADATA_KEY.length > end || text.indexOf(METADATA_KEY, boundary + 1) !== -1) return undefined;
  const positionAt = end + POSITION_KEY.length;
  const positionEnd = text.indexOf('"', positionAt);
  if (positionEnd === -1 || !text.startsWith(RECORDED_AT_KEY, positionEnd)) return undefined;
  const recordedAtAt = positionEnd + RECORDED_AT_KEY.length;
  const recordedAtEnd = text.indexOf('"', recordedAtAt);
  if (recordedAtEnd === -1) return undefined;
  let chain: EventChainLink | null = null;
  if (recordedAtEnd === text.length - 2) {
    if (text.charCodeAt(text.length - 1) !== CLOSE_BRACE) return undefined;
  } else {
    const hashAt = recordedAtEnd + 1 + HASH_KEY.length;
    const hashEnd = text.indexOf('"', hashAt);
    if (!text.startsWith(HASH_KEY, recordedAtEnd + 1) || hashEnd === -1 || !text.startsWith(STREAM_HASH_KEY, hashEnd)) return undefined;
    const streamHashAt = hashEnd + STREAM_HASH_KEY.length;
    if (text.indexOf('"', streamHashAt) !== text.length - 2 || text.charCodeAt(text.length - 1) !== CLOSE_BRACE) return undefined;
    chain = { hash: text.slice(hashAt, hashEnd), streamHash: text.slice(streamHashAt, text.length - 2) };
  }
  return new WrittenEvent(
    file,
    number,
    text,
    {
      stream: text.slice(STREAM_KEY.length, streamEnd),
      revision,
      id: text.slice(idAt, idEnd),
      type: text.slice(typeAt, typeEnd),
      position: text.slice(positionAt, positionEnd),
      recordedAt: text.slice(recordedAtAt, recordedAtEnd),
    },
    chain,
    text.slice(dataAt + DATA_KEY.length - 1, boundary + 1),
    text.slice(boundary + METADATA_KEY.length - 1, end),
  );
}

const ESCAPE_OR_CONTROL = /[\\\u0000-\u001f]/;
const DIGITS = /^(?:0|[1-9][0-9]*)$/;
const STREAM_KEY = '{"stream":"';
const REVISION_KEY = '","revision":';
const ID_KEY = ',"id":"';
const TYPE_KEY = '","type":"';
const RECORDED_AT_KEY = '","recordedAt":"';
const HASH_KEY = ',"hash":"';
const STREAM_HASH_KEY = '","streamHash":"';
const CLOSE_BRACE = 0x7d;

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
    fields: Pick<BackupLine, 'stream' | 'revision' | 'id' | 'type' | 'position' | 'recordedAt'>,
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
