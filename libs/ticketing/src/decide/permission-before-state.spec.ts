import { TICKET_COMMAND_TYPES } from '../commands/ticket-commands';
import type { TicketStatus } from '../model/ticket-state';
import { HISTORY_TO } from '../testing/state-histories';
import { actors } from '../testing/test-catalog';
import { given, steps } from '../testing/ticket-spec';
import { sampleCommand } from '../testing/command-samples';

// Permission is judged before state: a caller the permission table leaves out of a command
// learns that, not the ticket's state and what others could do with it now.

describe('a command the caller may never issue is Forbidden in every state', () => {
  it('a resident resuming an assigned ticket is refused by the work rule, not told the ticket is assigned', () => {
    const error = given(...HISTORY_TO.assigned)
      .when({ type: 'ResumeTicket' }, actors.resident)
      .thenFails('Forbidden', {
        rule: 'onlyTheTicketsDepartmentWorksIt',
      });
    expect(error.message).not.toMatch(/assigned/);
  });

  it('a resident reopening a ticket in progress is refused by the reopen rule', () => {
    given(...HISTORY_TO.in_progress)
      .when({ type: 'ReopenTicket', reason: 'not fixed' }, actors.resident)
      .thenFails('Forbidden', { rule: 'reopeningIsForOperatorsTheCompletingDepartmentsHeadAndTheDirector' });
  });

  it('another department’s staff resuming a held ticket of DPW are refused as outsiders', () => {
    given(...HISTORY_TO.in_progress)
      .when({ type: 'ResumeTicket' }, actors.clerkStaff)
      .thenFails('Forbidden', { rule: 'onlyTheTicketsDepartmentWorksIt', whoMay: expect.arrayContaining([{ role: 'staff', department: 'DPW' }]) });
  });

  it('a resident commenting on a closed ticket is Forbidden, while the director is told the ticket is closed', () => {
    given(...HISTORY_TO.closed)
      .when({ type: 'CommentOnTicket', body: 'hello', visibility: 'public' }, actors.resident)
      .thenFails('Forbidden', { rule: 'commentsComeFromOperatorsAndTheDepartment' });
    given(...HISTORY_TO.closed)
      .when({ type: 'CommentOnTicket', body: 'hello', visibility: 'public' }, actors.director)
      .thenFails('IllegalTransition', { state: 'closed' });
  });

  it('staff asking for an SLA breach record are refused by the system-only rule', () => {
    given(...HISTORY_TO.completed)
      .when({ type: 'RecordSlaBreach' }, actors.dpwStaff)
      .thenFails('Forbidden', { rule: 'onlyTheSystemRecordsSlaBreaches' });
  });
});

describe('a caller who may issue the command somewhere still learns the state', () => {
  it('the department’s own staff resuming an assigned ticket get IllegalTransition with what is allowed', () => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'ResumeTicket' }, actors.dpwStaff)
      .thenFails('IllegalTransition', { state: 'assigned' });
  });

  it('the department head reopening a ticket still in progress is told it is not completed', () => {
    given(steps.open(), steps.assign(), steps.start())
      .when({ type: 'ReopenTicket', reason: 'again' }, actors.dpwHead)
      .thenFails('IllegalTransition', { state: 'in_progress' });
  });
});

describe('across every state and command', () => {
  const refusals = Object.entries(HISTORY_TO).flatMap(([status, history]) =>
    TICKET_COMMAND_TYPES.filter((type) => type !== 'OpenTicket' && status !== 'unopened').map((type) => ({ status, history, type })),
  );

  it.each(refusals)('in $status, $type by a resident is never an IllegalTransition', ({ status, history, type }) => {
    const state = given(...history).state;
    const { command } = sampleCommand(type, state, Date.parse('2026-11-03T15:00:00.000Z'));
    const decision = given(...history).when(command as never, actors.resident).decision;
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect({ status: status as TicketStatus, kind: decision.error.kind }).toEqual({ status, kind: 'Forbidden' });
  });
});
