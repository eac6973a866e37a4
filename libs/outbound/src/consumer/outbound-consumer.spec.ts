import { InMemoryEventStore } from '@switchboard/event-store';
import type { ReadStore } from '@switchboard/read-models';
import { ManualClock } from '../../../read-models/src/testing/manual-clock';
import { appendTicket, opened } from '../../../read-models/src/testing/ticket-history';
import { READ_STORE_KINDS, useReadStore } from '../../../read-models/src/testing/test-read-store';
import type { DeliveryAttempt, DeliveryOutcome } from '../destination';
import { RecordingDestination } from '../testing/recording-destination';
import { headPosition } from '@switchboard/read-models';
import { deliveryIdOf } from './delivery-log';
import { OutboundConsumer, type OutboundConsumerOptions } from './outbound-consumer';
import { outboundDb } from './outbound-db';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 14, minute)).toISOString();

async function deliveries(store: ReadStore) {
  return outboundDb(store.db).selectFrom('ob_deliveries').selectAll().orderBy('position').execute();
}

async function attemptsOf(store: ReadStore, deliveryId: string) {
  return outboundDb(store.db).selectFrom('ob_delivery_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();
}

describe.each(READ_STORE_KINDS)('outbound consumer (%s)', (kind) => {
  const consumers: OutboundConsumer[] = [];
  // Registered before the store's own hooks: consumers stop before the store closes.
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });
  const { store } = useReadStore(kind);
  let events: InMemoryEventStore;
  let clock: ManualClock;

  beforeEach(() => {
    events = new InMemoryEventStore();
    clock = new ManualClock();
  });

  const consumer = (destination: RecordingDestination, options: Partial<OutboundConsumerOptions> = {}): OutboundConsumer => {
    const created = new OutboundConsumer({
      eventStore: events,
      readStore: store(),
      destinations: [destination],
      holderId: 'consumer-A',
      clock,
      random: () => 0.5,
      startAt: 'beginning',
      ...options,
    });
    consumers.push(created);
    return created;
  };

  const idOf = async (ticketId: string, revision = 0): Promise<string> => {
    for await (const event of events.readStream(`ticket-${ticketId}`)) if (event.revision === revision) return deliveryIdOf('recording', event.id, 'k');
    throw new Error(`no revision ${revision} of ${ticketId}`);
  };

  it("plans every event's deliveries with its checkpoint and delivers each once, under its delivery id", async () => {
    for (const id of ['A1', 'A2', 'A3']) {
      await appendTicket(events, id, [
        [at(0), opened(id)],
        [at(1), { type: 'TicketCommented', data: { commentId: 'c1', body: 'on it', visibility: 'internal' } }],
      ]);
    }
    const destination = new RecordingDestination();
    const running = consumer(destination);
    await running.start();
    expect(running.status).toBe('active');
    const head = (await headPosition(events))!;
    await running.idle(head);

    const expected = await Promise.all(['A1', 'A2', 'A3'].flatMap((id) => [idOf(id, 0), idOf(id, 1)]));
    expect(destination.attemptedIds().sort()).toEqual([...expected].sort());
    const rows = await deliveries(store());
    expect(rows.map((row) => row.delivery_id).sort()).toEqual([...expected].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'delivered', attempts: 1, next_attempt_at: null, last_error: null, detail: 'accepted #1', settle_pending: 0 });
      expect(row.delivered_at).toBe(clock.now().toISOString());
      expect(JSON.parse(row.payload)).toEqual({ type: row.event_type, stream: row.stream_name });
    }
    expect(destination.settlements.map((s) => s.outcome.status)).toEqual(Array(6).fill('delivered'));
    const checkpoint = await outboundDb(store().db).selectFrom('ob_checkpoints').selectAll().executeTakeFirstOrThrow();
    expect(checkpoint).toMatchObject({ consumer: 'outbound', position: head });

    // Started again, it continues from its checkpoint: nothing is planned or delivered twice.
    await running.stop();
    const again = consumer(destination);
    await again.start();
    await appendTicket(events, 'A4', [[at(2), opened('A4')]]);
    await again.idle((await headPosition(events))!);
    expect(destination.attemptedIds()).toHaveLength(7);
    expect(destination.attemptedIds()[6]).toBe(await idOf('A4'));
  });

  it('retries a failed delivery with exponential back-off and jitter, recording every attempt', async () => {
    await appendTicket(events, 'B1', [[at(0), opened('B1')]]);
    const id = await idOf('B1');
    const destination = new RecordingDestination();
    destination.failures.set(id, 2);
    const running = consumer(destination);
    await running.start();
    await running.idle();
    const start = clock.now().getTime();
    // Equal jitter with random 0.5: 1 s → 750 ms, then 2 s → 1.5 s.
    let [row] = await deliveries(store());
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'receiver down (2 left)', next_attempt_at: new Date(start + 750).toISOString() });

    await clock.advance(749);
    await running.idle();
    expect(destination.attempts).toHaveLength(1);
    await clock.advance(1);
    await running.idle();
    expect(destination.attempts).toHaveLength(2);
    [row] = await deliveries(store());
    expect(row).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(start + 750 + 1500).toISOString() });

    await clock.advance(1500);
    await running.idle();
    [row] = await deliveries(store());
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_error: null, detail: 'accepted #3', next_attempt_at: null });
    expect(destination.attempts.map((attempt) => [attempt.deliveryId, attempt.attempt])).toEqual([
      [id, 1],
      [id, 2],
      [id, 3],
    ]);
    expect((await attemptsOf(store(), id)).map((attempt) => [attempt.attempt, attempt.outcome, attempt.error])).toEqual([
      [1, 'failed', 'receiver down (2 left)'],
      [2, 'failed', 'receiver down (1 left)'],
      [3, 'delivered', null],
    ]);
  });

  it('gives a delivery up after the configured attempts, and at once when the receiver refuses it for good', async () => {
    await appendTicket(events, 'C1', [[at(0), opened('C1')]]);
    await appendTicket(events, 'C2', [[at(0), opened('C2')]]);
    const [down, refused] = [await idOf('C1'), await idOf('C2')];
    const destination = new RecordingDestination();
    destination.failures.set(down, Infinity);
    destination.refused.add(refused);
    const running = consumer(destination, { retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 } });
    await running.start();
    await running.idle();
    for (let i = 0; i < 5; i++) {
      await clock.advance(60_000);
      await running.idle();
    }
    const rows = new Map((await deliveries(store())).map((row) => [row.delivery_id, row]));
    expect(rows.get(down)).toMatchObject({ status: 'given_up', attempts: 3, next_attempt_at: null, delivered_at: null });
    expect(rows.get(refused)).toMatchObject({ status: 'given_up', attempts: 1, last_error: 'refused for good' });
    expect(destination.attemptedIds().filter((id) => id === down)).toHaveLength(3);
    expect(destination.settlements.map(({ delivery, outcome }) => [delivery.deliveryId, outcome.status, outcome.attempts])).toEqual(
      expect.arrayContaining([
        [down, 'given_up', 3],
        [refused, 'given_up', 1],
      ]),
    );
  });

  it('begins after the events already in the log when it has no checkpoint yet', async () => {
    await appendTicket(events, 'D1', [[at(0), opened('D1')]]);
    const destination = new RecordingDestination();
    const running = consumer(destination, { startAt: 'head' });
    await running.start();
    await running.idle();
    expect(destination.attempts).toHaveLength(0);
    await appendTicket(events, 'D2', [[at(1), opened('D2')]]);
    await running.idle((await headPosition(events))!);
    expect(destination.attemptedIds()).toEqual([await idOf('D2')]);
  });

  it('holds a delivery planned for later until its time', async () => {
    await appendTicket(events, 'E1', [[at(0), opened('E1')]]);
    const destination = new RecordingDestination();
    destination.notBefore = () => new Date(clock.now().getTime() + 3_600_000);
    // One consumer: its heartbeat need not fire 720 times on the way.
    const running = consumer(destination, { heartbeatMs: 3_600_000, leaseTtlMs: 7_200_000 });
    await running.start();
    await running.idle((await headPosition(events))!);
    expect(destination.attempts).toHaveLength(0);
    await clock.advance(3_599_000);
    await running.idle();
    expect(destination.attempts).toHaveLength(0);
    await clock.advance(1_000);
    await running.idle();
    expect(destination.attemptedIds()).toEqual([await idOf('E1')]);
  });

  it('runs a settled hook that failed again later, and a hook runs once it succeeded', async () => {
    await appendTicket(events, 'F1', [[at(0), opened('F1')]]);
    const destination = new RecordingDestination();
    let failHook = true;
    const settled = destination.settled.bind(destination);
    destination.settled = async (delivery, outcome) => {
      if (failHook) {
        failHook = false;
        throw new Error('history not writable');
      }
      await settled(delivery, outcome);
    };
    const errors: unknown[] = [];
    const running = consumer(destination, { onError: (error) => errors.push(error) });
    await running.start();
    await running.idle();
    let [row] = await deliveries(store());
    expect(row).toMatchObject({ status: 'delivered', settle_pending: 1, settled_at: null, last_error: 'settled hook: history not writable' });
    await clock.advance(1_000);
    await running.idle();
    [row] = await deliveries(store());
    expect(row).toMatchObject({ status: 'delivered', settle_pending: 0, next_attempt_at: null });
    expect(destination.settlements).toHaveLength(1);
    expect(destination.attempts).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  it('a standby takes over when the active consumer stops answering, and resumes its interrupted attempt under the same delivery id', async () => {
    await appendTicket(events, 'G1', [[at(0), opened('G1')]]);
    const id = await idOf('G1');
    const clockB = new ManualClock();
    let finishA!: (outcome: DeliveryOutcome) => void;
    const hanging = new RecordingDestination();
    const reached = new Promise<DeliveryAttempt>((resolve) => {
      hanging.deliver = (delivery) => {
        resolve(delivery);
        return new Promise((finish) => (finishA = finish));
      };
    });
    const a = consumer(hanging, { holderId: 'A' });
    const receiverB = new RecordingDestination();
    const b = consumer(receiverB, { holderId: 'B', clock: clockB });
    await a.start();
    await b.start();
    expect([a.status, b.status]).toEqual(['active', 'standby']);
    expect((await reached).deliveryId).toBe(id);

    // A's clock stands still (no heartbeat): once its lease has expired, B takes it and resumes the attempt.
    await clockB.advance(16_000);
    expect(b.status).toBe('active');
    await b.idle();
    expect(receiverB.attempts.map((attempt) => [attempt.deliveryId, attempt.attempt])).toEqual([[id, 2]]);
    expect((await attemptsOf(store(), id)).map((attempt) => attempt.outcome)).toEqual(['interrupted', 'delivered']);

    // A's attempt answers at last: it records nothing over B's.
    finishA({ status: 'failed', error: 'too late', retryable: true });
    await new Promise((resolve) => setImmediate(resolve));
    await a.stop();
    const [row] = await deliveries(store());
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
  });
});
