import { jsonEvent, type AllStreamResolvedEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import type { JsonObject, RecordedEvent } from '../port/event-store';
import type { ChainStamp } from './chain-stamp';
import { isReservedStream, splitStamp, type StampedEvent } from './chain-stamp';
import { encodePosition } from './positions';
import { fromEsdbRevision } from './revisions';

/** The client's event data for a stamped event (its metadata carries the chain stamp). */
export function toEventData(stamped: StampedEvent): EventData {
  return jsonEvent({ id: stamped.event.id, type: stamped.event.type, data: stamped.event.data, metadata: stamped.metadata });
}

/**
 * A resolved event as stored, metadata with its stamp and the server's `created`; undefined for
 * what the port never shows: system events (`$` types or streams), the adapter's own chain
 * streams, links and binary events, which Switchboard does not write.
 */
export function rawFromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$') || !event.position) return undefined;
  if (isReservedStream(event.streamId)) return undefined;
  return {
    id: event.id,
    type: event.type,
    data: event.data as JsonObject,
    metadata: (event.metadata ?? {}) as JsonObject,
    streamName: event.streamId,
    revision: fromEsdbRevision(event.revision),
    globalPosition: encodePosition(event.position),
    recordedAt: event.created,
  };
}

/** The port's view of a stored event: the caller's metadata, recorded at the stamp's time (the server's for an event from before chaining). */
export function fromStored(raw: RecordedEvent): RecordedEvent & { readonly stamp: ChainStamp | null } {
  const { metadata, stamp } = splitStamp(raw.metadata);
  return { ...raw, metadata, recordedAt: stamp ? new Date(stamp.recordedAt) : raw.recordedAt, stamp };
}

/** The port's view of a resolved event (see rawFromResolved). */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const raw = rawFromResolved(resolved);
  if (!raw) return undefined;
  const { stamp: _stamp, ...event } = fromStored(raw);
  return event;
}
