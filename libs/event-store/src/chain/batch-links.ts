import { linkLogHex, linkStreamHex } from './event-hash';
import { canonicalDigest, fastDigest, GENESIS_HEX, type StreamState, type VerifiableEvent } from './verify-chain';

/**
 * One stream's events in a batch: the first one's revision, digest (latin1) and stream hash, which
 * link from the stream's head before the batch, and the last one's revision and stream hash.
 */
export type StreamSpan = [stream: string, firstRevision: number, firstDigest: string, firstStreamHash: string, lastRevision: number, lastStreamHash: string];

/** What a batch of consecutive events needs from the events before it to be verified: its first event, its last, and its streams' spans. */
export interface BatchLinks {
  readonly count: number;
  readonly firstDigest: string;
  readonly firstHash: string;
  readonly lastHash: string;
  readonly lastPosition: string;
  readonly streams: StreamSpan[];
}

/**
 * Checks every link inside a batch of consecutive events against the stored hash before it — each
 * event's log hash against the previous event's, its stream hash and revision against the previous
 * event of its stream in the batch — with the digests the one-thread verifier takes (the event's
 * text as read, read again in full, then the canonical text). Every stored hash is so checked
 * against the one before it, as `verifyChain` checks them, but for the links that cross into the
 * batch from before, which `linkAcross` checks in order. Null when a link does not hold: the
 * caller then verifies with `verifyChain`, which names what happened.
 */
export function linkBatch(events: Iterable<VerifiableEvent>): BatchLinks | null {
  const spans = new Map<string, StreamSpan>();
  let count = 0;
  let previous: string | null = null;
  let first: { digest: string; hash: string } | undefined;
  let lastPosition = '';
  for (let event of events) {
    let span = spans.get(event.streamName);
    let digest = digestThatLinks(event, previous, span);
    if (digest === undefined && event.reread) {
      event = event.reread();
      span = spans.get(event.streamName);
      digest = digestThatLinks(event, previous, span);
    }
    const chain = event.chain;
    if (digest === undefined || chain === null) return null;
    if (span) {
      span[4] = event.revision;
      span[5] = chain.streamHash;
    } else spans.set(event.streamName, [event.streamName, event.revision, digest, chain.streamHash, event.revision, chain.streamHash]);
    first ??= { digest, hash: chain.hash };
    previous = chain.hash;
    lastPosition = event.position;
    count++;
  }
  if (!first || previous === null) return null;
  return { count, firstDigest: first.digest, firstHash: first.hash, lastHash: previous, lastPosition, streams: [...spans.values()] };
}

/** The digest with which the links known in the batch hold (all of them hold trivially for an event whose both links cross in). */
function digestThatLinks(event: VerifiableEvent, previousHash: string | null, span: StreamSpan | undefined): string | undefined {
  const chain = event.chain;
  if (chain === null || (span && event.revision !== span[4] + 1)) return undefined;
  const holds = (digest: string): boolean =>
    (previousHash === null || linkLogHex(previousHash, digest) === chain.hash) && (!span || linkStreamHex(span[5], digest) === chain.streamHash);
  const fast = fastDigest(event);
  if (holds(fast)) return fast;
  const canonical = canonicalDigest(event).toString('latin1');
  return canonical !== fast && holds(canonical) ? canonical : undefined;
}

/**
 * The links from the log and the streams as verified before a batch into it: true, with `streams`
 * moved on to the batch's end, when they hold; false (and `streams` as it was) when not.
 */
export function linkAcross(logHash: string, streams: Map<string, StreamState>, batch: BatchLinks): boolean {
  if (linkLogHex(logHash, batch.firstDigest) !== batch.firstHash) return false;
  for (const [name, firstRevision, digest, firstStreamHash] of batch.streams) {
    const head = streams.get(name);
    if (firstRevision !== (head ? head.revision + 1 : 0) || linkStreamHex(head?.hash ?? GENESIS_HEX, digest) !== firstStreamHash) return false;
  }
  for (const [name, , , , lastRevision, lastStreamHash] of batch.streams) {
    const head = streams.get(name);
    if (head) {
      head.revision = lastRevision;
      head.hash = lastStreamHash;
    } else streams.set(name, { revision: lastRevision, hash: lastStreamHash });
  }
  return true;
}
