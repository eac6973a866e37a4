import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { GlobalPosition, JsonObject, RecordedEvent } from '../port/event-store';
import type { ChainedEvent, ChainHead, ChainMigrationReport, SignedCheckpoint } from '../port/tamper-evidence';
import { chainHeadOf } from '../chain/chain-state';
import { GENESIS_HASH } from '../chain/event-hash';
import {
  CHECKPOINT_STREAM,
  LOG_CHAIN_BATCH_TYPE,
  LOG_CHAIN_STREAM,
  MIGRATION_STREAM,
  linkEvents,
  type LegacyHeads,
  type LogChainBatch,
  type LogLink,
} from './chain-stamp';
import { mapEsdbError } from './errors';
import { fromStored, rawFromResolved } from './events';
import { decodePosition, encodePosition } from './positions';

/** The chain stream's last batch and its revision, as this process last saw them. */
interface Tail {
  readonly revision: bigint | null;
  readonly batch: LogChainBatch | null;
}

/** What the migration of an existing log records (MIGRATION_STREAM). */
interface MigrationRecord {
  readonly migratedAt: string;
  readonly events: number;
  readonly fromPosition: GlobalPosition | null;
  readonly toPosition: GlobalPosition | null;
}

/** Events read from `$all` per chain batch: a batch of links stays far below EventStoreDB's 1 MiB event. */
const BATCH = 1000;

/**
 * The log chain of an EventStoreDB store (docs/audit.md, "EventStoreDB"). EventStoreDB orders
 * `$all` at commit, across writers, with no transaction spanning two streams, so no append can know
 * the event before it in the log. The log hashes are instead written by whoever extends this chain:
 * it reads `$all` in order after the chain's end, links each event's content digest to the one
 * before it, and appends the links to the chain stream with the chain's last revision as the
 * expected revision, so of two processes extending it at once exactly one wins and the other reads
 * again. Every append extends it up to its own events before it returns, so the log chain is never
 * behind an append that succeeded — but it is computed just after the commit, not inside it.
 */
