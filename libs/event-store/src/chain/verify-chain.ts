import type { KeyObject } from 'node:crypto';
import type { EventChainLink, SignedCheckpoint } from '../port/tamper-evidence';
import { checkpointSignatureHolds, keyIdOf } from './checkpoint-signature';
import { canonicalJson } from './canonical-json';
import {
  contentText,
  digestBytesOfText,
  digestOfText,
  GENESIS_HASH,
  linkLog,
  linkLogHex,
  linkStream,
  linkStreamHex,
  streamHeadsDigest,
  type DigestBytes,
  type HashedFields,
} from './event-hash';

/** An event as the verifier reads it, from a store or an export file. */
export interface VerifiableEvent extends HashedFields {
  readonly position: string;
  readonly chain: EventChainLink | null;
  /** The line of the export file it was read from. */
  readonly line?: number;
  /**
   * The event read again in full, when this reading took a shortcut (an export line's data and
   * metadata taken as their text, not parsed): the verifier goes on with it when this one does not link.
   */
  readonly reread?: () => VerifiableEvent;
}

/** Names an event in a report. */
export interface EventRef {
  readonly position: string;
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly line?: number;
  /** Its place in what was read (from 1). */
  readonly index: number;
}

/**
 * How the log differs from what was hashed: `changed` (the event's content or hashes are not what
 * was written), `removed` (an event before this one is missing), `inserted` (this event was not
 * written by the store), `reordered` (this event and `other` were swapped), `unchained` (an event
 * without hashes), `truncated` (the log ends before a checkpoint's last event) and `rewritten` (every
 * stored hash agrees with its event, but a signed checkpoint does not: the hashes were recomputed).
 */
export type MismatchKind = 'changed' | 'removed' | 'inserted' | 'reordered' | 'unchained' | 'truncated' | 'rewritten';

export interface Mismatch {
  readonly kind: MismatchKind;
  /** The first event that does not match (null for `truncated` and `rewritten`). */
  readonly event: EventRef | null;
  readonly other?: EventRef;
  readonly detail: string;
}

export type CheckpointStatus = 'holds' | 'fails' | 'bad-signature' | 'other-key' | 'not-checked';

export interface CheckpointResult {
  readonly checkpoint: SignedCheckpoint;
  readonly status: CheckpointStatus;
  readonly detail: string;
}

export interface VerifyReport {
  /** Events that matched before the first mismatch (all of them when intact). */
  readonly eventsVerified: number;
  readonly intact: boolean;
  readonly firstMismatch: Mismatch | null;
  /** Every checkpoint given, in the order of the events they cover. */
  readonly checkpoints: readonly CheckpointResult[];
  /** The last checkpoint (by events covered) that still holds. */
  readonly lastHolding: SignedCheckpoint | null;
}

export interface VerifyOptions {
  readonly checkpoints?: readonly SignedCheckpoint[];
  /** Needed to trust checkpoints; without it they are not checked. */
  readonly publicKey?: KeyObject;
  /**
   * The events start after the log's start (an export `--from-position`): the first event's stored
   * hash and each stream's first stored hash are taken as given, and checkpoints are matched by position.
   */
  readonly partial?: boolean;
}

/** A stream's head as verified: its last revision and stream hash (hex). */
export interface StreamState {
  revision: number;
  /** Hex. */
  hash: string;
}

/** The events to verify, in log order: one at a time, or in batches (each walked without an await per event, and read no further than verifying needs). */
export type EventSource = AsyncIterable<VerifiableEvent | Iterable<VerifiableEvent>> | Iterable<VerifiableEvent>;

