import { createHash, hash as sha256Of } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The hash chain of the log (docs/audit.md). Every event has a content digest
 *
 *   c = SHA-256( JCS([ "switchboard-event-v2", id, stream, revision, type, data, metadata, recordedAt ]) )
 *
 * the UTF-8 bytes of the RFC 8785 text of that array (revision a number, recordedAt ISO 8601 in UTC
 * with milliseconds, `2024-05-01T12:00:00.000Z`). Two chains link the digests:
 *
 *   log hash     h(n) = SHA-256( 0x01 ‖ h(n-1) ‖ c(n) )    over the whole log, in log order
 *   stream hash  s(r) = SHA-256( 0x02 ‖ s(r-1) ‖ c(r) )    over one stream, in revision order
 *
 * both starting from 32 zero bytes. The stores keep data and metadata as their canonical text
 * (validation.ts writes it once per append), so appending hashes the text it stores; PostgreSQL
 * computes the two links in SQL (`sha256`) from the digests this module computes, so every adapter
 * writes the same hashes for the same appends.
 */
export const CHAIN_FORMAT = 'switchboard-event-v2';

/** The hash before the first event of the log and of every stream. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

const TEXT_START = `[${JSON.stringify(CHAIN_FORMAT)},`;
const LOG_LINK = 1;
const STREAM_LINK = 2;
/** One buffer for a link's 65 bytes: links are hashed one at a time, synchronously. */
const LINK = Buffer.alloc(65);

function link(tag: number, previous: Uint8Array, digest: Uint8Array): Buffer {
  LINK[0] = tag;
  LINK.set(previous, 1);
  LINK.set(digest, 33);
  return sha256Of('sha256', LINK, 'buffer');
}

/** The fields of an event that its content digest covers. */
export interface HashedFields {
  readonly id: string;
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  /** A Date, or its ISO 8601 text as `toISOString()` writes it. */
  readonly recordedAt: Date | string;
  /** The canonical (RFC 8785) text of data and metadata, when the caller already has it (the text a store writes): hashed as given. */
  readonly dataJson?: string;
  readonly metadataJson?: string;
}

/** The text the content digest is the SHA-256 of, from data and metadata already written as JSON text. */
export function contentText(event: HashedFields, dataJson: string, metadataJson: string): string {
  const recordedAt = typeof event.recordedAt === 'string' ? event.recordedAt : event.recordedAt.toISOString();
  return textOf(event.id, event.streamName, event.revision, event.type, dataJson, metadataJson, recordedAt);
}

function textOf(id: string, streamName: string, revision: number, type: string, dataJson: string, metadataJson: string, recordedAt: string): string {
  return `${TEXT_START}${quoted(id)},${quoted(streamName)},${revision},${quoted(type)},${dataJson},${metadataJson},${quoted(recordedAt)}]`;
}

