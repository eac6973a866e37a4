import type { MessageEvent } from '@nestjs/common';
import type { QueueChange } from '@switchboard/read-models';
import { type QueueChangeSource, queueFeed } from '../src/departments/feed/queue-feed';

const change = (n: number): QueueChange => ({ position: String(n).padStart(20, '0'), department: 'DPW', ticketId: `T${n}`, kind: 'added', entry: null });

/** A change log the feed reads, with a hand-fired "runner committed" signal. */
class FakeSource implements QueueChangeSource {
  readonly log: QueueChange[] = [];
  readonly reads: (string | undefined)[] = [];
  mark: string | undefined;
  /** Runs right after the next read (e.g. a prune committing between the read and the look at the mark). */
  afterRead: (() => void) | undefined;
  private listener: (() => void) | undefined;
  async changesAfter(_department: string, position: string | undefined, limit: number): Promise<QueueChange[]> {
    this.reads.push(position);
    const page = this.log.filter((c) => position === undefined || c.position > position).slice(0, limit);
    this.afterRead?.();
    this.afterRead = undefined;
    return page;
  }
  async prunedThrough(): Promise<string | undefined> {
    return this.mark;
  }
  async checkpoint(): Promise<string | undefined> {
    return this.log.at(-1)?.position;
  }
  /** Deletes the changes up to `n` and marks the log pruned through it. */
  prune(n: number): void {
    const kept = this.log.filter((c) => c.position > change(n).position);
    this.log.splice(0, this.log.length, ...kept);
    this.mark = change(n).position;
  }
  onCheckpoint(listener: () => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  commit(...changes: QueueChange[]): void {
    this.log.push(...changes);
    this.listener?.();
  }
  get listening(): boolean {
    return this.listener !== undefined;
  }
}

/** Resolves once `received` holds `count` messages (the feed delivers them asynchronously). */
function untilReceived(received: readonly MessageEvent[], count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (received.length >= count ? resolve() : setImmediate(check));
    check();
  });
}

describe('queueFeed', () => {
  afterEach(() => jest.useRealTimers());

  it('sends everything after the start position page by page, then what the runner commits, with positions as ids', async () => {
    const source = new FakeSource();
    source.log.push(...Array.from({ length: 250 }, (_, i) => change(i + 1)));
    const received: MessageEvent[] = [];
    const subscription = queueFeed(source, 'DPW', change(20).position, { pollMs: 60_000, heartbeatMs: 60_000 }).subscribe((m) => received.push(m));
    await untilReceived(received, 230);
    expect(received[0]).toEqual({ id: change(21).position, type: 'added', data: { ticketId: 'T21', kind: 'added', entry: null } });
    expect(received.at(-1)?.id).toBe(change(250).position);

    source.commit(change(251));
    await untilReceived(received, 231);
    expect(received.at(-1)?.id).toBe(change(251).position);
    subscription.unsubscribe();
    expect(source.listening).toBe(false);
  });

  it('sends a reset first when told to (reload the queue; the id is where the feed goes on from), then the changes after that position', async () => {
    const source = new FakeSource();
    source.log.push(change(1), change(2), change(3));
    const received: MessageEvent[] = [];
    const subscription = queueFeed(source, 'PARKS & REC', change(2).position, { pollMs: 60_000, heartbeatMs: 60_000 }, 'expired').subscribe((m) =>
      received.push(m),
    );
    await untilReceived(received, 2);
    expect(received[0]).toEqual({
      id: change(2).position,
      type: 'reset',
      data: { reason: 'expired', reload: '/departments/PARKS%20%26%20REC/queue', message: expect.stringMatching(/no longer kept .*Reload the queue/) },
    });
    expect(received.slice(1).map((m) => m.id)).toEqual([change(3).position]);
    subscription.unsubscribe();
    // Nothing projected yet: a reset without an id, then everything from the start.
    const fromStart: MessageEvent[] = [];
    queueFeed(source, 'DPW', undefined, { pollMs: 60_000, heartbeatMs: 60_000 }, 'unknown')
      .subscribe((m) => fromStart.push(m))
      .unsubscribe();
    expect(fromStart).toEqual([
      { type: 'reset', data: expect.objectContaining({ reason: 'unknown', message: expect.stringContaining('no position of this log') }) },
    ]);
  });

  it('sends a reset when a prune got past its position while it was reading (it may have missed changes), then goes on from the checkpoint', async () => {
    const source = new FakeSource();
    source.log.push(...Array.from({ length: 6 }, (_, i) => change(i + 1)));
    // The guard found change 2 resumable; the prune deleting 1–4 commits before the feed's first read ends.
    source.afterRead = () => source.prune(4);
    const received: MessageEvent[] = [];
    const subscription = queueFeed(source, 'DPW', change(2).position, { pollMs: 60_000, heartbeatMs: 60_000 }).subscribe((m) => received.push(m));
    await untilReceived(received, 1);
    expect(received[0]).toMatchObject({ id: change(6).position, type: 'reset', data: { reason: 'expired' } });
    source.commit(change(7));
    await untilReceived(received, 2);
    expect(received.map((m) => m.id)).toEqual([change(6).position, change(7).position]);
    subscription.unsubscribe();
  });

  it('never goes on from before the prune mark, so a reset cannot repeat', async () => {
    const source = new FakeSource();
    source.log.push(change(1), change(2), change(3));
    source.prune(3);
    source.checkpoint = async () => change(1).position; // a checkpoint trailing the mark (a rebuilt generation, briefly)
    const received: MessageEvent[] = [];
    const subscription = queueFeed(source, 'DPW', change(1).position, { pollMs: 60_000, heartbeatMs: 60_000 }).subscribe((m) => received.push(m));
    await untilReceived(received, 1);
    source.commit(change(4));
    await untilReceived(received, 2);
    expect(received.map((m) => [m.type, m.id])).toEqual([
      ['reset', change(3).position],
      ['added', change(4).position],
    ]);
    subscription.unsubscribe();
  });

  it('sends a keep-alive comment while nothing changes, and stops its timers when unsubscribed', async () => {
    jest.useFakeTimers();
    const source = new FakeSource();
    const received: MessageEvent[] = [];
    const subscription = queueFeed(source, 'DPW', undefined, { pollMs: 1000, heartbeatMs: 15_000 }).subscribe((m) => received.push(m));
    await jest.advanceTimersByTimeAsync(15_000);
    expect(received).toEqual([{ comment: 'keep-alive' }]);
    expect(source.reads.length).toBeGreaterThanOrEqual(15);
    subscription.unsubscribe();
    expect(jest.getTimerCount()).toBe(0);
  });
});
