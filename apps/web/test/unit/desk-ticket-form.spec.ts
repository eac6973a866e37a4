import { duplicateQuery, emptyDraft, missingBeforeSending, ticketBody, ticketContactOf, type TicketDraft } from '../../src/lib/desk-ticket-form';

const draft = (changes: Partial<TicketDraft>): TicketDraft => ({ ...emptyDraft('POTHOLE'), description: 'Deep pothole', ...changes });
const resident = (details: Partial<TicketDraft['resident']>) => ({ name: '', phone: '', email: '', ...details });

describe('the desk’s ticket form', () => {
  it('sends the resident’s language and wish for updates as the ticket’s contact data, and none for an anonymous resident', () => {
    // Given a resident who speaks Spanish and wants text messages
    const given = draft({ resident: resident({ phone: ' 978-555-0123 ' }), language: 'es', updates: 'sms' });
    // Then the contact carries them with the phone
    expect(ticketContactOf(given)).toEqual({ phone: '978-555-0123', language: 'es', updates: 'sms' });
    expect(ticketBody(given, [], 'phone', 'contact-1')).toMatchObject({
      channel: 'phone',
      contact: { language: 'es', updates: 'sms' },
      raisedByContact: 'contact-1',
    });
    // And nothing asked and nothing given sends no contact; anonymous drops everything
    expect(ticketContactOf(draft({}))).toBeUndefined();
    expect(ticketContactOf({ ...given, anonymous: true })).toBeUndefined();
  });

  it('names what updates need before sending: a phone for text messages, an address for e-mail', () => {
    expect(missingBeforeSending(draft({ updates: 'sms' }), [])).toEqual([{ field: 'contact.phone', message: expect.stringContaining('text message') }]);
    expect(missingBeforeSending(draft({ updates: 'email' }), [])).toEqual([{ field: 'contact.email', message: expect.stringContaining('e-mail') }]);
    expect(missingBeforeSending(draft({ updates: 'email', resident: resident({ email: 'ann@example.org' }) }), [])).toEqual([]);
  });

  it('asks for duplicates by the place given, and by the resident only for a caller who may look residents up, once the phone or e-mail looks whole', () => {
    // Given nothing to compare: no query
    expect(duplicateQuery(draft({}), true)).toBeUndefined();
    // Given coordinates (both) and an address
    expect(duplicateQuery(draft({ latitude: '42.77', longitude: '-71.08', address: ' 1 Birch St ' }), false)).toEqual({
      service: 'POTHOLE',
      lat: '42.77',
      long: '-71.08',
      address: '1 Birch St',
    });
    // A latitude alone is no point
    expect(duplicateQuery(draft({ latitude: '42.77' }), true)).toBeUndefined();
    // A half-typed phone is not sent (the API records such a search as a look-up); a whole one is, for a caller who may
    expect(duplicateQuery(draft({ resident: resident({ phone: '978-55' }) }), true)).toBeUndefined();
    expect(duplicateQuery(draft({ resident: resident({ phone: '978-555-0142', email: 'ann@example' }) }), true)).toEqual({
      service: 'POTHOLE',
      phone: '978-555-0142',
    });
    expect(duplicateQuery(draft({ resident: resident({ email: 'ann@example.org' }) }), true)).toEqual({ service: 'POTHOLE', email: 'ann@example.org' });
    expect(duplicateQuery(draft({ resident: resident({ phone: '978-555-0142' }) }), false)).toBeUndefined();
  });
});
