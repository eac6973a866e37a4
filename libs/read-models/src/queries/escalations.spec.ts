import { InMemoryEventStore, type RecordedEvent } from '@switchboard/event-store';
import type { Actor, TicketEvent } from '@switchboard/ticketing';
import { replayTickets } from '../facts/replay-ticket-facts';
import { ReadModels } from '../read-models';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { escalationsAmong } from './escalations';

const catalog = demoCatalog();
const now = new Date('2026-03-10T12:00:00Z');
const staff: Actor = { id: 'sam', role: 'staff', department: 'DPW' };
const assigned = (dueAt: string): TicketEvent => ({ type: 'TicketAssigned', data: { department: 'DPW', dueAt, slaBusinessMs: 28_800_000 } });
const escalated = (tier: 1 | 2, reason: 'complex' | 'overdue' | 'resident_request'): TicketEvent => ({ type: 'TicketEscalated', data: { tier, reason } });
const breached = (dueAt: string): TicketEvent => ({ type: 'SlaBreached', data: { dueAt } });

describe.each(READ_STORE_KINDS)('the escalations list and work starts, from the read models alone (%s)', (kind) => {
  const { store } = useReadStore(kind);
  let events: InMemoryEventStore;
  let readModels: ReadModels;

  beforeEach(async () => {
    events = new InMemoryEventStore();
    readModels = new ReadModels({ readStore: store(), eventStore: events });
    // Escalated by staff, breached, then sent to the director by the watcher.
    await appendTicket(events, 'E1', [
      ['2026-03-02T14:00:00.000Z', opened('E1')],
      ['2026-03-02T14:10:00.000Z', assigned('2026-03-03T14:10:00.000Z')],
      ['2026-03-02T16:00:00.000Z', escalated(1, 'complex')],
      ['2026-03-03T14:10:05.000Z', breached('2026-03-03T14:10:00.000Z')],
      ['2026-03-05T14:10:05.000Z', escalated(2, 'overdue')],
    ]);
    // Escalated and breached, completed, then reopened: a new cycle without either, late again.
    await appendTicket(events, 'E2', [
      ['2026-03-02T14:00:00.000Z', opened('E2')],
      ['2026-03-02T14:10:00.000Z', assigned('2026-03-03T14:10:00.000Z')],
      ['2026-03-02T15:00:00.000Z', escalated(1, 'resident_request')],
      ['2026-03-03T14:10:05.000Z', breached('2026-03-03T14:10:00.000Z')],
      ['2026-03-04T14:00:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'patched', firstContactResolution: false } }],
      [
        '2026-03-05T14:00:00.000Z',
        { type: 'TicketReopened', data: { reason: 'still there', department: 'DPW', dueAt: '2026-03-06T14:00:00.000Z', slaBusinessMs: 28_800_000 } },
      ],
      ['2026-03-05T15:00:00.000Z', { type: 'WorkStarted', data: { assignee: 'sam' } }, { commandId: 'claim:k1:E2', actor: staff }],
    ]);
    // Late only.
    await appendTicket(events, 'E3', [
      ['2026-03-02T14:00:00.000Z', opened('E3')],
      ['2026-03-02T14:20:00.000Z', assigned('2026-03-04T14:20:00.000Z')],
    ]);
    await projectAll(events, store(), catalog);
  });

  it('shows each ticket’s latest escalation and breach of its current cycle, as a replay of the log does', async () => {
    const page = await readModels.escalations({ now });
    expect(page.tickets.map((t) => [t.ticketId, t.tier, t.reason, t.escalatedAt, t.breachedAt, t.overdue])).toEqual([
      ['E1', 2, 'overdue', '2026-03-05T14:10:05.000Z', '2026-03-03T14:10:05.000Z', true],
      ['E3', 0, null, null, null, true],
      ['E2', 0, null, null, null, true],
    ]);
    expect(page.tickets[0]).toEqual({
      ticketId: 'E1',
      department: 'DPW',
      serviceCode: 'POTHOLE',
      status: 'escalated',
      priority: 'normal',
      assignee: null,
      tier: 2,
      reason: 'overdue',
      escalatedAt: '2026-03-05T14:10:05.000Z',
      dueAt: '2026-03-03T14:10:00.000Z',
      overdueSince: null,
      overdue: true,
      breachedAt: '2026-03-03T14:10:05.000Z',
      atRisk: false,
      atRiskAt: expect.any(String),
    });
    expect(escalationsAmong(await replayTickets(events.readAll(), catalog), catalog, { now })).toEqual(page.tickets);
  });

  it('keeps each WorkStarted by ticket and command id, with who recorded it and where', async () => {
    const [start] = await readModels.workStartsUnder([{ ticketId: 'E2', commandId: 'claim:k1:E2' }]);
    let last: RecordedEvent | undefined;
    for await (const event of events.readStream('ticket-E2')) last = event;
    expect(last?.type).toBe('WorkStarted');
    expect(start).toEqual({
      ticketId: 'E2',
      commandId: 'claim:k1:E2',
      revision: last?.revision,
      position: last?.globalPosition,
      actor: { id: 'sam', role: 'staff' },
    });
    expect(
      await readModels.workStartsUnder([
        { ticketId: 'E1', commandId: 'claim:k1:E1' },
        { ticketId: 'E2', commandId: 'claim:k2:E2' },
        { ticketId: 'E2', commandId: 'claim:k1:E2' },
      ]),
    ).toEqual([start]);
    expect(await readModels.workStartsUnder([])).toEqual([]);
  });
});
