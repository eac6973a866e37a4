import type { GlobalPosition } from '@switchboard/event-store';
import { ReadModelTimeoutError } from '../errors';
import type { Clock } from './clock';

interface Waiter {
  readonly position: GlobalPosition;
  readonly resolve: () => void;
}

/** Callers waiting for a checkpoint to reach a position: resolved when it does, rejected after their bound. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();
  private reached: GlobalPosition | undefined;

  constructor(private readonly clock: Clock) {}

  /** Records that the checkpoint reached `position` and releases everyone waiting for it or less. */
  reach(position: GlobalPosition | undefined): void {
    if (position === undefined || (this.reached !== undefined && position <= this.reached)) return;
    this.reached = position;
    for (const waiter of this.waiters) {
      if (waiter.position <= position) waiter.resolve();
    }
  }

  /** Resolves once `reach` has been given `position` or later; rejects with ReadModelTimeoutError after `timeoutMs`. */
  wait(position: GlobalPosition, timeoutMs: number): Promise<void> {
    if (this.reached !== undefined && position <= this.reached) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new ReadModelTimeoutError(position, timeoutMs, this.reached));
      }, timeoutMs);
      const waiter: Waiter = {
        position,
        resolve: () => {
          this.clock.clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** How many callers are waiting; lets a poller stop when nobody is. */
  get size(): number {
    return this.waiters.size;
  }
}
