import { InMemoryEventStore, type RecordedEvent } from '@switchboard/event-store';
import type { TicketEvent } from '@switchboard/ticketing';
import { ReadModels } from '../read-models';
import { replayTicketFacts } from '../facts/replay-ticket-facts';
import { generationTables } from '../store/generation-tables';
import { applyBatch } from './apply-batch';
import { factsOfRow } from './ticket-row';
import { appendTicket, demoCatalog, opened, type At } from '../testing/ticket-history';
import { dumpReadModels, projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';

const catalog = demoCatalog();
const assigned = (department: string, dueAt?: string, extra: object = {}): TicketEvent =>
  ({ type: 'TicketAssigned', data: { department, ...(dueAt ? { dueAt, slaBusinessMs: 57_600_000 } : {}), ...extra } }) as TicketEvent;

describe.each(READ_STORE_KINDS)('ticket projections (%s)', (kind) => {
  const { store } = useReadStore(kind);
  let events: InMemoryEventStore;
  let readModels: ReadModels;
  const now = new Date('2026-03-05T12:00:00Z');

  beforeEach(() => {
    events = new InMemoryEventStore();
    readModels = new ReadModels({ readStore: store(), eventStore: events });
  });

  const given = async (histories: Record<string, readonly At[]>): Promise<void> => {
    for (const [id, history] of Object.entries(histories)) await appendTicket(events, id, history);
    await projectAll(events, store(), catalog);
  };

  it('puts a routed ticket in its department queue, without the resident contact', async () => {
    await given({
      A1: [
        ['2026-03-02T14:00:00.000Z', opened('A1')],
        ['2026-03-02T14:05:00.000Z', assigned('DPW', '2026-03-04T14:05:00.000Z')],
      ],
    });
    const queue = await readModels.departmentQueue('DPW', { now });
    expect(queue).toEqual([
      expect.objectContaining({
        ticketId: 'A1',
        serviceCode: 'POTHOLE',
        status: 'assigned',
        assignee: null,
        openedAt: '2026-03-02T14:00:00.000Z',
        dueAt: '2026-03-04T14:05:00.000Z',
        escalationTier: 0,
        priority: 'normal',
        onHold: false,
        overdue: true,
        slaStartedAt: '2026-03-02T14:05:00.000Z',
        revision: 1,
        address: '12 Main St',
      }),
    ]);
    expect(JSON.stringify(await dumpReadModels(store()))).not.toMatch(/555-0100|A\. Resident/);
  });

  it('orders a queue by escalation tier, then priority, then due time with tickets without one last', async () => {
    await given({
      LOW: [
        ['2026-03-02T14:00:00.000Z', opened('LOW', { priority: 'low' })],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-03T14:00:00.000Z')],
      ],
      NODUE: [
        ['2026-03-02T14:00:00.000Z', opened('NODUE', { priority: 'urgent' })],
        ['2026-03-02T14:01:00.000Z', assigned('DPW')],
      ],
      LATE: [
        ['2026-03-02T14:00:00.000Z', opened('LATE', { priority: 'urgent' })],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-09T14:00:00.000Z')],
      ],
      SOON: [
        ['2026-03-02T14:00:00.000Z', opened('SOON', { priority: 'urgent' })],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-03T14:00:00.000Z')],
      ],
      TIER: [
        ['2026-03-02T14:00:00.000Z', opened('TIER', { priority: 'low' })],
        ['2026-03-02T14:01:00.000Z', assigned('DPW')],
        ['2026-03-02T15:00:00.000Z', { type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } }],
      ],
      OTHER: [
        ['2026-03-02T14:00:00.000Z', opened('OTHER')],
        ['2026-03-02T14:01:00.000Z', assigned('CLERK')],
      ],
      INTAKE: [['2026-03-02T14:00:00.000Z', opened('INTAKE')]],
    });
    expect((await readModels.departmentQueue('DPW', { now })).map((t) => t.ticketId)).toEqual(['TIER', 'SOON', 'LATE', 'NODUE', 'LOW']);
  });

  it('shows a hold, keeps a late hold overdue, and lists "mine"', async () => {
    await given({
      H1: [
        ['2026-03-02T14:00:00.000Z', opened('H1')],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-03T14:00:00.000Z')],
        ['2026-03-02T15:00:00.000Z', { type: 'WorkStarted', data: { assignee: 'sam' } }],
        ['2026-03-04T15:00:00.000Z', { type: 'TicketPutOnHold', data: { reason: 'waiting', overdueSince: '2026-03-03T14:00:00.000Z' } }],
      ],
      H2: [
        ['2026-03-02T14:00:00.000Z', opened('H2')],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-09T14:00:00.000Z', { assignee: 'kim' })],
      ],
    });
    const [held] = await readModels.departmentQueue('DPW', { now, assignee: 'sam' });
    expect(held).toMatchObject({
      ticketId: 'H1',
      status: 'on_hold',
      onHold: true,
      dueAt: null,
      overdueSince: '2026-03-03T14:00:00.000Z',
      overdue: true,
      assignee: 'sam',
    });
    expect((await readModels.departmentQueue('DPW', { now, assignee: 'kim' })).map((t) => t.ticketId)).toEqual(['H2']);
  });

  it('logs queue changes per department with their global positions', async () => {
    await given({
      R1: [
        ['2026-03-02T14:00:00.000Z', opened('R1')],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-03T14:00:00.000Z')],
        ['2026-03-02T14:02:00.000Z', { type: 'TicketCommented', data: { commentId: 'c1', body: 'on it', visibility: 'internal' } }],
        ['2026-03-02T14:03:00.000Z', { type: 'PriorityChanged', data: { from: 'normal', to: 'high' } }],
        ['2026-03-02T14:04:00.000Z', assigned('CLERK', undefined, { previousDepartment: 'DPW' })],
        ['2026-03-02T14:05:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } }],
      ],
    });
    const dpw = await readModels.queueChangesAfter('DPW', undefined);
    expect(dpw.map((c) => [c.kind, c.entry?.priority ?? null])).toEqual([
      ['added', 'normal'],
      ['updated', 'high'],
      ['removed', null],
    ]);
    const clerk = await readModels.queueChangesAfter('CLERK', undefined);
    expect(clerk.map((c) => c.kind)).toEqual(['added', 'removed']);
    expect(clerk[0].position).toBe(dpw[2].position);
    expect(await readModels.queueChangesAfter('DPW', dpw[0].position)).toEqual(dpw.slice(1));
    expect(await readModels.departmentQueue('CLERK', { now })).toEqual([]);
  });

  it('gives the same rows when the same events are applied twice', async () => {
    await given({
      T1: [
        ['2026-03-02T14:00:00.000Z', opened('T1')],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-03T14:00:00.000Z')],
        ['2026-03-02T16:00:00.000Z', { type: 'WorkStarted', data: { assignee: 'sam' } }],
      ],
      T2: [
        ['2026-03-02T14:00:00.000Z', opened('T2')],
        ['2026-03-02T14:00:30.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'answered', note: 'told them', firstContactResolution: true } }],
      ],
    });
    const once = await dumpReadModels(store());
    const all: RecordedEvent[] = [];
    for await (const event of events.readAll()) all.push(event);
    await store().writeTransaction((trx) => applyBatch(trx, store().dialect, generationTables(1), all, catalog));
    await store().writeTransaction((trx) => applyBatch(trx, store().dialect, generationTables(1), all.slice(2), catalog));
    expect(await dumpReadModels(store())).toEqual(once);
  });

  it('stores the same facts an in-memory replay folds', async () => {
    await given({
      F1: [
        ['2026-03-02T14:00:00.000Z', opened('F1')],
        ['2026-03-02T14:01:00.000Z', assigned('DPW', '2026-03-03T14:00:00.000Z')],
        ['2026-03-02T16:00:00.000Z', { type: 'TicketPutOnHold', data: { reason: 'parts', remainingBusinessMs: 3_600_000 } }],
        ['2026-03-03T16:00:00.000Z', { type: 'TicketResumed', data: { dueAt: '2026-03-04T15:00:00.000Z' } }],
        ['2026-03-04T14:00:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'patched', firstContactResolution: false } }],
      ],
    });
    const rows = await store().db.selectFrom(generationTables(1).facts).selectAll().execute();
    const stored = rows.map(factsOfRow);
    expect(stored).toEqual(await replayTicketFacts(events.readAll(), catalog));
    expect(stored[0]).toMatchObject({
      onHoldCalendarMs: 24 * 3_600_000,
      onTime: true,
      firstAssignedAt: '2026-03-02T14:01:00.000Z',
      completedAt: '2026-03-04T14:00:00.000Z',
    });
  });
});
