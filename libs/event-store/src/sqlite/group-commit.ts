/** How to recognise a lock held by another writer, and how long to keep waiting for it. */
export interface BusyPolicy {
  readonly isBusy: (error: unknown) => boolean;
  readonly busyDeadlineMs: number;
}

const BUSY_FIRST_DELAY_MS = 5;
const BUSY_MAX_DELAY_MS = 200;

/** One request's outcome inside a committed batch: a failure here does not fail the others. */
export type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/** A queued request and how to answer its caller. */
export interface Pending<T, R> {
  readonly request: T;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

/** Answers each request of a committed batch with its own outcome. */
export function settle<T, R>(batch: readonly Pending<T, R>[], outcomes: readonly Outcome<R>[]): void {
  batch.forEach((pending, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  });
}

/**
 * Group commit: requests submitted while the event loop is busy are queued and committed together
 * on the next turn (one transaction, one fsync), instead of one fsync each. `commit` returns one
 * outcome per request, or throws when the whole transaction failed.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private scheduled = false;
  private commitCount = 0;
  private requestCount = 0;

  private busySince: number | undefined;
  /** Once closing, a busy lock fails the batch instead of waiting: close must finish. */
  private closing = false;
  private busyDelayMs = BUSY_FIRST_DELAY_MS;

  constructor(
    private readonly commit: (requests: readonly T[]) => Outcome<R>[],
    private readonly mapError: (error: unknown) => unknown,
    private readonly busy: BusyPolicy = { isBusy: () => false, busyDeadlineMs: 0 },
    /** Bounds one transaction so a burst cannot block the event loop for long. */
    private readonly maxBatch = 1000,
  ) {}

  /** Queues a request; the promise settles once its batch is durably committed. */
  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Commits everything queued now (used on close, so accepted requests are not dropped). */
  flushAll(): void {
    this.closing = true;
    while (this.queue.length > 0) this.commitBatch(this.queue.splice(0, this.maxBatch));
  }

  /** Transactions committed and requests processed so far. */
  stats(): { commits: number; appends: number } {
    return { commits: this.commitCount, appends: this.requestCount };
  }

  /**
   * Another writer holds the lock: put the batch back at the head of the queue and try again
   * after a growing delay, until the deadline. Returns false when the batch should fail now.
   */
  private waitForLock(batch: readonly Pending<T, R>[], error: unknown): boolean {
    if (this.closing || !this.busy.isBusy(error)) return false;
    const now = Date.now();
    this.busySince ??= now;
    if (now - this.busySince >= this.busy.busyDeadlineMs) {
      this.busySince = undefined;
      this.busyDelayMs = BUSY_FIRST_DELAY_MS;
      return false;
    }
    this.queue.unshift(...batch);
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.schedule();
    }, this.busyDelayMs);
    this.busyDelayMs = Math.min(this.busyDelayMs * 2, BUSY_MAX_DELAY_MS);
    return true;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests arriving in the same loop turn share the commit.
    setImmediate(() => {
      this.scheduled = false;
      if (this.queue.length > 0) this.commitBatch(this.queue.splice(0, this.maxBatch));
      if (this.queue.length > 0) this.schedule();
    });
  }

  private commitBatch(batch: readonly Pending<T, R>[]): void {
    let outcomes: Outcome<R>[];
    try {
      outcomes = this.commit(batch.map((pending) => pending.request));
      this.busySince = undefined;
      this.busyDelayMs = BUSY_FIRST_DELAY_MS;
    } catch (error) {
      if (this.waitForLock(batch, error)) return;
      const mapped = this.mapError(error);
      batch.forEach((pending) => pending.reject(mapped));
      return;
    }
    this.commitCount++;
    this.requestCount += batch.length;
    settle(batch, outcomes);
  }
}
