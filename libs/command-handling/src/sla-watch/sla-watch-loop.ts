import type { SlaScanResult, SlaWatcher } from './sla-watcher';

export interface SlaWatchLoopOptions {
  /** Pause between the end of one scan and the start of the next. */
  readonly intervalMs: number;
  /** Whether this process may watch now: it holds the projection lease, so one process watches at a time. */
  readonly mayWatch: () => boolean;
  readonly onScan?: (result: SlaScanResult) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Triggers the watcher's scans on an interval. The timer holds no state: everything a scan needs
 * is read from the stores, so a restarted process simply scans again.
 */
export class SlaWatchLoop {
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private running = false;
  private inScan = false;

  constructor(
    private readonly watcher: Pick<SlaWatcher, 'scan'>,
    private readonly options: SlaWatchLoopOptions,
  ) {}

  /** Scans at once, then every interval. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops the timer and waits for a scan in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.scanning;
  }

  /** Scans now instead of at the next interval (this process may just have become the one that watches); a scan in progress is not doubled. */
  wake(): void {
    if (!this.running || this.inScan) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.inScan = true;
      this.scanning = this.tick().finally(() => {
        this.inScan = false;
        if (this.running) this.schedule(this.options.intervalMs);
      });
    }, ms).unref();
  }

  private async tick(): Promise<void> {
    if (!this.options.mayWatch()) return;
    try {
      // Not inside `onScan?.(…)`: an optional call skips evaluating its arguments when there is no listener.
      const result = await this.watcher.scan();
      this.options.onScan?.(result);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
