import type { RecordedEvent } from '../port/event-store';
import type { ChainedEvent } from '../port/tamper-evidence';
import type { StoredEventRef } from '../embedded/append-rules';
import { sequenceToPosition } from '../embedded/sequence-position';

/** The columns reads select; bigint columns arrive as strings, json columns parsed. */
export const EVENT_COLUMNS = 'position, event_id::text AS event_id, stream_name, revision, type, data, metadata, recorded_at';

export interface EventRow {
  position: string;
  event_id: string;
  stream_name: string;
  revision: string;
  type: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

/** Turns a stored row into the port's recorded event. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: Number(row.revision),
    globalPosition: sequenceToPosition(Number(row.position)),
    recordedAt: row.recorded_at,
  };
}

/** A row read with its hashes (bytea arrives as a Buffer). */
export interface ChainedRow extends EventRow {
  hash: Buffer | null;
  stream_hash: Buffer | null;
}

/** Turns a row read with its hashes into a chained event. */
export function toChainedEvent(row: ChainedRow): ChainedEvent {
  const chain = row.hash && row.stream_hash ? { hash: row.hash.toString('hex'), streamHash: row.stream_hash.toString('hex') } : null;
  return { ...toRecordedEvent(row), chain };
}

/** The columns the append rules compare, with the JSON as the text stored. */
export const REF_COLUMNS = 'position, event_id::text AS event_id, stream_name, revision, type, data::text AS data, metadata::text AS metadata';

export interface RefRow {
  position: string;
  event_id: string;
  stream_name: string;
  revision: string;
  type: string;
  data: string;
  metadata: string;
}

export function toStoredEventRef(row: RefRow): StoredEventRef {
  return {
    streamName: row.stream_name,
    revision: Number(row.revision),
    sequence: Number(row.position),
    type: row.type,
    dataJson: row.data,
    metadataJson: row.metadata,
  };
}
