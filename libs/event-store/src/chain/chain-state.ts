import { GlobalPosition } from '../port/event-store';
import type { ChainHead, SignedCheckpoint } from '../port/tamper-evidence';
import { chainEvent, contentDigest, GENESIS_HASH, streamHeadsDigest, type ChainHashes, type HashedFields, type StreamHead } from './event-hash';

/** Hex of a stored hash; null stays null. */
export const hex = (hash: Buffer | Uint8Array | null | undefined): string | null => (hash ? Buffer.from(hash).toString('hex') : null);

/** The hashes a new event gets, from the hashes before it (null before the first event of the log or of the stream). */
export function hashesFor(event: HashedFields, previousLog: Buffer | null, previousStream: Buffer | null): ChainHashes & { digest: Buffer } {
  const digest = contentDigest(event);
  return { digest, ...chainEvent(digest, previousLog ?? GENESIS_HASH, previousStream ?? GENESIS_HASH) };
}

/** A chain head from the last event's position and hash and every stream's head. */
export function chainHeadOf(events: number, position: GlobalPosition | null, logHash: Buffer | null, heads: readonly StreamHead[]): ChainHead {
  return {
    events,
    position,
    logHash: (logHash ?? GENESIS_HASH).toString('hex'),
    streams: heads.length,
    streamHeadsDigest: streamHeadsDigest(heads).toString('hex'),
  };
}

/** The stored JSON of a checkpoint and back: the adapters keep checkpoints as text. */
export const checkpointToText = (checkpoint: SignedCheckpoint): string => JSON.stringify(checkpoint);
export const checkpointFromText = (text: string): SignedCheckpoint => JSON.parse(text) as SignedCheckpoint;
