import { InMemoryEventStore } from '@switchboard/event-store';

/** An in-memory store that counts stream reads and can let another writer in just before the next append. */
export class WatchedStore extends InMemoryEventStore {
  reads = 0;
  private before: (() => Promise<void>) | undefined;

  override readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.reads += 1;
    return super.readStream(...args);
  }

  override async append(...args: Parameters<InMemoryEventStore['append']>) {
    const before = this.before;
    this.before = undefined;
    await before?.();
    return super.append(...args);
  }

  /** Runs `write` once, just before the next append. */
  interleave(write: () => Promise<void>): void {
    this.before = write;
  }
}
