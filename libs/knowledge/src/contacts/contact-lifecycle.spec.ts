import { CONTACT_ID, contactSteps, givenContact } from '../testing/contact-spec';
import { people } from '../testing/demo-catalog';
import { contactStream } from './contact-stream';

const { start, identify, article, promise, end } = contactSteps;

describe('contact lifecycle', () => {
  it('an operator takes a contact on a department line routed to 311; the operator and start are recorded', () => {
    const { state } = givenContact()
      .when({ type: 'StartContact', channel: 'phone', line: 'TREASURER' }, people.operator)
      .then({ type: 'ContactStarted', data: { contactId: CONTACT_ID, channel: 'phone', line: 'TREASURER' }, metadata: { actor: people.operator } });
    expect(state).toMatchObject({ status: 'open', operatorId: 'op-ana', startedAt: '2026-11-02T14:01:00.000Z' });
  });

  it('the line must be a department of the catalog; staff do not take 311 contacts', () => {
    givenContact()
      .when({ type: 'StartContact', channel: 'phone', line: 'LIBRARY' }, people.operator)
      .thenFails('NotFound', { what: 'department', id: 'LIBRARY' });
    givenContact().when({ type: 'StartContact', channel: 'phone', line: '311' }, people.dpwStaff).thenFails('Forbidden', { rule: 'operatorsTakeContacts' });
  });

  it('records what happened, in order: articles, tickets, transfers, callbacks', () => {
    const given = givenContact(start(), identify(), article(), {
      command: { type: 'LinkTicket', ticketId: 'K7M-4QX2', relation: 'opened' },
      by: people.operator,
    });
    const { state } = given.when({ type: 'TransferContact', department: 'TREASURER', reached: false }, people.operator).then({ type: 'ContactTransferred' });
    expect(state.steps.map((s) => s.kind)).toEqual(['article_used', 'ticket', 'transfer']);
    expect(state.resident).toEqual({ name: 'Rosa Diaz', phone: '(978) 555-0199' });
  });

  it('only the operator who took the contact (or the director) records on it; the refusal names them', () => {
    const error = givenContact(start()).when(article().command, people.operator2).thenFails('Forbidden', { rule: 'onlyTheOperatorWhoTookAContactRecordsOnIt' });
    expect(error.whoMay).toEqual([{ role: 'operator', id: 'op-ana' }, { role: 'director' }]);
    expect(error.message).toBe('operator op-raj may not RecordArticleUsed on this contact; who may: operator op-ana, director');
    givenContact(start()).when(article().command, people.director).then({ type: 'ArticleUsed' });
  });

  it('a ticket is linked once', () => {
    const link = { type: 'LinkTicket', ticketId: 'K7M-4QX2', relation: 'opened' } as const;
    givenContact(start(), { command: link, by: people.operator }).when(link, people.operator).thenFails('InvalidCommand', { field: 'ticketId' });
  });

  it('a callback needs a way to reach the resident, and names the department that calls back', () => {
    givenContact(start()).when(promise().command, people.operator).thenFails('IllegalTransition', { rule: 'aCallbackNeedsAWayToReachTheResident' });
    const { state } = givenContact(start(), identify())
      .when(promise().command, people.operator)
      .then({ type: 'CallbackPromised', data: { callbackId: 'cmd-3', department: 'TREASURER', dueBy: '2026-11-03T21:00:00Z' } });
    expect(state.callbacks).toEqual([{ callbackId: 'cmd-3', department: 'TREASURER', promisedAt: '2026-11-02T14:03:00.000Z', dueBy: '2026-11-03T21:00:00Z' }]);
  });

  it('an ended contact cannot be changed, except completing a promised callback — by the callback department', () => {
    const ended = givenContact(start(), identify(), promise(), end());
    ended.when(article().command, people.operator).thenFails('IllegalTransition', { state: 'ended', allowed: ['CompleteCallback'] });
    ended.when({ type: 'CompleteCallback', callbackId: 'cmd-3', reached: true }, people.dpwStaff).thenFails('Forbidden', {
      whoMay: [{ role: 'operator' }, { role: 'staff', department: 'TREASURER' }, { role: 'department_head', department: 'TREASURER' }, { role: 'director' }],
    });
    const { state } = ended
      .when(
        { type: 'CompleteCallback', callbackId: 'cmd-3', reached: true },
        { id: 'tr-lu', role: 'staff', department: 'TREASURER' },
        '2026-11-03T15:00:00.000Z',
      )
      .then({ type: 'CallbackCompleted', data: { callbackId: 'cmd-3', reached: true } });
    expect(state.callbacks[0]).toMatchObject({ completedAt: '2026-11-03T15:00:00.000Z', completedBy: 'tr-lu', reached: true });
  });

  it('a callback is completed once; an unknown one is named', () => {
    const done = givenContact(start(), identify(), promise(), end(), {
      command: { type: 'CompleteCallback', callbackId: 'cmd-3', reached: true },
      by: people.operator2,
    });
    done.when({ type: 'CompleteCallback', callbackId: 'cmd-3', reached: true }, people.operator2).thenFails('InvalidCommand', { field: 'callbackId' });
    done.when({ type: 'CompleteCallback', callbackId: 'cmd-99', reached: true }, people.operator2).thenFails('InvalidCommand', { field: 'callbackId' });
  });

  it('ending records the outcome and the end', () => {
    const { state } = givenContact(start())
      .when({ type: 'EndContact', outcome: 'abandoned' }, people.operator)
      .then({ type: 'ContactEnded', data: { outcome: 'abandoned' } });
    expect(state).toMatchObject({ status: 'ended', outcome: 'abandoned', endedAt: '2026-11-02T14:02:00.000Z' });
  });

  it('an unknown contact is NotFound', () => {
    givenContact().when(end().command, people.operator).thenFails('NotFound', { what: 'contact', id: CONTACT_ID });
  });

  describe('resident identity: the checks a ticket contact gets', () => {
    it('names a bad e-mail and a bad phone, and an unknown field', () => {
      const decision = givenContact(start()).when(
        { type: 'IdentifyResident', resident: { email: 'rosa@', phone: 'call me', address: '1 Elm St' } as never },
        people.operator,
      ).decision;
      expect(decision.ok).toBe(false);
      if (decision.ok) return;
      expect(decision.problems?.map((p) => p.message)).toEqual([
        'resident.address: unknown field (known fields: name, phone, email)',
        'resident.phone: must be a phone number: digits, spaces, + ( ) - ., optionally "ext" and an extension',
        'resident.email: must be an e-mail address, e.g. name@example.org',
      ]);
    });

    it('an identity with nothing in it is refused', () => {
      givenContact(start()).when({ type: 'IdentifyResident', resident: {} }, people.operator).thenFails('InvalidCommand', { field: 'resident' });
    });

    it('a start may carry the identity, checked the same way', () => {
      givenContact()
        .when({ type: 'StartContact', channel: 'email', line: '311', resident: { email: 'nope' } }, people.operator)
        .thenFails('InvalidCommand', {
          field: 'resident.email',
        });
    });
  });

  it('other field problems are named: channel, relation, dueBy', () => {
    givenContact()
      .when({ type: 'StartContact', channel: 'fax', line: '311' } as never, people.operator)
      .thenFails('InvalidCommand', { field: 'channel' });
    givenContact(start())
      .when({ type: 'LinkTicket', ticketId: 'K7M-4QX2', relation: 'caused' } as never, people.operator)
      .thenFails('InvalidCommand', { field: 'relation' });
    givenContact(start(), identify())
      .when({ type: 'PromiseCallback', department: '311', dueBy: 'tomorrow' }, people.operator)
      .thenFails('InvalidCommand', { field: 'dueBy' });
  });

  it('streams are contact-<id>, and decode what they encode', () => {
    const { events } = givenContact().when(start().command, people.operator).then({ type: 'ContactStarted' });
    expect(contactStream.streamName(CONTACT_ID)).toBe('contact-C-7K2M9Q');
    expect(contactStream.idOfStream('contact-C-7K2M9Q')).toBe(CONTACT_ID);
    expect(contactStream.decode(JSON.parse(JSON.stringify(contactStream.encode(events[0]))))).toEqual(JSON.parse(JSON.stringify(events[0])));
  });
});
