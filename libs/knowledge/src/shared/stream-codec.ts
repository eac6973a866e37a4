import {
  type EncodedTicketEvent,
  NO_RESIDENT_KEYS,
  openedField,
  type ResidentKeyRing,
  type ResidentSealing,
  sealedField,
  type StoredRecord,
} from '@switchboard/ticketing';
import type { Fact, Stamped } from './stamp';

/** An event as a store appends it: the same plain shape ticket events are appended in. */
export type EncodedEvent = EncodedTicketEvent;

/** The mapping between one aggregate's events and a store's records: stream name ⇄ id, encode, decode. */
export interface StreamCodec<F extends Fact> {
  readonly prefix: string;
  readonly streamName: (id: string) => string;
  /** The id of one of this aggregate's streams; undefined for any other stream. */
  readonly idOfStream: (streamName: string) => string | undefined;
  /** The field of this aggregate's events that holds a resident's personal data, stored sealed under the record's key; undefined when none does. */
  readonly personalField?: string;
  /** Whether the event carries personal data: the writer issues the record's key before encoding it. */
  readonly carriesResidentData: (event: Stamped<F>) => boolean;
  /** The event as the store takes it, its personal data sealed (or left out once erased); personal data without a sealing is refused. */
  readonly encode: (event: Stamped<F>, sealing?: ResidentSealing) => EncodedEvent;
  /**
   * A stored record as today's event, its personal data opened with the record's key from `keys`
   * (left out without it or once erased; plaintext from before sealing reads until erased);
   * undefined for event types this version does not know, so replay skips them.
   */
  readonly decode: (stored: StoredRecord, keys?: ResidentKeyRing) => Stamped<F> | undefined;
}

/**
 * The codec of one aggregate's streams (`<prefix><id>`). Every event type is at its first schema
 * version; when one changes, its upcaster goes here, keyed by type, as the ticket codec does.
 */
export function streamCodec<F extends Fact>(prefix: string, schemaVersions: Readonly<Record<F['type'], number>>, personalField?: string): StreamCodec<F> {
  const dataOf = (event: { readonly data: unknown }) => event.data as Record<string, unknown>;
  const carriesResidentData = (event: Stamped<F>): boolean => personalField !== undefined && dataOf(event)[personalField] !== undefined;
  return {
    prefix,
    streamName: (id) => `${prefix}${id}`,
    idOfStream: (name) => (name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : undefined),
    personalField,
    carriesResidentData,
    encode: (event, sealing) => ({
      id: event.metadata.eventId,
      type: event.type,
      data: (personalField ? sealedField(dataOf(event), personalField, event.metadata.eventId, sealing) : event.data) as unknown as EncodedEvent['data'],
      metadata: event.metadata as unknown as EncodedEvent['metadata'],
    }),
    decode: (stored, keys = NO_RESIDENT_KEYS) => {
      if (!Object.hasOwn(schemaVersions, stored.type)) return undefined;
      const data = personalField ? openedField(stored.data as Record<string, unknown>, personalField, stored.streamName, keys) : stored.data;
      return { type: stored.type, data, metadata: stored.metadata } as unknown as Stamped<F>;
    },
  };
}
