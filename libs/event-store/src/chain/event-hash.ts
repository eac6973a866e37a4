import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The hash chain of the log (docs/audit.md). Every event has a content digest
 *
 *   c = SHA-256( "switchboard-event-v1" ‖ LP(id) ‖ LP(stream) ‖ LP(revision) ‖ LP(type)
 *                ‖ LP(JCS(data)) ‖ LP(JCS(metadata)) ‖ LP(recordedAt) )
 *
 * where LP(x) is the UTF-8 bytes of x preceded by their length as a 4-byte big-endian integer,
 * revision is written in decimal, JCS is RFC 8785 and recordedAt is ISO 8601 in UTC with
 * milliseconds (`2024-05-01T12:00:00.000Z`). Two chains link the digests:
 *
 *   log hash     h(n) = SHA-256( 0x01 ‖ h(n-1) ‖ c(n) )    over the whole log, in log order
 *   stream hash  s(r) = SHA-256( 0x02 ‖ s(r-1) ‖ c(r) )    over one stream, in revision order
 *
 * both starting from 32 zero bytes. PostgreSQL computes the two links in SQL (`sha256`) from the
 * digests this module computes, so every adapter writes the same hashes for the same appends.
 */
export const CHAIN_FORMAT = 'switchboard-event-v1';

/** The hash before the first event of the log and of every stream. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

const FORMAT_BYTES = Buffer.from(CHAIN_FORMAT, 'utf8');
const LOG_LINK = 1;
const STREAM_LINK = 2;
/** One buffer for a link's 65 bytes: links are hashed one at a time, synchronously. */
const LINK = Buffer.alloc(65);

function link(tag: number, previous: Buffer, digest: Buffer): Buffer {
  LINK[0] = tag;
  previous.copy(LINK, 1);
  digest.copy(LINK, 33);
  return createHash('sha256').update(LINK).digest();
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
}

/** The content digest c of an event (32 bytes). */
export function contentDigest(event: HashedFields): Buffer {
  const recordedAt = typeof event.recordedAt === 'string' ? event.recordedAt : event.recordedAt.toISOString();
  const fields = [event.id, event.streamName, String(event.revision), event.type, canonicalJson(event.data), canonicalJson(event.metadata), recordedAt];
  let size = 4 + FORMAT_BYTES.length;
  const lengths = fields.map((field) => {
    const length = Buffer.byteLength(field, 'utf8');
    size += 4 + length;
    return length;
  });
  const buffer = Buffer.allocUnsafe(size);
  let offset = buffer.writeUInt32BE(FORMAT_BYTES.length, 0);
  offset += FORMAT_BYTES.copy(buffer, offset);
  fields.forEach((field, i) => {
    offset = buffer.writeUInt32BE(lengths[i], offset);
    offset += buffer.write(field, offset, 'utf8');
  });
  return createHash('sha256').update(buffer).digest();
}

/** h(n) from h(n-1) and c(n). */
export function linkLog(previous: Buffer, digest: Buffer): Buffer {
  return link(LOG_LINK, previous, digest);
}

/** s(r) from s(r-1) and c(r). */
export function linkStream(previous: Buffer, digest: Buffer): Buffer {
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
  readonly streamHash: Buffer;
}

/**
 * The digest of every stream's head: SHA-256 over the heads sorted by stream name (UTF-16 code
 * units), each LP(stream) ‖ LP(revision) ‖ stream hash. A checkpoint signs it, so one stream's
 * history can be checked against a checkpoint on its own (docs/audit.md).
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
