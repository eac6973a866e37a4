/** What a test server received, in order, and a wait for the n-th arrival (no polling, no sleeps). */
export class Arrivals<T> {
  readonly received: T[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  /** Resolves once `count` items in all have arrived. */
  async until(count: number): Promise<readonly T[]> {
    if (this.received.length < count) await new Promise<void>((resolve) => this.waiters.push({ count, resolve }));
    return this.received;
  }

  add(item: T): void {
    this.received.push(item);
    for (const waiter of [...this.waiters]) {
      if (this.received.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
