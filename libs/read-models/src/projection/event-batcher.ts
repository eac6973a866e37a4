import type { RecordedEvent } from '@switchboard/event-store';

/** What an EventBatcher asks of the subscriber that owns it. */
export interface EventBatcherOptions {
  /** Events per write at most; a smaller batch is written whenever the subscription pauses. */
  readonly batchSize: number;
  /** The owner's current session: events and scheduled flushes of an older session are dropped. */
  readonly session: () => number;
  /** Writes one batch; batches are written one at a time, in order. `session` is the one current when the batch was taken. */
  readonly write: (batch: readonly RecordedEvent[], session: number) => Promise<void>;
  /** A write failed while its session was still current (the owner steps back). */
  readonly fail: (error: unknown) => void;
}

/**
 * Buffers a subscription's events and writes them in batches: at once when the buffer is full, else
 * once the subscription pauses (end of a page, or caught up). Shared by the projection runner and the
 * outbound consumer, which differ only in what a batch write does.
 */
export class EventBatcher {
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;

  constructor(private readonly options: EventBatcherOptions) {}

  /** Takes one event of `session`'s subscription. */
  async receive(session: number, event: RecordedEvent): Promise<void> {
    if (session !== this.options.session()) return;
    this.buffer.push(event);
    if (this.buffer.length >= this.options.batchSize) await this.flush();
    else this.scheduleFlush(session);
  }

  /** Writes the buffer once the subscription pauses (end of a page, or caught up). */
  scheduleFlush(session: number): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (session === this.options.session()) void this.flush();
    });
  }

  /** Writes the buffered events; serialised so batches commit in order. Never rejects: failures go to `fail`. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.buffer;
      if (batch.length === 0) return;
      this.buffer = [];
      const session = this.options.session();
      try {
        await this.options.write(batch, session);
      } catch (error) {
        if (session === this.options.session()) this.options.fail(error);
      }
    });
    return this.flushing;
  }

  /** Whether no event waits to be written. */
  get empty(): boolean {
    return this.buffer.length === 0;
  }

  /** Drops what is buffered (it is read again from the checkpoint). */
  clear(): void {
    this.buffer = [];
  }
}
