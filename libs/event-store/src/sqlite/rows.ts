import type { RecordedEvent } from '../port/event-store';
import type { ChainedEvent } from '../port/tamper-evidence';
import { EventStoreError, StoreUnavailableError } from '../port/errors';
import { sequenceToPosition } from '../embedded/sequence-position';

/** A row of event_store_events. */
export interface EventRow {
  position: number;
  event_id: string;
  stream_name: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Turns a stored row into the port's recorded event. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamName: row.stream_name,
    revision: row.revision,
    globalPosition: sequenceToPosition(row.position),
    recordedAt: new Date(row.recorded_at),
  };
}

/** A row read with its hashes. */
export interface ChainedRow extends EventRow {
  hash: Buffer | null;
  stream_hash: Buffer | null;
}

/** Turns a row read with its hashes into a chained event. */
export function toChainedEvent(row: ChainedRow): ChainedEvent {
  const chain = row.hash && row.stream_hash ? { hash: row.hash.toString('hex'), streamHash: row.stream_hash.toString('hex') } : null;
  return { ...toRecordedEvent(row), chain };
}

/** Maps a better-sqlite3 failure (busy, I/O, disk full, closed) onto the port's error set. */
export function mapSqliteError(path: string, error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  const code = (error as { code?: string }).code ?? 'unknown';
  return new StoreUnavailableError(`Event store ${path} failed (${code}): ${(error as Error).message}`, { cause: error });
}

/** Another connection holds the write lock: worth waiting for, asynchronously. */
export const isSqliteBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};
