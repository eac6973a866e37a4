import { sql } from 'kysely';
import type { GlobalPosition } from '@switchboard/event-store';
import { activeGeneration, generationTables, TICKETS_PROJECTION } from '../store/generation-tables';
import type { ReadStore } from '../store/read-store';
import { systemClock, type Clock } from './clock';

/** How long queue changes stay resumable behind a feed's Last-Event-ID unless configured otherwise. */
export const DEFAULT_QUEUE_FEED_RESUME_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface QueueChangePruneOptions {
  /** How long a change is kept after its event was recorded in the log. */
  readonly resumeWindowMs: number;
  /** Changes deleted per transaction, so a large prune never holds the writer long. Default 5,000. */
  readonly chunkSize?: number;
}

export interface QueueChangePruneResult {
  readonly deleted: number;
  /** How far the log is pruned now (undefined: never pruned). */
  readonly prunedThrough: GlobalPosition | undefined;
}

/** The resume window of a number of days, in ms. */
export const resumeWindowOfDays = (days: number): number => days * DAY_MS;

/**
 * Deletes the active generation's queue changes whose event was recorded before `now − window`,
 * a chunk per transaction, and records in the same transaction the greatest position deleted
 * (`rm_queue_changes_pruned`): every change after that position is still kept, so a feed resumes
 * after any Last-Event-ID at or past it, and answers an older one with a reset.
 *
 * The mark belongs to the projection, not to a generation: a rebuilt generation holds the whole
 * log again (with the same recording times), and the next prune after the switch cuts it back;
 * until then it holds more than the mark promises, never less. Changes of a generation still being
 * built are left alone (its index on the recording time comes after its first pass).
 */
export async function pruneQueueChanges(readStore: ReadStore, now: Date, options: QueueChangePruneOptions): Promise<QueueChangePruneResult> {
  const cutoff = new Date(now.getTime() - options.resumeWindowMs).toISOString();
  const size = options.chunkSize ?? 5_000;
  const { queueChanges } = generationTables(await activeGeneration(readStore.db));
  let deleted = 0;
  for (;;) {
    const chunk = await readStore.writeTransaction(async (trx) => {
      // The chunk ends at the recording time of its `size`-th change; changes sharing that time come along.
      const boundary = await trx
        .selectFrom(queueChanges)
        .select('recorded_at')
        .where('recorded_at', '<', cutoff)
        .orderBy('recorded_at')
        .limit(1)
        .offset(size - 1)
        .executeTakeFirst();
      const through = boundary?.recorded_at ?? cutoff;
      const inChunk = boundary ? ('<=' as const) : ('<' as const);
      const last = await trx
        .selectFrom(queueChanges)
        .select((eb) => [eb.fn.max('position').as('position'), eb.fn.countAll<number | string>().as('count')])
        .where('recorded_at', inChunk, through)
        .executeTakeFirst();
      if (!last?.position) return 0;
      await trx.deleteFrom(queueChanges).where('recorded_at', inChunk, through).execute();
      const mark = { projection: TICKETS_PROJECTION, pruned_through: last.position, pruned_at: now.toISOString() };
      await trx
        .insertInto('rm_queue_changes_pruned')
        .values(mark)
        .onConflict((oc) =>
          oc.column('projection').doUpdateSet({
            // The mark only moves forward, whoever else pruned meanwhile.
            pruned_through: sql`case when excluded.pruned_through > rm_queue_changes_pruned.pruned_through then excluded.pruned_through else rm_queue_changes_pruned.pruned_through end`,
            pruned_at: mark.pruned_at,
          }),
        )
        .execute();
      return Number(last.count);
    });
    deleted += chunk;
    if (chunk < size) break;
  }
  const row = await readStore.db.selectFrom('rm_queue_changes_pruned').select('pruned_through').where('projection', '=', TICKETS_PROJECTION).executeTakeFirst();
  return { deleted, prunedThrough: row?.pruned_through };
}

export interface QueueChangePrunerOptions extends QueueChangePruneOptions {
  /** Pause between prunes. Default an hour (a change lives at most this much longer than the window). */
  readonly intervalMs?: number;
  /** Whether this process may prune now (it holds the projection lease). Default always. */
  readonly mayPrune?: () => boolean;
  readonly clock?: Clock;
  readonly onPruned?: (result: QueueChangePruneResult) => void;
  readonly onError?: (error: unknown) => void;
}

/** Prunes the queue change log at start and then on an interval; one prune at a time. */
export class QueueChangePruner {
  private readonly clock: Clock;
  private timer: unknown;
  private running = false;
  private pruning: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readStore: ReadStore,
    private readonly options: QueueChangePrunerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** Prunes at once, then every interval. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops the timer and waits for a prune in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.clock.clearTimeout(this.timer);
    await this.pruning.catch(() => undefined);
  }

  /** Prunes now (after a prune in progress), whether or not the loop runs. */
  pruneNow(): Promise<QueueChangePruneResult> {
    const next = this.pruning.catch(() => undefined).then(() => pruneQueueChanges(this.readStore, this.clock.now(), this.options));
    this.pruning = next;
    return next;
  }

  private schedule(ms: number): void {
    this.timer = this.clock.setTimeout(async () => {
      await this.tick();
      if (this.running) this.schedule(this.options.intervalMs ?? HOUR_MS);
    }, ms);
  }

  private async tick(): Promise<void> {
    if (!(this.options.mayPrune?.() ?? true)) return;
    try {
      const result = await this.pruneNow();
      this.options.onPruned?.(result);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