export class EsdbLogChain {
  private tail: Tail | undefined;
  private extending: Promise<void> | undefined;
  /** Stream heads while migrating an existing log, with the chain revision they are as of. */
  private legacy: { revision: bigint | null; heads: LegacyHeads } | undefined;
  private migration: MigrationRecord | undefined;
  /** Every stream's head, for chainHead, with the chain revision to read on from. */
  private heads: { next: bigint; map: Map<string, { revision: number; streamHash: Buffer }> } = { next: 0n, map: new Map() };

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly now: () => Date,
    private readonly batchSize = BATCH,
  ) {}

  /** Links the log up to `until` (inclusive), or to the end of `$all` when not given. */
  async extend(until?: GlobalPosition): Promise<void> {
    // One extension at a time in this process: concurrent appenders wait for it, then see whether it covered them.
    while (this.extending) await this.extending.catch(() => undefined);
    if (until !== undefined && this.covers(until)) return;
    const run = this.extendFrom(until);
    this.extending = run;
    try {
      await run;
    } finally {
      if (this.extending === run) this.extending = undefined;
    }
  }

  /** `$all` after `after` with each event's stored hashes, up to the chain's end (extended first). */
  async *readChained(after: GlobalPosition | undefined, maxCount: number): AsyncIterable<ChainedEvent> {
    await this.extend();
    const end = this.tail?.batch?.last;
    if (end === undefined || maxCount <= 0) return;
    const links = this.linksAfter(after)[Symbol.asyncIterator]();
    let link = (await links.next()).value as LogLink | undefined;
    let count = 0;
    let from = after ?? null;
    for (;;) {
      const page = await this.readLog(from, this.batchSize);
      if (page.length === 0) return;
      for (const raw of page) {
        if (raw.globalPosition > end) return;
        // A link before this event is an event the log no longer has: the verifier names the next one.
        while (link && link[0] < raw.globalPosition) link = (await links.next()).value as LogLink | undefined;
        const linked = link && link[0] === raw.globalPosition && link[1] === raw.id ? link : undefined;
        const { stamp: _stamp, ...event } = fromStored(raw);
        yield { ...event, chain: linked ? { hash: linked[4], streamHash: linked[5] } : null };
        if (++count >= maxCount) return;
      }
      from = page[page.length - 1].globalPosition;
    }
  }

  async head(): Promise<ChainHead> {
    await this.extend();
    const { batch, revision: end } = this.tail ?? { batch: null, revision: null };
    // The heads are kept from the chain's links, read on from where this process last read them, up to the tail the head is of.
    if (end !== null && this.heads.next <= end) {
      for await (const { revision, batch: read } of this.batches(this.heads.next)) {
        if (revision > end) break;
        for (const [, , stream, streamRevision, , streamHash] of read.links) {
          this.heads.map.set(stream, { revision: streamRevision, streamHash: Buffer.from(streamHash, 'hex') });
        }
        this.heads.next = revision + 1n;
      }
    }
    const heads = [...this.heads.map].map(([streamName, head]) => ({ streamName, ...head }));
    return chainHeadOf(batch?.count ?? 0, batch?.position ?? null, batch ? Buffer.from(batch.hash, 'hex') : null, heads);
  }

  /**
   * The stream hash the chain holds for the event at `position` (one adopted by the migration, whose
   * metadata has no stamp): a binary search over the chain's batches. Null when the chain has no link for it.
   */
  async streamHashAt(position: GlobalPosition, id: string): Promise<Buffer | null> {
    await this.extend(position);
    let low = 0n;
    let high = this.tail?.revision ?? -1n;
    while (low <= high) {
      const middle = (low + high) / 2n;
      const batch = await this.batchAt(middle);
      if (!batch || batch.last < position) low = middle + 1n;
      else if (batch.after !== null && batch.after >= position) high = middle - 1n;
      else {
        const found = batch.links.find((link) => link[0] === position && link[1] === id);
        return found ? Buffer.from(found[5], 'hex') : null;
      }
    }
    return null;
  }

  /** The revision of the first chain batch that reads past `position`. */
  private async firstBatchAfter(position: GlobalPosition): Promise<bigint> {
    let low = 0n;
    let high = this.tail?.revision ?? -1n;
    while (low <= high) {
      const middle = (low + high) / 2n;
      const batch = await this.batchAt(middle);
      if (!batch || batch.last <= position) low = middle + 1n;
      else high = middle - 1n;
    }
    return low;
  }

  async migrationReport(): Promise<ChainMigrationReport | null> {
    await this.extend();
    const record = await this.migrationRecord();
    return record && record.events > 0 ? record : null;
  }

  async saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    try {
      await this.client.appendToStream(
        CHECKPOINT_STREAM,
        jsonEvent({ id: randomUUID(), type: 'CheckpointSigned', data: checkpoint as unknown as JsonObject }),
        { expectedRevision: ANY },
      );
    } catch (error) {
      throw mapEsdbError(error, CHECKPOINT_STREAM);
    }
  }

  async readCheckpoints(): Promise<SignedCheckpoint[]> {
    const checkpoints: SignedCheckpoint[] = [];
    for await (const { data } of this.reserved(CHECKPOINT_STREAM, 0n)) checkpoints.push(data as unknown as SignedCheckpoint);
    return checkpoints;
  }

  private covers(position: GlobalPosition): boolean {
    const last = this.tail?.batch?.last;
    return last !== undefined && last >= position;
  }

  private async extendFrom(until: GlobalPosition | undefined): Promise<void> {
    for (;;) {
      const tail = (this.tail ??= await this.readTail());
      if (until !== undefined && this.covers(until)) return;
      const legacy = await this.legacyHeads(tail);
      const read = await this.readLog(tail.batch?.last ?? null, this.batchSize);
      if (read.length === 0) {
        if (legacy) await this.recordMigration(tail);
        return;
      }
      const { batch, migrated } = this.nextBatch(tail.batch, read, legacy?.heads);
      try {
        const result = await this.client.appendToStream(LOG_CHAIN_STREAM, jsonEvent({ id: randomUUID(), type: LOG_CHAIN_BATCH_TYPE, data: batch as never }), {
          expectedRevision: tail.revision ?? NO_STREAM,
        });
        this.tail = { revision: result.nextExpectedRevision, batch };
        if (legacy) this.legacy = { revision: result.nextExpectedRevision, heads: legacy.heads };
        if (migrated) await this.recordMigration(this.tail);
      } catch (error) {
        this.tail = undefined;
        this.legacy = undefined;
        // Another process extended the chain first: read its end and go on from there.
        if (error instanceof WrongExpectedVersionError) continue;
        throw mapEsdbError(error, LOG_CHAIN_STREAM);
      }
    }
  }

  private nextBatch(
    previous: LogChainBatch | null,
    read: readonly RecordedEvent[],
    legacy: LegacyHeads | undefined,
  ): { batch: LogChainBatch; migrated: boolean } {
    const { links, logHash, adopted, lastAdopted, migrated } = linkEvents(previous ? Buffer.from(previous.hash, 'hex') : GENESIS_HASH, read, legacy);
    const batch: LogChainBatch = {
      after: previous?.last ?? null,
      last: read[read.length - 1].globalPosition,
      count: (previous?.count ?? 0) + links.length,
      position: links.length > 0 ? links[links.length - 1][0] : (previous?.position ?? null),
      hash: logHash.toString('hex'),
      links,
      adopted: (previous?.adopted ?? 0) + adopted,
      adoptedTo: lastAdopted ?? previous?.adoptedTo ?? null,
    };
    return { batch, migrated };
  }

  /**
   * The heads of the streams linked so far while the log is being migrated (no record of the
   * migration yet): events without a stamp are adopted only then. Kept in memory by the process
   * migrating; another process going on with the migration reads them from the chain's links.
   */
  private async legacyHeads(tail: Tail): Promise<{ heads: LegacyHeads } | undefined> {
    if (await this.migrationRecord()) return undefined;
    if (this.legacy && this.legacy.revision === tail.revision) return this.legacy;
    const heads: LegacyHeads = new Map();
    for await (const { batch } of this.batches(0n)) {
      for (const [, , stream, revision, , streamHash] of batch.links) heads.set(stream, { revision, streamHash: Buffer.from(streamHash, 'hex') });
    }
    this.legacy = { revision: tail.revision, heads };
    return this.legacy;
  }

  private async recordMigration(tail: Tail): Promise<void> {
    const batch = tail.batch;
    const first = batch ? ((await this.batchAt(0n))?.links[0]?.[0] ?? null) : null;
    const adopted = batch?.adopted ?? 0;
    const record: MigrationRecord = {
      migratedAt: this.now().toISOString(),
      events: adopted,
      fromPosition: adopted > 0 ? first : null,
      toPosition: adopted > 0 ? (batch?.adoptedTo ?? null) : null,
    };
    try {
      await this.client.appendToStream(MIGRATION_STREAM, jsonEvent({ id: randomUUID(), type: 'ChainMigrated', data: record as never }), {
        expectedRevision: NO_STREAM,
      });
      this.migration = record;
    } catch (error) {
      // Recorded by another process that finished the same migration.
      if (!(error instanceof WrongExpectedVersionError)) throw mapEsdbError(error, MIGRATION_STREAM);
    }
    this.legacy = undefined;
  }

  private async migrationRecord(): Promise<MigrationRecord | undefined> {
    if (this.migration) return this.migration;
    for await (const { data } of this.reserved(MIGRATION_STREAM, 0n)) this.migration = data as unknown as MigrationRecord;
    return this.migration;
  }

  private async readTail(): Promise<Tail> {
    for await (const { revision, data } of this.reserved(LOG_CHAIN_STREAM, END, BACKWARDS, 1)) return { revision, batch: data as unknown as LogChainBatch };
    return { revision: null, batch: null };
  }

  private async batchAt(revision: bigint): Promise<LogChainBatch | undefined> {
    for await (const { data } of this.reserved(LOG_CHAIN_STREAM, revision, FORWARDS, 1)) return data as unknown as LogChainBatch;
    return undefined;
  }

  private async *batches(from: bigint): AsyncIterable<{ revision: bigint; batch: LogChainBatch }> {
    for await (const { revision, data } of this.reserved(LOG_CHAIN_STREAM, from)) yield { revision, batch: data as unknown as LogChainBatch };
  }

  /** The chain's links of events after `after`, in log order, from the first batch that has any (a binary search). */
  private async *linksAfter(after: GlobalPosition | undefined): AsyncIterable<LogLink> {
    for await (const { batch } of this.batches(after === undefined ? 0n : await this.firstBatchAfter(after))) {
      if (after !== undefined && batch.last <= after) continue;
      for (const link of batch.links) if (after === undefined || link[0] > after) yield link;
    }
  }

  /** Up to `max` events of the port (as stored, stamps kept) after `after`, reading past system events; none at the end of `$all`. */
  private async readLog(after: GlobalPosition | null, max: number): Promise<RecordedEvent[]> {
    let from = after;
    for (;;) {
      const events: RecordedEvent[] = [];
      let read = 0;
      let last: string | null = null;
      try {
        const page = this.client.readAll({ direction: FORWARDS, fromPosition: from === null ? START : decodePosition(from), maxCount: max + 1 });
        for await (const resolved of page) {
          read++;
          if (resolved.event?.position) last = encodePosition(resolved.event.position);
          const raw = rawFromResolved(resolved);
          if (raw && raw.globalPosition !== from) events.push(raw);
        }
      } catch (error) {
        throw mapEsdbError(error, '$all');
      }
      if (events.length > 0 || read <= 1 || last === null || last === from) return events.slice(0, max);
      from = last;
    }
  }

  /** A stream of the adapter's own, from a revision; nothing when it does not exist yet. */
  private async *reserved(
    stream: string,
    fromRevision: bigint | typeof END,
    direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS,
    maxCount?: number,
  ): AsyncIterable<{ revision: bigint; data: unknown }> {
    const read = this.client.readStream(stream, { direction, fromRevision: fromRevision === 0n ? START : fromRevision, maxCount });
    try {
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        if (resolved.event) yield { revision: resolved.event.revision, data: resolved.event.data };
      }
    } catch (error) {
      if (error instanceof EsdbStreamNotFoundError) return;
      throw mapEsdbError(error, stream);
    } finally {
      await read.cancel().catch(() => undefined);
    }
  }
}
