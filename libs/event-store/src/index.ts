export * from './port/event-store';
export * from './port/errors';
export { DEFAULT_MAX_EVENT_BYTES } from './port/validation';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './memory/in-memory-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
export type { BackoffOptions } from './esdb/backoff';
export { parseEventStoreUrl, type EventStoreConfig } from './config/event-store-url';
export { createEventStore, type EventStoreSettings } from './config/create-event-store';
export { EVENT_STORE, EventStoreModule, type EventStoreModuleAsyncOptions, type EventStoreModuleOptions } from './nest/event-store.module';
export * from './port/tamper-evidence';
export { canonicalJson } from './chain/canonical-json';
export { CHAIN_FORMAT, contentDigest, GENESIS_HASH, linkLog, linkStream, streamHeadsDigest, type HashedFields, type StreamHead } from './chain/event-hash';
export { checkpointSignatureHolds, keyIdOf, signCheckpoint } from './chain/checkpoint-signature';
export {
  CheckpointLoop,
  CheckpointWriter,
  periodicCheckpoints,
  type CheckpointLoopOptions,
  type CheckpointTimers,
  type PeriodicCheckpointsOptions,
} from './chain/checkpoint-writer';
export {
  DEFAULT_KEY_FILE,
  DEFAULT_PUBLIC_KEY_FILE,
  loadPublicKey,
  loadSigningKey,
  publicKeyFileOf,
  signingKeyFile,
  type SigningKey,
} from './chain/signing-key';
export {
  genesisState,
  verifyChain,
  verifyChainFrom,
  type VerifiedState,
  type CheckpointResult,
  type CheckpointStatus,
  type EventRef,
  type Mismatch,
  type MismatchKind,
  type VerifiableEvent,
  type VerifyOptions,
  type VerifyReport,
} from './chain/verify-chain';
export { verifyFileInParallel, type ParallelVerifyOptions } from './chain/parallel-verify';
export type { LineReader } from './chain/verify-worker';
