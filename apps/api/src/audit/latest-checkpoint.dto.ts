import type { CheckpointStatus, MismatchKind } from '@switchboard/event-store';

/** What a signed checkpoint states (docs/audit.md), with its Ed25519 signature. */
export class CheckpointDto {
  /** Events in the log when it was signed. */
  readonly events!: number;
  /** Position of the last event it covers; null for an empty log. */
  readonly position!: string | null;
  /** That event's log hash (hex). */
  readonly logHash!: string;
  readonly streams!: number;
  readonly streamHeadsDigest!: string;
  readonly signedAt!: string;
  /** The signing key's id: the first 16 hex digits of SHA-256 of its public key (DER, SPKI). */
  readonly keyId!: string;
  /** Base64 Ed25519 signature over the RFC 8785 text of the body. */
  readonly signature!: string;
}

/** The first event that does not match its chain, as `audit verify` names it. */
export class ChainMismatchDto {
  /** changed, removed, inserted, reordered, unchained, truncated or rewritten. */
  readonly kind!: MismatchKind;
  readonly detail!: string;
  /** The event (null for truncated and rewritten). */
  readonly eventId!: string | null;
  readonly streamName!: string | null;
  readonly revision!: number | null;
  readonly position!: string | null;
}

/** Whether the latest checkpoint holds against the live log. */
export class CheckpointVerificationDto {
  /** holds; fails (the log does not match it); bad-signature; other-key; not-checked (no public key here). */
  readonly status!: CheckpointStatus;
  readonly detail!: string;
  /** When the API checked it (its clock). */
  readonly checkedAt!: string;
  /** Events read from the log for this answer: those after the last checkpoint this process verified (0 when it had verified this one). */
  readonly eventsRead!: number;
  /** Events this process has verified from the log's start, each once. */
  readonly verifiedThrough!: number;
  readonly firstMismatch!: ChainMismatchDto | null;
}

/** GET /audit/checkpoints/latest. */
export class LatestCheckpointDto {
  /** The checkpoint covering the most events; null when none was signed yet. */
  readonly checkpoint!: CheckpointDto | null;
  readonly verification!: CheckpointVerificationDto | null;
  /** The latest checkpoint that holds (itself when it does). */
  readonly lastHolding!: CheckpointDto | null;
  /** Checkpoints kept in the store. */
  readonly checkpointsKept!: number;
  /** Whether this process writes checkpoints periodically (it projects and a signing key is configured). */
  readonly periodic!: boolean;
  /** Pause between periodic checkpoints (ms). */
  readonly intervalMs!: number;
}
