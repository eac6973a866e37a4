import type { JsonObject, JsonValue, RecordedEvent } from '../port/event-store';
import type { PreparedEvent } from '../port/validation';
import { InvalidArgumentError } from '../port/errors';
import { appendedDigest, contentDigest, GENESIS_HASH, linkLog, linkStream } from '../chain/event-hash';

/**
 * What the EventStoreDB adapter adds to an event's metadata when it appends it (docs/audit.md,
 * "EventStoreDB"): the time it recorded the event at (its own clock, since the server stamps
 * `created` at commit, after the content digest must be known) and the event's stream hash,
 * linked from the stream's previous event under EventStoreDB's expected-revision check. The key
 * is the adapter's: readers never see it, and callers may not use it.
 */
export const CHAIN_STAMP_KEY = '$chain';

export interface ChainStamp {
  /** ISO 8601, as toISOString() writes it: the event's recordedAt, which its content digest covers. */
  readonly recordedAt: string;
  /** s(r), hex. */
  readonly streamHash: string;
}

/** Streams the adapter keeps for the chain (the log chain, checkpoints, the migration's record): hidden from the port. */
export const RESERVED_STREAM_PREFIX = 'switchboard-audit.';
export const LOG_CHAIN_STREAM = `${RESERVED_STREAM_PREFIX}log-chain`;
export const CHECKPOINT_STREAM = `${RESERVED_STREAM_PREFIX}checkpoints`;
export const MIGRATION_STREAM = `${RESERVED_STREAM_PREFIX}chain-migration`;

export const isReservedStream = (streamName: string): boolean => streamName.startsWith(RESERVED_STREAM_PREFIX);

/** Refuses what only the adapter may write: its own streams, and its key in a caller's metadata. */
export function refuseReserved(streamName: string, events: readonly PreparedEvent[]): void {
  if (isReservedStream(streamName)) {
    throw new InvalidArgumentError(`Stream name ${JSON.stringify(streamName)} is reserved: "${RESERVED_STREAM_PREFIX}" streams hold the store's hash chain.`);
  }
  const stamped = events.find((event) => CHAIN_STAMP_KEY in event.metadata);
  if (stamped) throw new InvalidArgumentError(`Event ${stamped.id}: metadata key "${CHAIN_STAMP_KEY}" is reserved for the store's hash chain.`);
}

/** An event to send: the caller's metadata with the stamp, and the digest and stream hash the stamp was computed from. */
export interface StampedEvent {
  readonly event: PreparedEvent;
  readonly metadata: JsonObject;
  readonly digest: Buffer;
  readonly streamHash: Buffer;
}

/**
 * Stamps an append's events, to be written after `previousRevision` (-1: a new stream) whose
 * stream hash is `previousStreamHash` (null: genesis): the same content digests and stream hashes
 * every other adapter computes for the same events at the same time (chain-across-adapters.spec.ts).
 */
export function stampAppend(
  streamName: string,
  previousRevision: number,
  previousStreamHash: Buffer | null,
  events: readonly PreparedEvent[],
  recordedAt: Date,
): StampedEvent[] {
  let streamHash = previousStreamHash ?? GENESIS_HASH;
  const at = recordedAt.toISOString();
  return events.map((event, i) => {
    const digest = appendedDigest(event, streamName, previousRevision + 1 + i, at);
    streamHash = linkStream(streamHash, digest);
    const stamp: ChainStamp = { recordedAt: at, streamHash: streamHash.toString('hex') };
    return { event, metadata: { ...event.metadata, [CHAIN_STAMP_KEY]: stamp as unknown as JsonValue }, digest, streamHash };
  });
}

/** The caller's metadata and the stamp of stored metadata (null: an event written before chaining, or around the adapter). */
export function splitStamp(metadata: JsonObject): { readonly metadata: JsonObject; readonly stamp: ChainStamp | null } {
  const value = metadata[CHAIN_STAMP_KEY];
  if (value === undefined) return { metadata, stamp: null };
  const { [CHAIN_STAMP_KEY]: _stamp, ...rest } = metadata;
  const stamp = value as Partial<ChainStamp>;
  const valid = typeof stamp === 'object' && stamp !== null && typeof stamp.recordedAt === 'string' && typeof stamp.streamHash === 'string';
  return { metadata: rest, stamp: valid ? (stamp as ChainStamp) : null };
}

/** One event's place in the log chain, as the chain stream keeps it: [position, id, stream, revision, log hash, stream hash]. */
export type LogLink = readonly [position: string, id: string, stream: string, revision: number, hash: string, streamHash: string];

/** The stream heads of events the chain adopted at its migration (no stamp): their stream hashes are the migration's. */
export type LegacyHeads = Map<string, { revision: number; streamHash: Buffer }>;

/**
 * The links of events read from `$all` in order, from the log hash before them: an event with a
 * stamp is linked with its stamp's stream hash; one without is adopted with a stream hash computed
 * here while the chain is migrating an existing log (`legacy`: until the first stamped event, from
 * which on the log was written by a chaining adapter), and left unlinked otherwise (it was written
 * around the adapter: the verifier names it). `migrated`: the migration ended in these events.
 */
export function linkEvents(
  previousLogHash: Buffer,
  events: readonly RecordedEvent[],
  legacy: LegacyHeads | undefined,
): { links: LogLink[]; logHash: Buffer; adopted: number; lastAdopted: string | null; migrated: boolean } {
  let logHash = previousLogHash;
  let adopted = 0;
  let migrated = false;
  let lastAdopted: string | null = null;
  let heads = legacy;
  const links: LogLink[] = [];
  for (const stored of events) {
    const { metadata, stamp } = splitStamp(stored.metadata);
    const recordedAt = stamp?.recordedAt ?? stored.recordedAt.toISOString();
    const digest = contentDigest({
      id: stored.id,
      streamName: stored.streamName,
      revision: stored.revision,
      type: stored.type,
      data: stored.data,
      metadata,
      recordedAt,
    });
    let streamHash: Buffer;
    if (stamp) {
      streamHash = Buffer.from(stamp.streamHash, 'hex');
      migrated ||= heads !== undefined;
      heads = undefined;
    } else if (heads) {
      streamHash = linkStream(heads.get(stored.streamName)?.streamHash ?? GENESIS_HASH, digest);
      heads.set(stored.streamName, { revision: stored.revision, streamHash });
      adopted++;
      lastAdopted = stored.globalPosition;
    } else continue;
    logHash = linkLog(logHash, digest);
    links.push([stored.globalPosition, stored.id, stored.streamName, stored.revision, logHash.toString('hex'), streamHash.toString('hex')]);
  }
  return { links, logHash, adopted, lastAdopted, migrated };
}

/** One event of the chain stream: the links of the `$all` events after `after` up to `last` (read; those unlinked left out). */
export interface LogChainBatch {
  readonly after: string | null;
  readonly last: string;
  /** Events linked in the chain up to this batch's end. */
  readonly count: number;
  /** The last linked event's position and log hash (the chain's head after this batch; null/zeros before any). */
  readonly position: string | null;
  readonly hash: string;
  readonly links: readonly LogLink[];
  /** Events adopted by the migration (linked without a stamp) up to this batch's end. */
  readonly adopted?: number;
  /** The last of them. */
  readonly adoptedTo?: string | null;
}

export const LOG_CHAIN_BATCH_TYPE = 'LogChainExtended';
