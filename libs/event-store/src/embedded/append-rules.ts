import type { AppendResult, ExpectedRevision } from '../port/event-store';
import { ConcurrencyConflictError, InvalidArgumentError } from '../port/errors';
import type { PreparedEvent } from '../port/validation';
import { sequenceToPosition } from './sequence-position';
import { canonicalJson } from '../chain/canonical-json';

/** The parts of a stored event the append rules compare against. */
export interface StoredEventRef {
  readonly streamName: string;
  readonly revision: number;
  readonly sequence: number;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

export type AppendDecision = { readonly kind: 'write' } | { readonly kind: 'already_written'; readonly result: AppendResult };

/**
 * Decides an append for the embedded adapters. `current` is the stream's last revision (-1 when it
 * does not exist). Like EventStoreDB, a retry of an append that was already written (same ids, same
 * content, same place) returns the original result instead of writing duplicates.
 */
export function decideAppend(
  streamName: string,
  expected: ExpectedRevision,
  events: readonly PreparedEvent[],
  current: number,
  lookup: (eventId: string) => StoredEventRef | undefined,
): AppendDecision {
  const stored = events.map((event) => lookup(event.id));
  if (stored.every((ref) => ref === undefined)) {
    checkExpectedRevision(streamName, expected, current);
    return { kind: 'write' };
  }
  if (isSameAppend(streamName, expected, events, stored)) {
    const last = stored[stored.length - 1] as StoredEventRef;
    return { kind: 'already_written', result: { nextExpectedRevision: last.revision, position: sequenceToPosition(last.sequence) } };
  }
  const index = stored.findIndex((ref) => ref !== undefined);
  const ref = stored[index] as StoredEventRef;
  throw new InvalidArgumentError(
    `Event id ${events[index].id} is already stored as revision ${ref.revision} of "${ref.streamName}" with other content or ` +
      'as part of a different append; a retry must resend the same events with the same expected revision, and new events need new ids.',
  );
}

/** Throws ConcurrencyConflictError unless a stream at `current` (-1: none) satisfies `expected`. */
export function checkExpectedRevision(streamName: string, expected: ExpectedRevision, current: number): void {
  const ok = expected === 'any' || (expected === 'no_stream' && current === -1) || (expected === 'exists' && current >= 0) || expected === current;
  if (!ok) throw new ConcurrencyConflictError(streamName, expected, current === -1 ? 'no_stream' : current);
}

function isSameAppend(
  streamName: string,
  expected: ExpectedRevision,
  events: readonly PreparedEvent[],
  stored: readonly (StoredEventRef | undefined)[],
): boolean {
  const first = stored[0];
  if (!first) return false;
  const samePlace =
    expected === 'any' ||
    (expected === 'no_stream' && first.revision === 0) ||
    (expected === 'exists' && first.revision > 0) ||
    expected === first.revision - 1;
  return (
    samePlace &&
    events.every((event, i) => {
      const ref = stored[i];
      return (
        ref !== undefined &&
        ref.streamName === streamName &&
        ref.revision === first.revision + i &&
        ref.type === event.type &&
        sameJson(ref.dataJson, event.dataJson) &&
        sameJson(ref.metadataJson, event.metadataJson)
      );
    })
  );
}

/** Stored JSON against an append's canonical text: an event stored before the stores wrote canonical text may spell the same value otherwise. */
function sameJson(stored: string, canonical: string): boolean {
  return stored === canonical || canonicalJson(JSON.parse(stored)) === canonical;
}
