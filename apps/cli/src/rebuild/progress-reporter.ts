import type { OutputStream } from '../cli-io';

/** Where progress goes and how it measures time. */
export interface ProgressOptions {
  readonly stream: OutputStream;
  readonly now: () => number;
  /** What is counted, e.g. "events". */
  readonly unit: string;
  /** Expected total, when known: gives a percentage and an ETA. */
  readonly total?: number;
  /** Without a TTY, a plain line at most this often. Default 5 s. */
  readonly lineIntervalMs?: number;
}

const BAR_WIDTH = 30;

const duration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Progress of a long job: a redrawn bar (rate, ETA) on a terminal, periodic plain lines otherwise (logs, CI). */
export class ProgressReporter {
  private readonly started: number;
  private lastLine: number;

  constructor(private readonly options: ProgressOptions) {
    this.started = options.now();
    this.lastLine = this.started;
  }

  /** Reports `done` units so far. */
  update(done: number): void {
    const now = this.options.now();
    if (this.options.stream.isTTY) {
      this.options.stream.write(`\r${this.describe(done, now, true)}\x1b[K`);
    } else if (now - this.lastLine >= (this.options.lineIntervalMs ?? 5000)) {
      this.lastLine = now;
      this.options.stream.write(`${this.describe(done, now, false)}\n`);
    }
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (this.options.stream.isTTY) this.options.stream.write('\n');
  }

  private describe(done: number, now: number, bar: boolean): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const parts = [`${done.toLocaleString('en-US')} ${this.options.unit}`, `${Math.round(rate).toLocaleString('en-US')} ${this.options.unit}/s`];
    const { total } = this.options;
    if (total && total > 0) {
      const fraction = Math.min(1, done / total);
      parts.unshift(`${(fraction * 100).toFixed(0)}%`);
      if (rate > 0) parts.push(`ETA ${duration((total - Math.min(done, total)) / rate)}`);
      if (bar) parts.unshift(`[${'#'.repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}]`);
    }
    return parts.join('  ');
  }
}
