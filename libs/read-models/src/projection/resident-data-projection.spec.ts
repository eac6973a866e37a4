import { InMemoryEventStore } from '@switchboard/event-store';
import type { TicketEvent } from '@switchboard/ticketing';
import { InMemoryResidentKeyStore } from '../../../command-handling/src/privacy/in-memory-resident-key-store';
import { ReadModels } from '../read-models';
import { dumpReadModels, freshProjectionDump, projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';

const catalog = demoCatalog();
const director = { actor: { id: 'dee.director', role: 'director' } } as const;
const erasure: TicketEvent = { type: 'ResidentDataErased', data: { reason: 'privacy request', trigger: 'request' } };
const assigned: TicketEvent = { type: 'TicketAssigned', data: { department: 'DPW', dueAt: '2026-03-04T14:05:00.000Z', slaBusinessMs: 57_600_000 } };

describe.each(READ_STORE_KINDS)('resident data in the ticket projection (%s)', (kind) => {
  const { store, newUrl } = useReadStore(kind);
  let events: InMemoryEventStore;
  let keys: InMemoryResidentKeyStore;
  let readModels: ReadModels;

  beforeEach(() => {
    events = new InMemoryEventStore();
    keys = new InMemoryResidentKeyStore();
    readModels = new ReadModels({ readStore: store(), eventStore: events });
  });

  const ticketsOf = async (phone: string) => (await readModels.residentHistory({ phone })).tickets.map((ticket) => ticket.ticketId);
  /** The ticket rows, facts and queue changes without the resident digests, the row's version and the folded state (which notes the erasure): the figures. */
  const figures = async () => {
    const { tickets, facts, queueChanges } = await dumpReadModels(store());
    const dropped = ['resident_phone_key', 'resident_email_key', 'revision', 'last_position', 'updated_at', 'state_json'];
    return JSON.parse(JSON.stringify({ tickets, facts, queueChanges }, (key, value) => (dropped.includes(key) ? undefined : value)));
  };

  it('given a sealed contact and one in the clear (written before sealing), when each ticket is erased, then the look-up finds neither, the figures stand, and a rebuild agrees', async () => {
    await appendTicket(
      events,
      'S1',
      [
        ['2026-03-02T14:00:00.000Z', opened('S1', { contact: { phone: '555-0101' } })],
        ['2026-03-02T14:05:00.000Z', assigned],
      ],
      keys,
    );
    await appendTicket(events, 'P1', [['2026-03-02T14:00:00.000Z', opened('P1', { contact: { phone: '555-0202' } })]]);
    await projectAll(events, store(), catalog, keys);
    expect(await ticketsOf('555-0101')).toEqual(['S1']);
    expect(await ticketsOf('555-0202')).toEqual(['P1']);
    const before = await figures();

    for (const id of ['S1', 'P1']) {
      await keys.erase(`ticket-${id}`);
      await appendTicket(events, id, [['2026-03-03T10:00:00.000Z', erasure, director]], keys);
    }
    await projectAll(events, store(), catalog, keys);
    expect(await ticketsOf('555-0101')).toEqual([]);
    expect(await ticketsOf('555-0202')).toEqual([]);
    expect(await figures()).toEqual(before);
    expect(await freshProjectionDump(events, newUrl(), catalog)).toEqual(await dumpReadModels(store()));
  });
});