export const GENESIS_HEX = GENESIS_HASH.toString('hex');
const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * The chain as verified up to an event: what `verifyChainFrom` goes on from, so a log already
 * verified up to a checkpoint is not read again (the API's latest checkpoint). Start with `genesisState()`.
 */
export interface VerifiedState {
  /** Events verified. */
  readonly events: number;
  /** Position of the last event verified; undefined before the first. */
  readonly position: string | undefined;
  readonly logHash: Buffer;
  readonly streams: ReadonlyMap<string, { readonly revision: number; readonly hash: Buffer }>;
}

export const genesisState = (): VerifiedState => ({ events: 0, position: undefined, logHash: GENESIS_HASH, streams: new Map() });

const refOf = (event: VerifiableEvent, index: number): EventRef => ({
  position: event.position,
  streamName: event.streamName,
  revision: event.revision,
  id: event.id,
  ...(event.line === undefined ? {} : { line: event.line }),
  index,
});

const describe = (ref: EventRef): string =>
  `event ${ref.id} (${ref.streamName} revision ${ref.revision}, position ${ref.position}${ref.line === undefined ? '' : `, line ${ref.line}`})`;

/**
 * Verifies a log read in order (docs/audit.md): recomputes every event's content digest, log hash
 * and stream hash from genesis, compares them with the stored ones, and checks each signed
 * checkpoint against the recomputed chain where it falls. Stops at the first event that does not
 * match, after looking at the next two to tell what happened.
 */
export async function verifyChain(events: EventSource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const { state: _state, ...report } = await verifyChainFrom(genesisState(), events, options);
  return report;
}

/**
 * verifyChain going on from a state verified before (the events after it, in log order); with the
 * state at the end when the events are intact (the state given, unchanged, when not). Checkpoints
 * at or before the state are not reached again: give those after it.
 */
export async function verifyChainFrom(
  from: VerifiedState,
  events: EventSource,
  options: Omit<VerifyOptions, 'partial'> & { readonly partial?: boolean } = {},
): Promise<VerifyReport & { readonly state: VerifiedState }> {
  const pending = checkpointQueue(options);
  const results: CheckpointResult[] = pending.results;
  // Hashes are kept as the hex text the events store them in: a link is compared, and the next one written, without a Buffer per hash.
  const streams = new Map<string, StreamState>([...from.streams].map(([name, head]) => [name, { revision: head.revision, hash: head.hash.toString('hex') }]));
  let log: string | null = options.partial ? null : from.logHash.toString('hex');
  let index = from.events;
  let position = from.position;
  let mismatch: Mismatch | null = null;

  const iterator = (Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : (events as Iterable<VerifiableEvent>)[Symbol.iterator]()) as
    AsyncIterator<VerifiableEvent | Iterable<VerifiableEvent>> | Iterator<VerifiableEvent | Iterable<VerifiableEvent>>;
  // Events come one at a time or in batches (an export file's chunk): a batch is walked without an await per event.
  let batch: Iterator<VerifiableEvent> = [][Symbol.iterator]();
  let held: VerifiableEvent | undefined;
  const next = async (): Promise<VerifiableEvent | undefined> => {
    if (held) {
      const event = held;
      held = undefined;
      return event;
    }
    for (;;) {
      const step = batch.next();
      if (!step.done) return step.value;
      const item = await iterator.next();
      if (item.done) return undefined;
      batch = Symbol.iterator in item.value ? item.value[Symbol.iterator]() : [item.value][Symbol.iterator]();
    }
  };
  const nextInBatch = (): VerifiableEvent | undefined => {
    const step = held ? undefined : batch.next();
    return step && !step.done ? step.value : undefined;
  };

  for (;;) {
    let event = nextInBatch() ?? (await next());
    if (event === undefined) break;
    index++;
    let stream = streams.get(event.streamName);
    let anchoredStream = anchors(event, stream, options);
    let expectedRevision = stream ? stream.revision + 1 : 0;
    let fast = fastDigest(event);
    let links = linksOf(event, fast, log, stream, anchoredStream, expectedRevision);
    if (!links && event.reread) {
      // Read with a shortcut: from here on, the event as its whole text gives it, as if read so from the start.
      event = event.reread();
      stream = streams.get(event.streamName);
      anchoredStream = anchors(event, stream, options);
      expectedRevision = stream ? stream.revision + 1 : 0;
      fast = fastDigest(event);
      links = linksOf(event, fast, log, stream, anchoredStream, expectedRevision);
    }
    if (!links) {
      // Not the text JSON.stringify writes (an object with array-index keys, or a changed event): the canonical text decides.
      const digest = canonicalDigest(event);
      if (digest.toString('latin1') !== fast) links = linksOf(event, digest, log, stream, anchoredStream, expectedRevision);
      if (!links) {
        held = await next();
        held = held?.reread?.() ?? held;
        mismatch = classify(event, index, log ? Buffer.from(log, 'hex') : GENESIS_HASH, stream, expectedRevision, digest, held);
        break;
      }
    }
    log = links.logHash;
    if (stream) {
      stream.revision = event.revision;
      stream.hash = links.streamHash;
    } else streams.set(event.streamName, { revision: event.revision, hash: links.streamHash });
    if (pending.waiting) pending.reach(index, event.position, log, streams);
    position = event.position;
  }
  const verified = mismatch ? index - 1 : index;
  pending.finish(verified, mismatch === null);
  if (!mismatch) {
    const truncated = results.find((result) => result.status === 'fails' && result.checkpoint.body.events > verified && !options.partial);
    const rewritten = results.find((result) => result.status === 'fails');
    if (truncated) {
      mismatch = {
        kind: 'truncated',
        event: null,
        detail: `the log ends after ${verified} events, but a signed checkpoint covers ${truncated.checkpoint.body.events}: events were removed from its end`,
      };
    } else if (rewritten) {
      mismatch = {
        kind: 'rewritten',
        event: null,
        detail:
          `every stored hash agrees with its event, but the checkpoint at position ${rewritten.checkpoint.body.position} does not (${rewritten.detail}): ` +
          'events before it were changed and their hashes recomputed',
      };
    }
  }
  const holding = results.filter((result) => result.status === 'holds');
  const state = (): VerifiedState => ({
    events: verified,
    position,
    logHash: Buffer.from(log ?? '', 'hex'),
    streams: new Map([...streams].map(([name, head]) => [name, { revision: head.revision, hash: Buffer.from(head.hash, 'hex') }])),
  });
  return {
    eventsVerified: verified,
    intact: mismatch === null,
    firstMismatch: mismatch,
    checkpoints: results,
    lastHolding: holding.length > 0 ? holding[holding.length - 1].checkpoint : null,
    state: mismatch === null && log !== null ? state() : from,
  };
}

/**
 * The digest of the event's data and metadata as JSON.stringify writes them (or as the reader
 * gave their text): the canonical text whenever they were read from canonical text without an
 * array-index key, which is every event a store of this version wrote. A digest that does not
 * link is computed again from the canonical text before the event counts as changed; one that
 * links is that of the canonical text (a different text would not give the stored hashes).
 */
export function fastDigest(event: VerifiableEvent): string {
  return digestBytesOfText(
    contentText(event, event.dataJson ?? JSON.stringify(event.data) ?? 'null', event.metadataJson ?? JSON.stringify(event.metadata) ?? 'null'),
  );
}

export const canonicalDigest = (event: VerifiableEvent): Buffer => digestOfText(contentText(event, canonicalJson(event.data), canonicalJson(event.metadata)));

const anchors = (event: VerifiableEvent, stream: StreamState | undefined, options: { readonly partial?: boolean }): boolean =>
  !stream && options.partial === true && event.revision > 0 && event.chain !== null;

/** The event's stored hashes (hex) when they are the recomputed ones (and its revision follows its stream's); undefined when they are not. */
function linksOf(
  event: VerifiableEvent,
  digest: DigestBytes,
  log: string | null,
  stream: StreamState | undefined,
  anchoredStream: boolean,
  expectedRevision: number,
): { logHash: string; streamHash: string } | undefined {
  const chain = event.chain;
  if (chain === null || !(anchoredStream || event.revision === expectedRevision)) return undefined;
  if (log === null ? !HEX_HASH.test(chain.hash) : linkLogHex(log, digest) !== chain.hash) return undefined;
  if (anchoredStream ? !HEX_HASH.test(chain.streamHash) : linkStreamHex(stream?.hash ?? GENESIS_HEX, digest) !== chain.streamHash) return undefined;
  return { logHash: chain.hash, streamHash: chain.streamHash };
}

/** Tells what happened at the first event that does not match, from it, the chain before it and the next event. */
function classify(
  event: VerifiableEvent,
  index: number,
  previousLog: Buffer,
  stream: StreamState | undefined,
  expectedRevision: number,
  digest: Buffer,
  following: VerifiableEvent | undefined,
): Mismatch {
  const here = refOf(event, index);
  if (following?.chain && event.chain) {
    const followingDigest = canonicalDigest(following);
    const followingFits = linkLog(previousLog, followingDigest).toString('hex') === following.chain.hash;
    if (followingFits && linkLog(bufferOf(following.chain.hash) ?? GENESIS_HASH, digest).toString('hex') === event.chain.hash) {
      const other = refOf(following, index + 1);
      return { kind: 'reordered', event: here, other, detail: `${describe(here)} and ${describe(other)} were swapped` };
    }
    if (followingFits)
      return { kind: 'inserted', event: here, detail: `${describe(here)} was not written by the store: the next event follows on from the one before it` };
  } else if (following?.chain && !event.chain && linkLog(previousLog, canonicalDigest(following)).toString('hex') === following.chain.hash) {
    return { kind: 'inserted', event: here, detail: `${describe(here)} has no hashes and was not written by the store` };
  }
  if (!event.chain) return { kind: 'unchained', event: here, detail: `${describe(here)} has no hashes` };
  if (event.revision > expectedRevision) {
    const missing = expectedRevision === event.revision - 1 ? `revision ${expectedRevision}` : `revisions ${expectedRevision}–${event.revision - 1}`;
    return { kind: 'removed', event: here, detail: `${missing} of ${event.streamName} before ${describe(here)} are missing` };
  }
  if (
    event.revision === expectedRevision &&
    linkStream(stream ? Buffer.from(stream.hash, 'hex') : GENESIS_HASH, digest).toString('hex') === event.chain.streamHash
  ) {
    return { kind: 'removed', event: here, detail: `${describe(here)} is as written, but the event before it in the log is missing` };
  }
  return { kind: 'changed', event: here, detail: `${describe(here)} is not what was written (its content, metadata or hashes were changed)` };
}

/** The checkpoints to check as the verifier reaches them, and their results (the parallel verifier's too). */
export function checkpointQueue(options: VerifyOptions) {
  const keyId = options.publicKey && keyIdOf(options.publicKey);
  const results: CheckpointResult[] = [];
  const waiting: SignedCheckpoint[] = [];
  for (const checkpoint of [...(options.checkpoints ?? [])].sort((a, b) => a.body.events - b.body.events)) {
    if (!options.publicKey) results.push({ checkpoint, status: 'not-checked', detail: 'no public key given' });
    else if (checkpoint.body.keyId !== keyId) results.push({ checkpoint, status: 'other-key', detail: `signed by key ${checkpoint.body.keyId}, not ${keyId}` });
    else if (!checkpointSignatureHolds(checkpoint, options.publicKey))
      results.push({ checkpoint, status: 'bad-signature', detail: 'its signature does not hold' });
    else waiting.push(checkpoint);
  }
  const settle = (checkpoint: SignedCheckpoint, status: CheckpointStatus, detail: string): void => {
    results.push({ checkpoint, status, detail });
  };
  return {
    results,
    /** Whether a checkpoint is still to be reached. */
    get waiting(): boolean {
      return waiting.length > 0;
    },
    /** Checks the checkpoints that fall on the event just verified (the index-th, at position). */
    reach(index: number, position: string, log: string, streams: Map<string, StreamState>): void {
      while (waiting.length > 0) {
        const at = options.partial ? waiting.findIndex((c) => c.body.position === position) : waiting[0].body.events === index ? 0 : -1;
        if (at === -1) return;
        const [checkpoint] = waiting.splice(at, 1);
        const body = checkpoint.body;
        if (body.logHash !== log) settle(checkpoint, 'fails', `its log hash ${body.logHash.slice(0, 16)}… is not the log's`);
        else if (body.position !== position) settle(checkpoint, 'fails', `it puts event ${body.events} at position ${body.position}, the log at ${position}`);
        else if (!options.partial && (body.streams !== streams.size || body.streamHeadsDigest !== headsDigest(streams))) {
          settle(checkpoint, 'fails', `its stream heads (${body.streams} streams) are not the log's (${streams.size})`);
        } else settle(checkpoint, 'holds', `${body.events} events, signed ${body.signedAt}`);
      }
    },
    /** The checkpoints not reached: beyond the events verified. */
    finish(verified: number, intact: boolean): void {
      for (const checkpoint of waiting.splice(0)) {
        if (options.partial && intact) settle(checkpoint, 'not-checked', `position ${checkpoint.body.position} is not in what was read`);
        else if (intact) settle(checkpoint, 'fails', `it covers ${checkpoint.body.events} events; the log has ${verified}`);
        else settle(checkpoint, 'fails', 'it covers the event that does not match');
      }
      results.sort((a, b) => a.checkpoint.body.events - b.checkpoint.body.events);
    },
  };
}

function headsDigest(streams: Map<string, StreamState>): string {
  return streamHeadsDigest(
    [...streams].map(([streamName, state]) => ({ streamName, revision: state.revision, streamHash: Buffer.from(state.hash, 'hex') })),
  ).toString('hex');
}

function bufferOf(hexText: string | undefined): Buffer | null {
  return hexText && /^[0-9a-f]{64}$/.test(hexText) ? Buffer.from(hexText, 'hex') : null;
}
