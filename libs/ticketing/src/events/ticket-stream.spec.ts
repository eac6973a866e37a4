import { decodeTicketEvent, encodeTicketEvent, stampEvent, ticketIdOfStream, ticketStreamName } from './ticket-stream';
import { deterministicEventId } from './event-ids';
import type { TicketEvent } from './ticket-events';

const actor = { id: 'op-ana', role: 'operator' } as const;
const commented: TicketEvent = { type: 'TicketCommented', data: { commentId: 'c1', body: 'Crew scheduled', visibility: 'public' } };

describe('the ticket stream codec', () => {
  it('names a ticket’s stream and reads the id back; other streams name no ticket', () => {
    expect(ticketStreamName('K7M-4QX2')).toBe('ticket-K7M-4QX2');
    expect(ticketIdOfStream('ticket-K7M-4QX2')).toBe('K7M-4QX2');
    expect(ticketIdOfStream('ticket-ticket-1')).toBe('ticket-1');
    expect(ticketIdOfStream('ticket-')).toBeUndefined();
    expect(ticketIdOfStream('article-K7M')).toBeUndefined();
  });

  it('stamps metadata: ids from the command id and index, correlation and causation defaulting to it, the schema version of today', () => {
    const event = stampEvent(commented, 2, { commandId: 'cmd-1', actor, occurredAt: '2026-11-02T14:00:00.000Z' });
    expect(event.metadata).toEqual({
      eventId: deterministicEventId('cmd-1', 2),
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
      actor,
      occurredAt: '2026-11-02T14:00:00.000Z',
      schemaVersion: 1,
    });
  });

  it('binds a decided event to its command by type and digest; an imported one names its source', () => {
    const command = { type: 'CommentOnTicket', ticketId: 'K7M-4QX2', body: 'Crew scheduled', visibility: 'public' } as const;
    const decided = stampEvent(commented, 0, { commandId: 'k1', actor, occurredAt: '2026-11-02T14:00:00.000Z', command });
    expect(decided.metadata).toMatchObject({ commandType: 'CommentOnTicket', commandDigest: expect.stringMatching(/^[\w-]{43}$/) });
    const imported = stampEvent(commented, 0, {
      commandId: 'import:x:1',
      actor,
      occurredAt: '2020-01-01T00:00:00.000Z',
      imported: { source: 'x', originalId: '1' },
    });
    expect(imported.metadata).toMatchObject({ imported: { source: 'x', originalId: '1' } });
    expect(imported.metadata).not.toHaveProperty('commandDigest');
  });

  it('encodes for the store and decodes back to the same event, also through JSON', () => {
    const event = stampEvent(commented, 0, { commandId: 'cmd-2', actor, occurredAt: '2026-11-02T14:00:00.000Z' });
    const encoded = encodeTicketEvent(event);
    expect(encoded.id).toBe(event.metadata.eventId);
    expect(decodeTicketEvent(JSON.parse(JSON.stringify(encoded)))).toEqual(event);
  });

  it('decodes an event of an unknown type to nothing, and upcasts an old schema', () => {
    expect(decodeTicketEvent({ type: 'TicketTeleported', data: {}, metadata: {} })).toBeUndefined();
    const v1 = decodeTicketEvent({ type: 'TicketEscalated', data: { level: 1, reason: 'complex' }, metadata: { schemaVersion: 1 } });
    expect(v1?.data).toMatchObject({ tier: 1 });
  });
});
