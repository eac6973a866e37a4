import { actors } from '../testing/test-catalog';
import { given, steps } from '../testing/ticket-spec';

const report = {
  type: 'RecordAnotherReport',
  channel: 'phone',
  contact: { name: 'B. Neighbour', phone: '(978) 555-0142' },
  raisedByContact: 'CALL-7',
} as const;

describe('another report of the same problem', () => {
  it('is recorded on an open ticket with the reporter, the channel and the 311 contact, and counted; the ticket does not move', () => {
    const { state, events } = given(steps.open(), steps.assign())
      .when(report, actors.operator)
      .then({
        type: 'AnotherReportRecorded',
        data: { channel: 'phone', contact: { name: 'B. Neighbour', phone: '(978) 555-0142' }, raisedByContact: 'CALL-7' },
        metadata: expect.objectContaining({ actor: actors.operator, schemaVersion: 1 }),
      });
    expect(state).toMatchObject({ status: 'assigned', otherReports: 1 });
    expect(events[0].data).not.toHaveProperty('note');
  });

  it('is recorded in every open state, by the ticket’s department too, and counts each report', () => {
    given(steps.open()).when(report, actors.operator).then({ type: 'AnotherReportRecorded' });
    given(steps.open(), steps.assign(), steps.start()).when(report, actors.dpwStaff).then({ type: 'AnotherReportRecorded' });
    given(steps.open(), steps.assign(), steps.hold()).when(report, actors.director).then({ type: 'AnotherReportRecorded' });
    given(steps.open(), steps.assign(), steps.escalate()).when(report, actors.operator).then({ type: 'AnotherReportRecorded' });
    const twice = given(steps.open(), { command: report, by: actors.operator })
      .when({ type: 'RecordAnotherReport', channel: 'web' }, actors.operator)
      .then({
        type: 'AnotherReportRecorded',
        data: { channel: 'web' },
      });
    expect(twice.state.otherReports).toBe(2);
  });

  it('is refused once the ticket is completed or closed: the resident’s report then needs a reopen or a new ticket', () => {
    given(steps.open(), steps.assign(), steps.complete()).when(report, actors.operator).thenFails('IllegalTransition');
    given(steps.open(), steps.close()).when(report, actors.operator).thenFails('IllegalTransition');
  });

  it('is refused to a resident token and to another department’s staff, naming the rule', () => {
    given(steps.open(), steps.assign())
      .when(report, actors.resident)
      .thenFails('Forbidden', { rule: 'anotherReportIsRecordedByOperatorsTheDepartmentAndTheDirector' });
    given(steps.open(), steps.assign())
      .when(report, actors.clerkStaff)
      .thenFails('Forbidden', { rule: 'anotherReportIsRecordedByOperatorsTheDepartmentAndTheDirector' });
  });

  it('checks the reporter’s contact data exactly as an open checks a ticket’s, naming each field', () => {
    const decision = given(steps.open()).when(
      { type: 'RecordAnotherReport', channel: 'fax' as never, contact: { phone: 'call me', email: 'nobody' }, raisedByContact: 'no spaces!' },
      actors.operator,
    ).decision;
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.field : p.kind))).toEqual([
      'channel',
      'contact.phone',
      'contact.email',
      'raisedByContact',
    ]);
  });
});
