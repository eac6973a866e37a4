import { decodeTicketEvent, encodeTicketEvent, stampEvent, ticketStreamName } from '../events/ticket-stream';
import type { TicketEvent } from '../events/ticket-events';
import { newResidentKey, type ResidentKeyRing, type ResidentKeyState } from './resident-data';

const actor = { id: 'op-ana', role: 'operator' } as const;
const stream = ticketStreamName('K7M-4QX2');
const contact = { name: 'Maria Lopez', phone: '+16175550142', email: 'maria@example.org', language: 'es', updates: 'sms' } as const;
const opened: TicketEvent = {
  type: 'TicketOpened',
  data: { ticketId: 'K7M-4QX2', serviceCode: 'POTHOLE', owningDepartment: 'DPW', description: 'Deep hole', channel: 'phone', priority: 'normal', contact },
};
const stamped = stampEvent(opened, 0, { commandId: 'cmd-1', actor, occurredAt: '2026-11-02T14:00:00.000Z' });
const ring = (keys: Record<string, ResidentKeyState>): ResidentKeyRing => ({ lookup: (id) => keys[id] });
/** What a store hands back: the stored JSON, read from the ticket's stream. */
const asStored = (encoded: object) => ({ ...JSON.parse(JSON.stringify(encoded)), streamName: stream });

describe('resident data in the ticket stream codec', () => {
  it('given a contact, when encoded, then the stored data holds no plaintext and decodes back with the ticket’s key', () => {
    const key = newResidentKey();
    const encoded = encodeTicketEvent(stamped, { recordId: stream, key });
    const text = JSON.stringify(encoded);
    for (const value of [contact.name, contact.phone, contact.email, 'updates', 'language']) expect(text).not.toContain(value);
    expect(encoded.data.contact).toEqual({ sealed: expect.stringMatching(/^A256GCM\.[\w-]+\.[\w-]+\.[\w-]+$/) });
    expect(decodeTicketEvent(asStored(encoded), ring({ [stream]: key }))).toEqual(JSON.parse(JSON.stringify(stamped)));
  });

  it('given the same event encoded twice, then the stored text is the same (an idempotent retry still matches)', () => {
    const key = newResidentKey();
    expect(encodeTicketEvent(stamped, { recordId: stream, key })).toEqual(encodeTicketEvent(stamped, { recordId: stream, key }));
    const other = stampEvent({ ...opened, data: { ...opened.data, contact: { name: 'Other' } } } as TicketEvent, 0, stamped.metadata);
    expect(encodeTicketEvent(other, { recordId: stream, key }).data.contact).not.toEqual(encodeTicketEvent(stamped, { recordId: stream, key }).data.contact);
  });

  it('given a contact and no key, when encoded, then the writer is refused: personal data is never stored in the clear', () => {
    expect(() => encodeTicketEvent(stamped)).toThrow(/sealed/);
  });

  it('given an erased ticket, when a contact is encoded, then it is left out', () => {
    expect(encodeTicketEvent(stamped, { recordId: stream, key: 'erased' }).data).not.toHaveProperty('contact');
  });

  it('given sealed data, when decoded erased, without keys, with another key or from another stream, then the contact is left out and the rest reads', () => {
    const key = newResidentKey();
    const stored = asStored(encodeTicketEvent(stamped, { recordId: stream, key }));
    for (const keys of [ring({ [stream]: 'erased' }), ring({}), ring({ [stream]: newResidentKey() })]) {
      const event = decodeTicketEvent(stored, keys);
      expect(event?.data).not.toHaveProperty('contact');
      expect(event?.data).toMatchObject({ description: 'Deep hole', serviceCode: 'POTHOLE' });
    }
    expect(decodeTicketEvent({ ...stored, streamName: ticketStreamName('OTHER-1') }, ring({ [ticketStreamName('OTHER-1')]: key }))?.data).not.toHaveProperty(
      'contact',
    );
    expect(decodeTicketEvent(stored)?.data).not.toHaveProperty('contact');
  });

  it('given sealed text changed by one character, when decoded with the key, then the contact is left out (authenticated)', () => {
    const key = newResidentKey();
    const stored = asStored(encodeTicketEvent(stamped, { recordId: stream, key }));
    const sealed: string = stored.data.contact.sealed;
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    expect(decodeTicketEvent({ ...stored, data: { ...stored.data, contact: { sealed: flipped } } }, ring({ [stream]: key }))?.data).not.toHaveProperty(
      'contact',
    );
  });

  it('given plaintext contact written before sealing (v1 and v2), when decoded, then it reads until the ticket is erased', () => {
    const v2 = { streamName: stream, type: 'TicketOpened', data: { ...opened.data }, metadata: { ...stamped.metadata } };
    expect(decodeTicketEvent(v2, ring({}))?.data).toMatchObject({ contact });
    expect(decodeTicketEvent(v2, ring({ [stream]: 'erased' }))?.data).not.toHaveProperty('contact');
    const { contact: _c, owningDepartment: _d, ...v1Rest } = opened.data as Record<string, unknown>;
    const v1 = {
      streamName: stream,
      type: 'TicketOpened',
      data: { ...v1Rest, department: 'DPW', residentName: 'Maria Lopez' },
      metadata: { schemaVersion: 1 },
    };
    expect(decodeTicketEvent(v1, ring({}))?.data).toMatchObject({ contact: { name: 'Maria Lopez' } });
    expect(decodeTicketEvent(v1, ring({ [stream]: 'erased' }))?.data).not.toHaveProperty('contact');
  });
});
