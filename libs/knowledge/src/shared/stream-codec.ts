import type { EncodedTicketEvent, StoredRecord } from '@switchboard/ticketing';
import type { Fact, Stamped } from './stamp';

/** An event as a store appends it: the same plain shape ticket events are appended in. */
export type EncodedEvent = EncodedTicketEvent;

/** The mapping between one aggregate's events and a store's records: stream name ⇄ id, encode, decode. */
export interface StreamCodec<F extends Fact> {
  readonly prefix: string;
  readonly streamName: (id: string) => string;
  /** The id of one of this aggregate's streams; undefined for any other stream. */
  readonly idOfStream: (streamName: string) => string | undefined;
  readonly encode: (event: Stamped<F>) => EncodedEvent;
  /** A stored record as today's event; undefined for event types this version does not know, so replay skips them. */
  readonly decode: (stored: StoredRecord) => Stamped<F> | undefined;
}

/**
 * The codec of one aggregate's streams (`<prefix><id>`). Every event type is at its first schema
 * version; when one changes, its upcaster goes here, keyed by type, as the ticket codec does.
 */
export function streamCodec<F extends Fact>(prefix: string, schemaVersions: Readonly<Record<F['type'], number>>): StreamCodec<F> {
  return {
    prefix,
    streamName: (id) => `${prefix}${id}`,
    idOfStream: (name) => (name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : undefined),
    encode: (event) => ({
      id: event.metadata.eventId,
      type: event.type,
      data: event.data as unknown as EncodedEvent['data'],
      metadata: event.metadata as unknown as EncodedEvent['metadata'],
    }),
    decode: (stored) =>
      Object.hasOwn(schemaVersions, stored.type) ? ({ type: stored.type, data: stored.data, metadata: stored.metadata } as unknown as Stamped<F>) : undefined,
  };
}
