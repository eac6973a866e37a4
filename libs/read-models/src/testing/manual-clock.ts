import type { Clock } from '../projection/clock';

interface Timer {
  readonly at: number;
  readonly callback: () => unknown;
}

/** A clock that moves only when a test advances it; due timers fire in order. */
export class ManualClock implements Clock {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(private current = Date.parse('2026-03-02T12:00:00Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  setTimeout(callback: () => unknown, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward, firing (and awaiting) every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.current = Math.max(this.current, due[1].at);
      await due[1].callback();
    }
    this.current = target;
  }
}
