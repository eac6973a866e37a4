import { randomUUID } from 'node:crypto';
import type { EventInput, JsonObject, RecordedEvent } from '../port/event-store';

/** Collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A new event with a random id. */
export function anEvent(type: string, data: JsonObject = {}, metadata?: JsonObject): EventInput {
  return { id: randomUUID(), type, data, metadata };
}

/** A stream name unique to this test run, so tests can share a real server. */
export function uniqueStream(prefix: string): string {
  return `${prefix}-${randomUUID().replaceAll('-', '')}`;
}

/** The input fields of recorded events, to compare them with what was appended. */
export function asInputs(events: readonly RecordedEvent[]): EventInput[] {
  return events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
}

/** A promise with its resolve function exposed, to await an event instead of sleeping. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
