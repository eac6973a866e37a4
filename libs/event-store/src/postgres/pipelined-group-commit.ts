import { settle, type Outcome, type Pending } from '../sqlite/group-commit';

/**
 * Group commit over a connection pool: requests arriving while earlier batches are in flight are
 * queued and committed together, one transaction per batch. Up to `maxInFlight` batches run at
 * once, so the next batch is already waiting at the server when the previous one commits.
 */
export class PipelinedGroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private commitCount = 0;
  private requestCount = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly commit: (requests: readonly T[]) => Promise<Outcome<R>[]>,
    private readonly mapError: (error: unknown) => unknown,
    private readonly maxInFlight: number,
    private readonly maxBatch = 1000,
  ) {}

  /** Queues a request; the promise settles once its batch has committed (or failed). */
  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every request submitted so far has settled. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Transactions committed and requests processed so far. */
  stats(): { commits: number; appends: number } {
    return { commits: this.commitCount, appends: this.requestCount };
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests arriving in the same loop turn share the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length > 0 && this.inFlight < this.maxInFlight) void this.run(this.queue.splice(0, this.maxBatch));
    });
  }

  private async run(batch: readonly Pending<T, R>[]): Promise<void> {
    this.inFlight++;
    try {
      const outcomes = await this.commit(batch.map((pending) => pending.request));
      this.commitCount++;
      this.requestCount += batch.length;
      settle(batch, outcomes);
    } catch (error) {
      const mapped = this.mapError(error);
      batch.forEach((pending) => pending.reject(mapped));
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.schedule();
      else if (this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }
}