/** What an append knows of an event before it stores it: its id and type, and its data and metadata as the canonical text it stores. */
export interface AppendedFields {
  readonly id: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * The content digest of an event being appended, from its fields as given: the appending stores'
 * path, which builds no object per event (V8 spends microseconds on `{ ...event, revision }`, more
 * than the digest's SHA-256).
 */
export function appendedDigest(event: AppendedFields, streamName: string, revision: number, recordedAt: string): Buffer {
  return digestOfText(textOf(event.id, streamName, revision, event.type, event.dataJson, event.metadataJson, recordedAt));
}

/** appendedDigest as the latin1 text of its 32 bytes: no Buffer per digest (crypto allocates one per call, which costs more than the hash). */
export function appendedDigestBytes(event: AppendedFields, streamName: string, revision: number, recordedAt: string): string {
  return sha256Of('sha256', textOf(event.id, streamName, revision, event.type, event.dataJson, event.metadataJson, recordedAt), 'binary');
}

/** A link from the previous hash and the digest, all three as the latin1 text of their 32 bytes. */
function linkBytes(tag: number, previous: string, digest: string): string {
  LINK[0] = tag;
  LINK.write(previous, 1, 32, 'latin1');
  LINK.write(digest, 33, 32, 'latin1');
  return sha256Of('sha256', LINK, 'binary');
}

/** h(n) from h(n-1) and c(n), as latin1 text of their bytes (an appending store's path: one Buffer per stored hash, from the pool). */
export const linkLogBytes = (previous: string, digest: string): string => linkBytes(LOG_LINK, previous, digest);

/** s(r) from s(r-1) and c(r), as latin1 text of their bytes. */
export const linkStreamBytes = (previous: string, digest: string): string => linkBytes(STREAM_LINK, previous, digest);

/** The genesis hash as latin1 text. */
export const GENESIS_BYTES = GENESIS_HASH.toString('latin1');

/** No character JSON.stringify escapes (quote, backslash, control characters, and surrogates, which it escapes when lone). */
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify of a string, without its cost for the usual id, stream name, type and time. */
const quoted = (text: string): string => (typeof text === 'string' && PLAIN.test(text) ? `"${text}"` : JSON.stringify(text));

/** SHA-256 of a content text (32 bytes). */
export const digestOfText = (text: string): Buffer => sha256Of('sha256', text, 'buffer');

/** The content digest c of an event (32 bytes). */
export function contentDigest(event: HashedFields): Buffer {
  return digestOfText(contentText(event, event.dataJson ?? canonicalJson(event.data), event.metadataJson ?? canonicalJson(event.metadata)));
}

/** A digest as the latin1 text of its 32 bytes, or its bytes. */
export type DigestBytes = string | Uint8Array;

/** SHA-256 of a content text as the latin1 ('binary') text of its 32 bytes: no Buffer per digest (the verifier's fast path). */
export const digestBytesOfText = (text: string): string => sha256Of('sha256', text, 'binary');

/** A link from the previous hash as hex (64 lowercase digits), as hex: the verifier compares it with the stored text. */
function linkHex(tag: number, previousHex: string, digest: DigestBytes): string {
  LINK[0] = tag;
  LINK.write(previousHex, 1, 32, 'hex');
  if (typeof digest === 'string') LINK.write(digest, 33, 32, 'latin1');
  else LINK.set(digest, 33);
  return sha256Of('sha256', LINK, 'hex');
}

/** h(n) from h(n-1) and c(n), hashes as hex. */
export const linkLogHex = (previousHex: string, digest: DigestBytes): string => linkHex(LOG_LINK, previousHex, digest);

/** s(r) from s(r-1) and c(r), hashes as hex. */
export const linkStreamHex = (previousHex: string, digest: DigestBytes): string => linkHex(STREAM_LINK, previousHex, digest);

/** h(n) from h(n-1) and c(n). */
export function linkLog(previous: Uint8Array, digest: Uint8Array): Buffer {
  return link(LOG_LINK, previous, digest);
}

/** s(r) from s(r-1) and c(r). */
export function linkStream(previous: Uint8Array, digest: Uint8Array): Buffer {
  return link(STREAM_LINK, previous, digest);
}

/** Both links of one event. */
export interface ChainHashes {
  readonly hash: Buffer;
  readonly streamHash: Buffer;
}

/** The two hashes of an event given its digest and the hashes before it in the log and in its stream. */
export function chainEvent(digest: Buffer, previousLog: Buffer, previousStream: Buffer): ChainHashes {
  return { hash: linkLog(previousLog, digest), streamHash: linkStream(previousStream, digest) };
}

/** A stream's head, as the digest of all heads takes it. */
export interface StreamHead {
  readonly streamName: string;
  readonly revision: number;
  readonly streamHash: Uint8Array;
}

/**
 * The digest of every stream's head: SHA-256 over the heads sorted by stream name (UTF-16 code
 * units), each LP(stream) ‖ LP(revision) ‖ stream hash, where LP(x) is the UTF-8 bytes of x (the
 * revision in decimal) preceded by their length as a 4-byte big-endian integer. A checkpoint signs
 * it, so one stream's history can be checked against a checkpoint on its own (docs/audit.md).
 */
export function streamHeadsDigest(heads: Iterable<StreamHead>): Buffer {
  const sorted = [...heads].sort((a, b) => (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0));
  const hash = createHash('sha256');
  const length = Buffer.allocUnsafe(4);
  for (const head of sorted) {
    for (const field of [head.streamName, String(head.revision)]) {
      const bytes = Buffer.from(field, 'utf8');
      length.writeUInt32BE(bytes.length, 0);
      hash.update(length).update(bytes);
    }
    hash.update(head.streamHash);
  }
  return hash.digest();
}
