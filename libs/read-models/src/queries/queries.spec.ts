import { InMemoryEventStore } from '@switchboard/event-store';
import type { TicketEvent } from '@switchboard/ticketing';
import { InvalidQueryParameterError } from '../errors';
import { ReadModels } from '../read-models';
import { completionMetrics } from '../metrics/completion-metrics';
import { replayTicketFacts } from '../facts/replay-ticket-facts';
import { encodeCursor } from './cursor';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';

const catalog = demoCatalog();
const now = new Date('2026-03-10T12:00:00Z');
const assigned = (department: string, dueAt: string): TicketEvent => ({ type: 'TicketAssigned', data: { department, dueAt, slaBusinessMs: 28_800_000 } });
const badParameter = (parameter: string) => expect.objectContaining({ constructor: InvalidQueryParameterError, parameter });

describe.each(READ_STORE_KINDS)('read-model queries (%s)', (kind) => {
  const { store } = useReadStore(kind);
  let events: InMemoryEventStore;
  let readModels: ReadModels;

  beforeEach(async () => {
    events = new InMemoryEventStore();
    readModels = new ReadModels({ readStore: store(), eventStore: events });
    for (let i = 1; i <= 5; i++) {
      const id = `S${i}`;
      const day = `2026-03-0${i + 1}`;
      await appendTicket(events, id, [
        [
          `${day}T14:00:00.000Z`,
          opened(id, {
            channel: i % 2 ? 'phone' : 'web',
            description: i === 3 ? 'Streetlight 100% out' : `Pothole ${i}`,
            location: { address: `${i} Elm St` },
          }),
        ],
        [`${day}T14:10:00.000Z`, assigned(i === 5 ? 'CLERK' : 'DPW', i <= 2 ? `${day}T20:00:00.000Z` : '2026-03-20T20:00:00.000Z')],
        ...(i === 4 ? ([[`${day}T15:00:00.000Z`, { type: 'WorkStarted', data: { assignee: 'sam' } }]] as const) : []),
      ]);
    }
    await projectAll(events, store(), catalog);
  });

  it('filters tickets and pages through them with a cursor', async () => {
    const ids = async (filter: object) => (await readModels.searchTickets({ now, ...filter }, undefined, 50)).tickets.map((t) => t.ticketId);
    expect(await ids({})).toEqual(['S5', 'S4', 'S3', 'S2', 'S1']);
    expect(await ids({ department: 'DPW', channel: 'phone' })).toEqual(['S3', 'S1']);
    expect(await ids({ overdue: true })).toEqual(['S2', 'S1']);
    expect(await ids({ overdue: false, state: 'assigned' })).toEqual(['S5', 'S3']);
    expect(await ids({ assignee: 'sam' })).toEqual(['S4']);
    expect(await ids({ service: 'POTHOLE', openedFrom: new Date('2026-03-03T00:00:00Z'), openedTo: new Date('2026-03-05T00:00:00Z') })).toEqual(['S3', 'S2']);
    expect(await ids({ text: '100%' })).toEqual(['S3']);
    // S4's last event is its start of work, an hour after the others' assignments.
    expect(await ids({ updatedFrom: new Date('2026-03-05T14:10:00Z'), updatedTo: new Date('2026-03-06T14:10:00Z') })).toEqual(['S4']);
    expect(await ids({ updatedFrom: new Date('2026-03-05T15:00:00Z') })).toEqual(['S5', 'S4']);
    expect(await ids({ updatedTo: new Date('2026-03-03T14:10:00Z') })).toEqual(['S1']);
    expect((await readModels.searchTickets({ now, service: 'POTHOLE' }, undefined, 50)).tickets.find((t) => t.ticketId === 'S4')?.updatedAt).toBe(
      '2026-03-05T15:00:00.000Z',
    );
    expect(await ids({ text: 'ELM st' })).toHaveLength(5);

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await readModels.searchTickets({ now, department: 'DPW' }, cursor, 3);
      pages.push(page.tickets.map((t) => t.ticketId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([['S4', 'S3', 'S2'], ['S1']]);
  });

  it('refuses bad filters, malformed and foreign cursors, naming the parameter', async () => {
    const first = await readModels.searchTickets({ now, department: 'DPW' }, undefined, 1);
    await expect(readModels.searchTickets({ now, department: 'CLERK' }, first.nextCursor!, 1)).rejects.toThrow(badParameter('cursor'));
    await expect(readModels.searchTickets({ now }, 'not a cursor!', 1)).rejects.toThrow(badParameter('cursor'));
    await expect(readModels.searchTickets({ now }, Buffer.from('{"v":2}').toString('base64url'), 1)).rejects.toThrow(badParameter('cursor'));
    await expect(readModels.searchTickets({ now }, encodeCursor('other', ['x']), 1)).rejects.toThrow(badParameter('cursor'));
    await expect(readModels.searchTickets({ now, state: 'lost' }, undefined, 1)).rejects.toThrow(badParameter('state'));
    await expect(readModels.searchTickets({ now, channel: 'pigeon' }, undefined, 1)).rejects.toThrow(badParameter('channel'));
    await expect(
      readModels.searchTickets({ now, openedFrom: new Date('2026-03-05T00:00:00Z'), openedTo: new Date('2026-03-01T00:00:00Z') }, undefined, 1),
    ).rejects.toThrow(badParameter('openedFrom'));
    await expect(
      readModels.searchTickets({ now, updatedFrom: new Date('2026-03-05T00:00:00Z'), updatedTo: new Date('2026-03-05T00:00:00Z') }, undefined, 1),
    ).rejects.toThrow(badParameter('updatedFrom'));
    await expect(readModels.searchTickets({ now, updatedTo: new Date('not a date') }, undefined, 1)).rejects.toThrow(badParameter('updatedTo'));
    await expect(readModels.searchTickets({ now }, undefined, 0)).rejects.toThrow(badParameter('limit'));
    await expect(readModels.departmentQueue('', { now })).rejects.toThrow(badParameter('department'));
  });

  it('offers unclaimed tickets in queue order with the revision to start them at', async () => {
    const candidates = await readModels.claimCandidates('DPW', 10, now);
    expect(candidates.map((t) => [t.ticketId, t.revision])).toEqual([
      ['S1', 1],
      ['S2', 1],
      ['S3', 1],
    ]);
  });

  it('computes completion metrics from the store exactly as from a replay', async () => {
    await appendTicket(events, 'S1', [
      ['2026-03-03T10:00:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'ok', firstContactResolution: false } }],
    ]);
    await projectAll(events, store(), catalog);
    const options = {
      from: new Date('2026-03-01T05:00:00Z'),
      to: new Date('2026-03-11T04:00:00Z'),
      groupBy: 'department' as const,
      period: 'day' as const,
      timeZone: 'America/New_York',
    };
    const fromStore = await readModels.completionMetrics(options);
    expect(fromStore).toEqual(completionMetrics(await replayTicketFacts(events.readAll(), catalog), options));
    expect(fromStore.find((f) => f.group === 'DPW' && f.period === '2026-03-03')).toMatchObject({ completed: 1, opened: 1 });
    await expect(readModels.completionMetrics({ ...options, period: 'year' as never })).rejects.toThrow(badParameter('period'));
  });

  it('reports no lag when caught up and counts events behind otherwise', async () => {
    expect(await readModels.lag(now)).toMatchObject({ eventsBehind: 0, secondsBehind: 0 });
    await appendTicket(events, 'S9', [['2026-03-10T11:00:00.000Z', opened('S9')]]);
    await events.append('other-stream', 'any', [{ id: '00000000-0000-4000-8000-000000000001', type: 'Noise', data: {} }]);
    expect(await readModels.lag(now)).toMatchObject({ eventsBehind: 1, eventsBehindIsLowerBound: false });
  });
});
