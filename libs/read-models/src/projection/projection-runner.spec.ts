import { InMemoryEventStore } from '@switchboard/event-store';
import { LeaseLostError, ReadModelTimeoutError } from '../errors';
import { ReadModels } from '../read-models';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { ProcessTable } from './lease-holder';
import { ManualClock } from '../testing/manual-clock';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { dumpReadModels, freshProjectionDump, headPosition, projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';

const catalog = demoCatalog();

describe.each(READ_STORE_KINDS)('projection runner (%s)', (kind) => {
  const runners: ProjectionRunner[] = [];
  // Registered before the store's own hooks: Jest runs afterEach hooks in order, and runners must stop before the store closes.
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  const { store, newUrl } = useReadStore(kind);
  let events: InMemoryEventStore;

  beforeEach(async () => {
    events = new InMemoryEventStore();
    await appendTicket(events, 'L1', [['2026-03-02T14:00:00.000Z', opened('L1')]]);
  });

  const runner = (holderId: string, clock: ManualClock, options: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner => {
    const created = new ProjectionRunner({
      eventStore: events,
      readStore: store(),
      catalog,
      holderId,
      clock,
      leaseTtlMs: 15_000,
      heartbeatMs: 5_000,
      standbyRetryMs: 2_000,
      ...options,
    });
    runners.push(created);
    return created;
  };

  it('keeps one runner active; a standby takes over when the active one dies, and the dead one can no longer write', async () => {
    const clockA = new ManualClock();
    const clockB = new ManualClock();
    const errorsOfA: unknown[] = [];
    let lostLease!: () => void;
    const aLostLease = new Promise<void>((resolve) => (lostLease = resolve));
    const a = runner('A', clockA, { onError: (error) => (errorsOfA.push(error), lostLease()) });
    const b = runner('B', clockB);

    await a.start();
    await b.start();
    expect([a.status, b.status]).toEqual(['active', 'standby']);
    await a.waitForPosition((await headPosition(events))!, 1_000);

    // A's heartbeat stops (its clock never moves): once its lease has expired, B's next try takes it.
    await clockB.advance(14_000);
    expect(b.status).toBe('standby');
    await clockB.advance(2_000);
    expect(b.status).toBe('active');

    await appendTicket(events, 'L2', [['2026-03-02T15:00:00.000Z', opened('L2')]]);
    await b.waitForPosition((await headPosition(events))!, 1_000);
    await aLostLease;
    expect(errorsOfA[0]).toBeInstanceOf(LeaseLostError);
    expect(a.status).toBe('standby');

    expect(await dumpReadModels(store())).toEqual(await freshProjectionDump(events, newUrl(), catalog));
  });

  it('takes over at once, without waiting for the lease to expire, from a runner of this host whose process is gone', async () => {
    const host = (pid: number, gone: readonly number[]): ProcessTable => ({
      self: { host: 'box', pid, startTime: String(pid * 10), pidSpace: 'ab' },
      startTimeOf: (other) => (gone.includes(other) ? undefined : String(other * 10)),
    });
    const errorsOfA: unknown[] = [];
    let lostLease!: () => void;
    const aLostLease = new Promise<void>((resolve) => (lostLease = resolve));
    const a = new ProjectionRunner({
      eventStore: events,
      readStore: store(),
      catalog,
      clock: new ManualClock(),
      processes: host(100, []),
      onError: (error) => (errorsOfA.push(error), lostLease()),
    });
    runners.push(a);
    await a.start();
    expect(a.status).toBe('active');
    await a.waitForPosition((await headPosition(events))!, 1_000);

    // As B's host sees it, A's process (pid 100) has ended: B takes the lease on its first try.
    const b = new ProjectionRunner({ eventStore: events, readStore: store(), catalog, clock: new ManualClock(), processes: host(200, [100]) });
    runners.push(b);
    await b.start();
    expect(b.status).toBe('active');

    // Fencing as ever: A (here still running) cannot write its next batch.
    await appendTicket(events, 'L2', [['2026-03-02T15:00:00.000Z', opened('L2')]]);
    await b.waitForPosition((await headPosition(events))!, 1_000);
    await aLostLease;
    expect(errorsOfA[0]).toBeInstanceOf(LeaseLostError);
    expect(a.status).toBe('standby');
    expect(await dumpReadModels(store())).toEqual(await freshProjectionDump(events, newUrl(), catalog));
  });

  it('hands over at once when the active runner stops', async () => {
    const clockA = new ManualClock();
    const clockB = new ManualClock();
    const a = runner('A', clockA);
    const b = runner('B', clockB);
    const activations: string[] = [];
    a.onActive(() => activations.push('A'));
    b.onActive(() => activations.push('B'));
    await a.start();
    await b.start();
    expect(activations).toEqual(['A']);
    await a.stop();
    await clockB.advance(2_000);
    expect(b.status).toBe('active');
    expect(activations).toEqual(['A', 'B']);
  });

  it('bounds a wait for a position it does not reach with a typed timeout', async () => {
    const clock = new ManualClock();
    const a = runner('A', clock);
    await a.start();
    const waiting = a.waitForPosition('99999999999999999999', 2_000);
    await clock.advance(2_000);
    await expect(waiting).rejects.toBeInstanceOf(ReadModelTimeoutError);
  });

  it('lets another process wait for a position by polling the checkpoint', async () => {
    const clock = new ManualClock();
    const readModels = new ReadModels({ readStore: store(), eventStore: events, clock, pollIntervalMs: 50 });
    const head = (await headPosition(events))!;
    const waiting = readModels.waitForPosition(head, 2_000);
    let done = false;
    void waiting.then(() => (done = true));
    await projectAll(events, store(), catalog);
    expect(done).toBe(false);
    await clock.advance(50);
    await waiting;
  });
});
