import type { ExpectedRevision } from './event-store';

/** The closed set of failure kinds every adapter maps its native errors onto. */
export type EventStoreErrorCode = 'concurrency_conflict' | 'stream_not_found' | 'event_too_large' | 'store_unavailable' | 'invalid_argument';

/** Base class of every error the event store port raises. */
export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
  override get name(): string {
    return this.constructor.name;
  }
}

/** The stream was not at the expected revision; reload it, decide again and retry. */
export class ConcurrencyConflictError extends EventStoreError {
  readonly code = 'concurrency_conflict';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(
      `Stream "${streamName}" was expected at ${describeRevision(expected)} but is at ${describeRevision(actual)}; ` + 'reload the stream and decide again.',
    );
  }
}

/** Reading a stream that has no events. */
export class StreamNotFoundError extends EventStoreError {
  readonly code = 'stream_not_found';
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" does not exist.`);
  }
}

/** An event (or an append) exceeds the store's size limit. */
export class EventTooLargeError extends EventStoreError {
  readonly code = 'event_too_large';
  constructor(
    readonly streamName: string,
    readonly limitBytes: number,
    readonly actualBytes?: number,
  ) {
    const size = actualBytes === undefined ? '' : ` (${actualBytes} bytes)`;
    super(
      `Append to "${streamName}" is too large${size}: the limit is ${limitBytes} bytes of data and metadata; ` +
        'store large payloads elsewhere and reference them from the event.',
    );
  }
}

/** The store cannot be reached or cannot serve the request now; retrying later may succeed. */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The caller passed something the store cannot accept; the message says what. */
export class InvalidArgumentError extends EventStoreError {
  readonly code = 'invalid_argument';
}

function describeRevision(revision: ExpectedRevision | number): string {
  if (typeof revision === 'number') return `revision ${revision}`;
  return { no_stream: 'no stream', exists: 'an existing stream', any: 'any revision' }[revision];
}
