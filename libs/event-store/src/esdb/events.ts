import { jsonEvent, type AllStreamResolvedEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import type { JsonObject, RecordedEvent } from '../port/event-store';
import type { PreparedEvent } from '../port/validation';
import { encodePosition } from './positions';
import { fromEsdbRevision } from './revisions';

/** The client's event data for a validated event. */
export function toEventData(event: PreparedEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/**
 * The port's view of a resolved event, or undefined for what the port never shows: system events
 * (`$` types or streams), links and binary events, which Switchboard does not write.
 */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$') || !event.position) return undefined;
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
