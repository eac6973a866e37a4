import type { EventStore, GlobalPosition, RecordedEvent } from './event-store';

/** An event's two hashes (lowercase hex, 64 digits): its link in the log's chain and in its stream's (docs/audit.md). */
export interface EventChainLink {
  readonly hash: string;
  readonly streamHash: string;
}

/** A stored event with the hashes stored with it; `chain` is null for a row that has none (written around the store). */
export interface ChainedEvent extends RecordedEvent {
  readonly chain: EventChainLink | null;
}

/** The log's state at its last event, as a checkpoint signs it. */
export interface ChainHead {
  /** Events in the log. */
  readonly events: number;
  /** Position of the last event; null for an empty log. */
  readonly position: GlobalPosition | null;
  /** The last event's log hash (hex); 64 zeros for an empty log. */
  readonly logHash: string;
  /** Streams in the log. */
  readonly streams: number;
  /** `streamHeadsDigest` of every stream's last revision and stream hash (hex). */
  readonly streamHeadsDigest: string;
}

export const CHECKPOINT_FORMAT = 'switchboard-checkpoint-v1';

/** What a checkpoint states; the signature covers its RFC 8785 text. */
export interface CheckpointBody extends ChainHead {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** When it was signed (ISO 8601). */
  readonly signedAt: string;
  /** The first 16 hex digits of SHA-256 of the signing key's public key (DER, SPKI): which key to verify with. */
  readonly keyId: string;
}

/** A checkpoint with its Ed25519 signature (base64). */
export interface SignedCheckpoint {
  readonly body: CheckpointBody;
  readonly signature: string;
}

/** What the migration that chained an existing log did, as the store recorded it. */
export interface ChainMigrationReport {
  /** When the migration ran (ISO 8601). */
  readonly migratedAt: string;
  /** Events that were chained. */
  readonly events: number;
  /** Positions of the first and last event chained (null when the log was empty). */
  readonly fromPosition: GlobalPosition | null;
  readonly toPosition: GlobalPosition | null;
}

/** What every adapter offers beside the port: its chain, its head and the checkpoints kept with it. */
export interface TamperEvidence {
  /** `$all` forwards with each event's stored hashes. */
  readChained(options?: { readonly after?: GlobalPosition; readonly maxCount?: number }): AsyncIterable<ChainedEvent>;
  /** The head as of one consistent read. */
  chainHead(): Promise<ChainHead>;
  saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void>;
  /** Every checkpoint kept, oldest first. */
  readCheckpoints(): Promise<SignedCheckpoint[]>;
  /** What the chaining migration did, or null when the log was chained from its first event. */
  chainMigration(): Promise<ChainMigrationReport | null>;
}

export type TamperEvidentEventStore = EventStore & TamperEvidence;

/** Whether a store keeps a hash chain (every adapter of this library does). */
export function isTamperEvident(store: EventStore): store is TamperEvidentEventStore {
  const candidate = store as Partial<TamperEvidence>;
  return typeof candidate.readChained === 'function' && typeof candidate.chainHead === 'function' && typeof candidate.readCheckpoints === 'function';
}
