import { newResidentKey, type ResidentKeyState } from '@switchboard/ticketing';
import { contactStream } from './contact-stream';
import type { StampedContactEvent } from './contact-events';

const stream = contactStream.streamName('C1');
const resident = { name: 'Rosa Diaz', phone: '978-555-0199' };
const identified: StampedContactEvent = {
  type: 'ResidentIdentified',
  data: { resident },
  metadata: {
    eventId: 'e1',
    commandId: 'c1',
    correlationId: 'c1',
    causationId: 'c1',
    actor: { id: 'op', role: 'operator' },
    occurredAt: '2026-03-02T14:00:00.000Z',
    schemaVersion: 1,
  },
};
const ring = (state: ResidentKeyState) => ({ lookup: (id: string) => (id === stream ? state : undefined) });
const asStored = (encoded: object) => ({ ...JSON.parse(JSON.stringify(encoded)), streamName: stream });

describe('the resident in the contact stream codec', () => {
  it('given a resident, when encoded with the contact’s key, then the log holds it sealed and it decodes back with the key only', () => {
    const key = newResidentKey();
    const stored = asStored(contactStream.encode(identified, { recordId: stream, key }));
    expect(JSON.stringify(stored)).not.toContain('Rosa');
    expect(contactStream.decode(stored, ring(key))).toEqual(identified);
    expect(contactStream.decode(stored, ring('erased'))?.data).toEqual({});
    expect(contactStream.decode(stored)?.data).toEqual({});
    expect(() => contactStream.encode(identified)).toThrow(/sealed/);
  });

  it('given a resident written in the clear before sealing, when decoded, then it reads until the contact is erased', () => {
    const plain = { ...identified, streamName: stream };
    expect(contactStream.decode(plain, ring(undefined))?.data).toEqual({ resident });
    expect(contactStream.decode(plain, ring('erased'))?.data).toEqual({});
  });
});
