import { InMemoryEventStore } from '@switchboard/event-store';
import type { TicketEvent } from '@switchboard/ticketing';
import { ReadModels } from '../read-models';
import { activeGeneration, generationTables } from '../store/generation-tables';
import { ManualClock } from '../testing/manual-clock';
import { dumpReadModels, freshProjectionDump, projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { pruneQueueChanges, QueueChangePruner, resumeWindowOfDays } from './queue-change-pruning';
import { rebuildReadModels } from './rebuild';

const catalog = demoCatalog();
const DAY = 24 * 60 * 60 * 1000;
const WEEK = { resumeWindowMs: resumeWindowOfDays(7) };
const toDpw: TicketEvent = { type: 'TicketAssigned', data: { department: 'DPW' } } as TicketEvent;
const started: TicketEvent = { type: 'WorkStarted', data: { assignee: 'sam' } } as TicketEvent;

describe.each(READ_STORE_KINDS)('pruning the queue change log (%s)', (kind) => {
  const { store, newUrl } = useReadStore(kind);
  // The log records events at the clock's time: the change log is pruned by it.
  let clock: ManualClock;
  let events: InMemoryEventStore;
  let readModels: ReadModels;

  beforeEach(() => {
    clock = new ManualClock(Date.parse('2026-03-02T12:00:00Z'));
    events = new InMemoryEventStore({ now: () => clock.now() });
    readModels = new ReadModels({ readStore: store(), eventStore: events });
  });

  /** Routes a ticket to DPW now, then moves the clock on by `days`. */
  const routeThenWait = async (id: string, days: number): Promise<void> => {
    await appendTicket(events, id, [
      [clock.now().toISOString(), opened(id)],
      [clock.now().toISOString(), toDpw],
    ]);
    await clock.advance(days * DAY);
  };
  const dpwChanges = async () => (await readModels.queueChangesAfter('DPW', undefined, 1000)).map((c) => `${c.kind} ${c.ticketId}`);

  it('deletes the changes recorded before the window, keeps the rest, and marks the greatest position deleted', async () => {
    await routeThenWait('OLD', 2); // recorded day 0
    await routeThenWait('EDGE', 1); // day 2
    await appendTicket(events, 'OLD', [[clock.now().toISOString(), started]]); // day 3
    await clock.advance(3 * DAY);
    await routeThenWait('NEW', 4); // day 6; now day 10
    await projectAll(events, store(), catalog);
    const before = await readModels.queueChangesAfter('DPW', undefined);
    expect(before.map((c) => `${c.kind} ${c.ticketId}`)).toEqual(['added OLD', 'added EDGE', 'updated OLD', 'added NEW']);
    expect(await readModels.queueChangesPrunedThrough()).toBeUndefined();

    // Day 10 with a 7-day window keeps what was recorded from day 3 on.
    const result = await pruneQueueChanges(store(), clock.now(), WEEK);
    expect(result).toEqual({ deleted: 2, prunedThrough: before[1].position });
    expect(await dpwChanges()).toEqual(['updated OLD', 'added NEW']);
    expect(await readModels.queueChangesPrunedThrough()).toBe(before[1].position);
    // The queue itself is untouched.
    expect((await readModels.departmentQueue('DPW', { now: clock.now() })).map((t) => t.ticketId).sort()).toEqual(['EDGE', 'NEW', 'OLD']);

    // Nothing more is old enough: nothing deleted, the mark stays.
    expect(await pruneQueueChanges(store(), clock.now(), WEEK)).toEqual({ deleted: 0, prunedThrough: before[1].position });
    // A later prune moves the mark forward only.
    expect(await pruneQueueChanges(store(), new Date(clock.now().getTime() + 10 * DAY), WEEK)).toEqual({ deleted: 2, prunedThrough: before[3].position });
    expect(await pruneQueueChanges(store(), clock.now(), { resumeWindowMs: 0 })).toEqual({ deleted: 0, prunedThrough: before[3].position });
  });

  it('deletes a chunk per transaction until nothing older is left, changes of one recording time together', async () => {
    for (let i = 0; i < 12; i++) {
      await appendTicket(events, `T${i}`, [
        [clock.now().toISOString(), opened(`T${i}`)],
        [clock.now().toISOString(), toDpw],
      ]);
      // Three tickets per recording time.
      if (i % 3 === 2) await clock.advance(60_000);
    }
    await projectAll(events, store(), catalog);
    const all = await readModels.queueChangesAfter('DPW', undefined);
    await clock.advance(8 * DAY);
    expect(await pruneQueueChanges(store(), clock.now(), { ...WEEK, chunkSize: 5 })).toEqual({ deleted: 12, prunedThrough: all[11].position });
    expect(await dpwChanges()).toEqual([]);
  });

  it('keeps its mark across a blue-green rebuild; the rebuilt generation holds the whole log again, with the same times, until the next prune', async () => {
    await routeThenWait('OLD', 8);
    await routeThenWait('NEW', 0);
    await projectAll(events, store(), catalog);
    const { prunedThrough } = await pruneQueueChanges(store(), clock.now(), WEEK);
    expect(await dpwChanges()).toEqual(['added NEW']);

    await rebuildReadModels({ eventStore: events, readStore: store(), catalog });
    expect(await activeGeneration(store().db)).toBe(2);
    expect(await readModels.queueChangesPrunedThrough()).toBe(prunedThrough);
    expect(await dpwChanges()).toEqual(['added OLD', 'added NEW']);
    // The same rows as a store that projected the log as it came (recording times included).
    expect(await dumpReadModels(store())).toEqual(await freshProjectionDump(events, newUrl(), catalog));

    expect(await pruneQueueChanges(store(), clock.now(), WEEK)).toEqual({ deleted: 1, prunedThrough });
    expect(await dpwChanges()).toEqual(['added NEW']);
    const { queueChanges } = generationTables(2);
    const rows = await store().db.selectFrom(queueChanges).select(['ticket_id', 'recorded_at']).execute();
    expect(rows).toEqual([{ ticket_id: 'NEW', recorded_at: '2026-03-10T12:00:00.000Z' }]);
  });

  it('runs at start and then on its interval while it may, by the injected clock', async () => {
    await routeThenWait('A', 1);
    await routeThenWait('B', 0);
    await projectAll(events, store(), catalog);
    let may = false;
    const pruned: number[] = [];
    const pruner = new QueueChangePruner(store(), {
      resumeWindowMs: DAY / 2,
      intervalMs: 60 * 60_000,
      clock,
      mayPrune: () => may,
      onPruned: (r) => pruned.push(r.deleted),
    });
    pruner.start();
    await clock.advance(0);
    expect(pruned).toEqual([]); // Not while another process holds the lease.
    may = true;
    await clock.advance(60 * 60_000);
    expect(pruned).toEqual([1]);
    expect(await dpwChanges()).toEqual(['added B']);
    await clock.advance(12 * 60 * 60_000);
    expect(pruned).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await pruner.stop();
    await clock.advance(2 * DAY);
    expect(pruned).toHaveLength(13);
  });
});
