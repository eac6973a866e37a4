import { actors } from '../testing/test-catalog';
import { given, steps } from '../testing/ticket-spec';

const open = {
  type: 'OpenTicket',
  serviceCode: 'POTHOLE',
  description: 'Deep pothole outside the school',
  channel: 'phone',
} as const;

const fieldsOf = (decision: ReturnType<ReturnType<typeof given>['when']>['decision']) =>
  decision.ok ? [] : (decision.problems ?? []).map((p) => (p.kind === 'InvalidCommand' ? p.message : p.kind));

describe('a resident’s language and whether and how they want updates', () => {
  it('are recorded with the ticket’s contact data when the ticket is opened', () => {
    const contact = { name: 'Ana Ruiz', email: 'ana@example.org', language: 'es', updates: 'email' } as const;
    given()
      .when({ ...open, contact }, actors.operator)
      .then({ type: 'TicketOpened', data: expect.objectContaining({ contact }) });
  });

  it('take a region with the language (pt-BR), and updates by text message with a phone number', () => {
    given()
      .when({ ...open, contact: { phone: '978-555-0142', language: 'pt-BR', updates: 'sms' } }, actors.operator)
      .then({ type: 'TicketOpened' });
  });

  it('name the field when the language is not a code or the way is unknown', () => {
    const decision = given().when(
      { ...open, contact: { phone: '978-555-0142', language: 'Spanish', updates: 'carrier pigeon' as never } },
      actors.operator,
    ).decision;
    expect(fieldsOf(decision)).toEqual(['contact.language: must be a language code, e.g. en, es or pt-BR', 'contact.updates: must be one of none, email, sms']);
  });

  it('refuse updates by e-mail without an address, and by text without a phone, on an open and on another report', () => {
    expect(fieldsOf(given().when({ ...open, contact: { phone: '978-555-0142', updates: 'email' } }, actors.operator).decision)).toEqual([
      'contact.updates: updates by e-mail need contact.email',
    ]);
    const report = { type: 'RecordAnotherReport', channel: 'phone', contact: { email: 'ana@example.org', updates: 'sms' } } as const;
    expect(fieldsOf(given(steps.open()).when(report, actors.operator).decision)).toEqual(['contact.updates: updates by text message need contact.phone']);
  });
});
