import { generateKeyPairSync } from 'node:crypto';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { CheckpointLoop, CheckpointWriter, type CheckpointTimers } from './checkpoint-writer';
import { checkpointSignatureHolds } from './checkpoint-signature';

/** Timers a test fires by hand. */
class ManualTimers implements CheckpointTimers {
  private pending: { callback: () => unknown; ms: number } | undefined;
  setTimeout(callback: () => unknown, ms: number): unknown {
    this.pending = { callback, ms };
    return this.pending;
  }
  clearTimeout(handle: unknown): void {
    if (this.pending === handle) this.pending = undefined;
  }
  get scheduledMs(): number | undefined {
    return this.pending?.ms;
  }
  async fire(): Promise<void> {
    const due = this.pending;
    this.pending = undefined;
    await due?.callback();
  }
}

describe('CheckpointLoop', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const at = new Date('2024-05-01T12:00:00.000Z');

  it('given a loop on a growing log, when its interval passes, then it signs the head once per growth and only while it may write', async () => {
    const store = new InMemoryEventStore();
    const timers = new ManualTimers();
    let active = true;
    const written: number[] = [];
    const loop = new CheckpointLoop(new CheckpointWriter(store, privateKey, () => at), {
      intervalMs: 60_000,
      mayWrite: () => active,
      timers,
      onWritten: (checkpoint) => written.push(checkpoint.body.events),
    });
    loop.start();
    expect(timers.scheduledMs).toBe(60_000);

    await store.append('s-1', 'no_stream', [{ id: crypto.randomUUID(), type: 'A', data: {} }]);
    await timers.fire();
    await timers.fire();
    expect(written).toEqual([1]);

    await store.append('s-1', 0, [{ id: crypto.randomUUID(), type: 'B', data: {} }]);
    active = false;
    await timers.fire();
    expect(written).toEqual([1]);
    active = true;
    await timers.fire();
    expect(written).toEqual([1, 2]);

    const kept = await store.readCheckpoints();
    expect(kept.map((checkpoint) => checkpointSignatureHolds(checkpoint, publicKey))).toEqual([true, true]);
    await loop.stop();
    expect(timers.scheduledMs).toBeUndefined();
  });
});
