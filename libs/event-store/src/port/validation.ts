import type { EventInput, ExpectedRevision, JsonObject } from './event-store';
import { EventTooLargeError, InvalidArgumentError } from './errors';
import { canonicalJson } from '../chain/canonical-json';

/** EventStoreDB's default maximum append size; the embedded adapters apply it per event. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const MAX_STREAM_NAME_LENGTH = 255;

/**
 * An event checked for the port's rules, with its JSON serialised once for size checks, storage and
 * its content digest: the RFC 8785 canonical text (docs/audit.md), so the store hashes what it keeps.
 */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** Rejects stream names no adapter can store: empty, too long, control characters, or `$` (reserved for system streams). */
export function validateStreamName(streamName: string): void {
  if (typeof streamName !== 'string' || streamName.length === 0 || streamName.length > MAX_STREAM_NAME_LENGTH) {
    throw new InvalidArgumentError(`Stream name must be 1 to ${MAX_STREAM_NAME_LENGTH} characters, got ${JSON.stringify(streamName)}.`);
  }
  if (streamName.startsWith('$') || CONTROL_CHARACTERS.test(streamName)) {
    throw new InvalidArgumentError(
      `Stream name ${JSON.stringify(streamName)} is invalid: it must not start with "$" (reserved for system streams) or contain control characters.`,
    );
  }
}

/** Checks an expected revision is one of the named variants or a revision (a non-negative safe integer). */
export function validateExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'no_stream' || expected === 'exists' || expected === 'any') return;
  if (!isRevision(expected)) {
    throw new InvalidArgumentError(`Expected revision must be "no_stream", "exists", "any" or a non-negative integer, got ${JSON.stringify(expected)}.`);
  }
}

/** Validates a whole append and serialises its events; throws InvalidArgumentError or EventTooLargeError. */
export function prepareAppend(streamName: string, expected: ExpectedRevision, events: readonly EventInput[], maxEventBytes: number): PreparedEvent[] {
  validateStreamName(streamName);
  validateExpectedRevision(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidArgumentError(`Append to "${streamName}" needs at least one event.`);
  }
  const ids = new Set<string>();
  return events.map((event) => {
    const prepared = prepareEvent(streamName, event, maxEventBytes);
    if (ids.has(prepared.id)) {
      throw new InvalidArgumentError(`Event id ${prepared.id} appears twice in one append to "${streamName}"; give each event its own id.`);
    }
    ids.add(prepared.id);
    return prepared;
  });
}

/** Checks a maxCount / revision argument of a read. */
export function validateCount(name: string, value: number | undefined, minimum: number): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= minimum)) {
    throw new InvalidArgumentError(`${name} must be an integer of at least ${minimum}, got ${JSON.stringify(value)}.`);
  }
}

function prepareEvent(streamName: string, event: EventInput, maxEventBytes: number): PreparedEvent {
  if (typeof event?.id !== 'string' || !UUID.test(event.id)) {
    throw new InvalidArgumentError(`Event id must be a lowercase UUID (e.g. from crypto.randomUUID()), got ${JSON.stringify(event?.id)}.`);
  }
  if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
    throw new InvalidArgumentError(`Event type must be a non-empty string not starting with "$", got ${JSON.stringify(event.type)}.`);
  }
  const metadata = event.metadata ?? {};
  if (!isPlainObject(event.data) || !isPlainObject(metadata)) {
    throw new InvalidArgumentError(`Event ${event.id}: data and metadata must be JSON objects.`);
  }
  const dataJson = toJson(event.id, event.data);
  const metadataJson = toJson(event.id, metadata);
  const size = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (size > maxEventBytes) throw new EventTooLargeError(streamName, maxEventBytes, size);
  return { id: event.id, type: event.type, data: event.data, metadata, dataJson, metadataJson };
}

function toJson(id: string, value: JsonObject): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    throw new InvalidArgumentError(`Event ${id} cannot be serialised as JSON: ${(error as Error).message}.`);
  }
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRevision(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
