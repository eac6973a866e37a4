import { InMemoryEventStore } from '@switchboard/event-store';
import { type Actor, createServiceCatalog, type OpenTicket } from '@switchboard/ticketing';
import { testCatalogConfig } from '../../ticketing/src/testing/test-catalog';
import { CommandRefused, RevisionMismatch, TicketIdTaken } from './command-errors';
import { loadTicket } from './load-ticket';
import { TicketCommandHandler } from './ticket-command-handler';
import { InMemoryResidentKeyStore } from './privacy/in-memory-resident-key-store';
import { WatchedStore } from './testing/watched-store';

const catalog = createServiceCatalog(testCatalogConfig);
const operator: Actor = { id: 'op', role: 'operator' };
const open = (ticketId = 'ABC-1234'): OpenTicket => ({ type: 'OpenTicket', ticketId, serviceCode: 'POTHOLE', description: 'Deep', channel: 'phone' });

describe('the command pipeline', () => {
  let now = Date.parse('2026-11-02T15:00:00Z');
  const setup = () => {
    const store = new InMemoryEventStore();
    const seen: string[] = [];
    const handler = new TicketCommandHandler(store, catalog, () => new Date(now), new InMemoryResidentKeyStore(), {
      commandFinished: (type, outcome) => seen.push(`${type}:${outcome}`),
    });
    return { store, handler, seen };
  };

  it('opens a ticket and answers its revision, position and status', async () => {
    const { handler, seen } = setup();
    await expect(handler.execute(open(), { actor: operator, commandId: 'c1' })).resolves.toMatchObject({
      ticketId: 'ABC-1234',
      revision: 0,
      status: 'intake',
      events: ['TicketOpened'],
    });
    expect(seen).toEqual(['OpenTicket:accepted']);
  });

  it('answers a retried open (same command id, later) with the original result and writes nothing', async () => {
    const { handler, store, seen } = setup();
    const first = await handler.execute(open(), { actor: operator, commandId: 'c1' });
    now += 60_000;
    await expect(handler.execute(open(), { actor: operator, commandId: 'c1' })).resolves.toEqual(first);
    expect((await loadTicket(store, 'ABC-1234')).records).toHaveLength(1);
    expect(seen).toEqual(['OpenTicket:accepted', 'OpenTicket:repeated']);
  });

  it('refuses an open whose id another ticket already has, so the caller draws another', async () => {
    const { handler } = setup();
    await handler.execute(open(), { actor: operator, commandId: 'c1' });
    await expect(handler.execute(open(), { actor: operator, commandId: 'c2' })).rejects.toBeInstanceOf(TicketIdTaken);
  });

  it('turns a domain refusal into CommandRefused and a stale expected revision into RevisionMismatch', async () => {
    const { handler } = setup();
    await handler.execute(open(), { actor: operator, commandId: 'c1' });
    await expect(handler.execute({ type: 'StartWork', ticketId: 'ABC-1234' }, { actor: operator, commandId: 'c2' })).rejects.toBeInstanceOf(CommandRefused);
    await expect(
      handler.execute({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW' }, { actor: operator, commandId: 'c3', expectedRevision: 5 }),
    ).rejects.toMatchObject(new RevisionMismatch('ABC-1234', 5, 0));
  });

  it('serialises commands on one ticket: 20 at once are all recorded, each once', async () => {
    const { handler, store } = setup();
    await handler.execute(open(), { actor: operator, commandId: 'c0' });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handler.execute({ type: 'CommentOnTicket', ticketId: 'ABC-1234', body: `note ${i}`, visibility: 'internal' }, { actor: operator, commandId: `n${i}` }),
      ),
    );
    const { records } = await loadTicket(store, 'ABC-1234');
    expect(records.map((r) => r.stored.revision)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(new Set(records.map((r) => r.event?.metadata.commandId)).size).toBe(21);
  });
});

describe('the command pipeline deciding on fresh state', () => {
  const now = Date.parse('2026-11-02T15:00:00Z');
  const setup = async () => {
    const store = new WatchedStore();
    const seen: string[] = [];
    const handler = new TicketCommandHandler(store, catalog, () => new Date(now), new InMemoryResidentKeyStore(), {
      commandFinished: (type, outcome) => seen.push(`${type}:${outcome}`),
      conflict: (type, retried) => seen.push(`${type}:conflict:${retried}`),
    });
    await handler.execute(open(), { actor: operator, commandId: 'c1' });
    await handler.execute({ type: 'AssignTicket', ticketId: 'ABC-1234', department: 'DPW' }, { actor: operator, commandId: 'c2' });
    store.reads = 0;
    seen.length = 0;
    return { store, handler, seen };
  };
  const comment = (body: string) => ({ type: 'CommentOnTicket' as const, ticketId: 'ABC-1234', body, visibility: 'internal' as const });

  it('reads the stream once: the command is picked from the state it loaded, decided on it and appended at its revision', async () => {
    const { store, handler, seen } = await setup();
    const picked: string[] = [];
    const done = await handler.executeOnFresh(
      'ABC-1234',
      (ticket) => {
        picked.push(`${ticket.state.status}@${ticket.revision}`);
        return { command: comment(`seen at ${ticket.revision}`), commandId: `note-${ticket.revision}` };
      },
      { actor: operator },
    );
    expect(store.reads).toBe(1);
    expect(picked).toEqual(['assigned@1']);
    expect(done).toMatchObject({
      chosen: { commandId: 'note-1' },
      result: { revision: 2, status: 'assigned', events: ['TicketCommented'] },
      state: { status: 'assigned' },
    });
    const { records } = await loadTicket(store, 'ABC-1234');
    expect(records.at(-1)?.event?.metadata).toMatchObject({ commandId: 'note-1', correlationId: 'note-1', actor: operator });
    expect(seen).toEqual(['CommentOnTicket:accepted']);
  });

  it('picks again on fresh state when another writer got there first', async () => {
    const { store, handler, seen } = await setup();
    const other = new TicketCommandHandler(store, catalog, () => new Date(now), new InMemoryResidentKeyStore());
    store.interleave(async () => {
      await other.execute(comment('meanwhile'), { actor: operator, commandId: 'other' });
    });
    const picked: number[] = [];
    const done = await handler.executeOnFresh(
      'ABC-1234',
      (ticket) => (picked.push(ticket.revision!), { command: comment('mine'), commandId: `note-${ticket.revision}` }),
      { actor: operator },
    );
    expect(picked).toEqual([1, 2]);
    expect(done?.result.revision).toBe(3);
    expect((await loadTicket(store, 'ABC-1234')).records.map((r) => r.event?.metadata.commandId)).toEqual(['c1', 'c2', 'other', 'note-2']);
    expect(seen).toEqual(['CommentOnTicket:conflict:true', 'CommentOnTicket:accepted']);
  });

  it('writes and reports nothing when nothing is picked, and refuses what the domain refuses', async () => {
    const { store, handler, seen } = await setup();
    await expect(handler.executeOnFresh('ABC-1234', () => undefined, { actor: operator })).resolves.toBeUndefined();
    await expect(
      handler.executeOnFresh('ABC-1234', () => ({ command: { type: 'ReopenTicket', ticketId: 'ABC-1234', reason: 'again' }, commandId: 'r1' }), {
        actor: operator,
      }),
    ).rejects.toBeInstanceOf(CommandRefused);
    expect((await loadTicket(store, 'ABC-1234')).revision).toBe(1);
    expect(seen).toEqual(['ReopenTicket:IllegalTransition']);
  });
});
