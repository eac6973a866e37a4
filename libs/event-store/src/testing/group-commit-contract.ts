import type { EventStore } from '../port/event-store';
import { ConcurrencyConflictError } from '../port/errors';
import { anEvent, collect } from './helpers';

/** A store that counts its commits. */
export type GroupCommittingStore = EventStore & { stats(): { commits: number; appends: number } };

/** What group commit must do on every adapter that has it; `store` is a fresh, empty store of the test. */
export function describeGroupCommit(store: () => GroupCommittingStore, limits: { readonly maxCommitsFor200: number }): void {
  it('commits concurrent appends in fewer transactions than appends, each with its own result', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store().append(`stream-${i}`, 'no_stream', [anEvent('A'), anEvent('B')])));
    expect(store().stats().appends).toBe(200);
    expect(store().stats().commits).toBeLessThan(limits.maxCommitsFor200);
    results.forEach((result) => expect(result.nextExpectedRevision).toBe(1));
    expect(new Set(results.map((result) => result.position)).size).toBe(200);
    const all = await collect(store().readAll());
    expect(all.map((e) => Number(e.globalPosition))).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
  });

  it('fails only the conflicting append of a batch; later appends in the batch see earlier ones', async () => {
    const before = store().stats().commits;
    const [first, duplicate, next] = await Promise.allSettled([
      store().append('s', 'no_stream', [anEvent('First')]),
      store().append('s', 'no_stream', [anEvent('Duplicate')]),
      store().append('s', 0, [anEvent('Next')]),
    ]);
    expect(store().stats().commits - before).toBe(1);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0 } });
    expect(duplicate.status === 'rejected' && duplicate.reason).toBeInstanceOf(ConcurrencyConflictError);
    expect(next).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
    expect((await collect(store().readStream('s'))).map((e) => e.type)).toEqual(['First', 'Next']);
  });
}
