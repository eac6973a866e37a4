/** JSON values that round-trip through every adapter unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An event to append; `id` is a UUID the caller chooses (derive it from the command id to make retries idempotent). */
export interface EventInput {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

/**
 * Position in `$all`: an opaque string with a fixed width per adapter, so positions of one store
 * order the same way as strings as they do in the log (safe to store as TEXT and compare in SQL).
 */
export type GlobalPosition = string;

/** A stored event. `revision` counts from 0 within its stream (a safe integer). */
export interface RecordedEvent extends Required<EventInput> {
  readonly streamName: string;
  readonly revision: number;
  readonly globalPosition: GlobalPosition;
  readonly recordedAt: Date;
}

/** What the stream must look like before the append; a number is the revision of its last event. */
export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | number;

export interface AppendResult {
  /** Revision of the last appended event: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: GlobalPosition;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive; defaults to the first event (forwards) or the last (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Exclusive; omitted means the start (forwards) or the end (backwards) of `$all`. */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
}

/** Both parts must match when both are given. Event types match exactly, stream names by prefix. */
export interface SubscriptionFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive: the position of the last event already handled (a checkpoint); omitted means from the start. */
  readonly after?: GlobalPosition;
  readonly filter?: SubscriptionFilter;
  /** Awaited before the next event is delivered (backpressure). A throw stops the subscription. */
  readonly onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called once, after the events that existed when subscribing were handled; live events follow. */
  readonly onCaughtUp?: () => void;
}

export interface Subscription {
  /** Settles when the subscription stops: resolves after `close()`, rejects with the error that stopped it. */
  readonly stopped: Promise<void>;
  close(): Promise<void>;
}

/** The event store port. Every method fails only with the errors in `./errors`. */
export interface EventStore {
  append(streamName: string, expected: ExpectedRevision, events: readonly EventInput[]): Promise<AppendResult>;
  /** Rejects with StreamNotFoundError (on first iteration) when the stream has no events. */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
