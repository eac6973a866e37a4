import { HISTORY_TO } from '../testing/state-histories';
import { actors } from '../testing/test-catalog';
import { given, steps, TICKET_ID } from '../testing/ticket-spec';
import type { Actor } from '../model/actor';
import { initialTicketState } from '../model/ticket-state';
import { PERMISSION_RULES, responsibleDepartment } from './policy-rules';

// Each rule of the permission table, from both sides: who may, and who may not. Every refusal is
// asked in a state where the command is possible, so the rule is what decides it.

const DAY_MS = 24 * 3600_000;
const REOPEN_WINDOW_MS = 30 * DAY_MS; // testCatalog: reopenWindowDays 30

describe('who routes tickets (operatorsDepartmentHeadsAndTheDirectorRouteTickets)', () => {
  it('the director routes an intake ticket', () => {
    given(steps.open())
      .when(steps.assign('CLERK').command, actors.director)
      .then({ type: 'TicketAssigned', data: expect.objectContaining({ department: 'CLERK' }) });
  });

  it('the head of the department owning the service routes it before anyone has', () => {
    given(steps.open()).when(steps.assign('CLERK').command, actors.dpwHead).then({ type: 'TicketAssigned' });
    given(steps.open()).when(steps.assign('CLERK').command, actors.clerkHead).thenFails('Forbidden', {
      rule: 'operatorsDepartmentHeadsAndTheDirectorRouteTickets',
    });
  });

  it('once routed, the head of the queue holding it routes it, not the owning department’s', () => {
    const inClerk = [steps.open(), steps.assign('CLERK')];
    given(...inClerk)
      .when(steps.assign('DPW').command, actors.clerkHead)
      .then({ type: 'TicketAssigned', data: expect.objectContaining({ department: 'DPW' }) });
    given(...inClerk)
      .when(steps.assign('DPW').command, actors.dpwHead)
      .thenFails('Forbidden', {
        rule: 'operatorsDepartmentHeadsAndTheDirectorRouteTickets',
        whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'CLERK' }, { role: 'director' }],
      });
  });

  it.each([
    ['a resident', actors.resident],
    ['the system', actors.system],
    ['staff of the department', actors.dpwStaff],
  ])('%s may not route', (_who, actor: Actor) => {
    given(steps.open()).when(steps.assign('CLERK').command, actor).thenFails('Forbidden', { rule: 'operatorsDepartmentHeadsAndTheDirectorRouteTickets' });
  });
});

describe('who works a ticket (onlyTheTicketsDepartmentWorksIt)', () => {
  it('the director and the department head may claim it', () => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'StartWork' }, actors.director)
      .then({ type: 'WorkStarted', data: { assignee: 'dir-eve' } });
    given(...HISTORY_TO.assigned)
      .when({ type: 'StartWork' }, actors.dpwHead)
      .then({ type: 'WorkStarted', data: { assignee: 'dpw-head' } });
  });

  it.each([
    ['an operator', actors.operator],
    ['a resident', actors.resident],
    ['the system', actors.system],
    ['the head of another department', actors.clerkHead],
  ])('%s may not claim it', (_who, actor: Actor) => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'StartWork' }, actor)
      .thenFails('Forbidden', { rule: 'onlyTheTicketsDepartmentWorksIt' });
  });

  it('a staff member of no department does not belong to a ticket of no department', () => {
    const rule = PERMISSION_RULES.onlyTheTicketsDepartmentWorksIt;
    const staffOfNone: Actor = { id: 'x', role: 'staff' };
    const args = {
      context: { ticket: initialTicketState, reopenWindowMs: REOPEN_WINDOW_MS, routesOnOpen: () => false },
      event: { type: 'StartWork', ticketId: TICKET_ID, actor: staffOfNone, now: 0 } as const,
    };
    expect(responsibleDepartment(initialTicketState)).toBeUndefined();
    expect(rule.check(args)).toBe(false);
    expect(rule.check({ ...args, event: { ...args.event, actor: actors.director } })).toBe(true);
  });
});

describe('who resolves at first contact (operatorsResolveAtFirstContact)', () => {
  it('the director may; the department head may not', () => {
    given(steps.open())
      .when({ type: 'CompleteTicket', resolutionCode: 'answered', note: 'Explained the schedule' }, actors.director)
      .then({ type: 'TicketCompleted', data: expect.objectContaining({ firstContactResolution: true }) });
    given(steps.open())
      .when({ type: 'CompleteTicket', resolutionCode: 'answered', note: 'Explained the schedule' }, actors.dpwHead)
      .thenFails('Forbidden', { rule: 'operatorsResolveAtFirstContact', whoMay: [{ role: 'operator' }, { role: 'director' }] });
  });
});

describe('who escalates (escalationsComeFromOperatorsTheDepartmentOrTheSystem)', () => {
  it.each([
    ['the director', actors.director],
    ['the department head', actors.dpwHead],
    ['staff of the department', actors.dpwStaff],
    ['an operator', actors.operator],
  ])('%s may escalate an assigned ticket', (_who, actor: Actor) => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'EscalateTicket', reason: 'complex' }, actor)
      .then({ type: 'TicketEscalated', data: expect.objectContaining({ tier: 1 }) });
  });

  it('staff of the owning department may escalate a ticket still in intake', () => {
    given(steps.open())
      .when({ type: 'EscalateTicket', reason: 'cannot_answer', department: 'CLERK' }, actors.dpwStaff)
      .then({ type: 'TicketEscalated', data: expect.objectContaining({ department: 'CLERK' }) });
  });

  it.each([
    ['a resident', actors.resident],
    ['staff of another department', actors.clerkStaff],
    ['the head of another department', actors.clerkHead],
  ])('%s may not escalate', (_who, actor: Actor) => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'EscalateTicket', reason: 'complex' }, actor)
      .thenFails('Forbidden', {
        rule: 'escalationsComeFromOperatorsTheDepartmentOrTheSystem',
      });
  });
});

describe('who comments (commentsComeFromOperatorsAndTheDepartment)', () => {
  const comment = { type: 'CommentOnTicket', body: 'Crew scheduled for Thursday', visibility: 'internal' } as const;

  it.each([
    ['the director', actors.director],
    ['the department head', actors.dpwHead],
  ])('%s may comment', (_who, actor: Actor) => {
    given(...HISTORY_TO.in_progress)
      .when(comment, actor)
      .then({ type: 'TicketCommented' });
  });

  it.each([
    ['a resident', actors.resident],
    ['the system', actors.system],
    ['staff of another department', actors.clerkStaff],
    ['the head of another department', actors.clerkHead],
  ])('%s may not comment', (_who, actor: Actor) => {
    given(...HISTORY_TO.in_progress)
      .when(comment, actor)
      .thenFails('Forbidden', { rule: 'commentsComeFromOperatorsAndTheDepartment' });
  });
});

describe('who sets priorities (prioritiesAreSetByOperatorsDepartmentHeadsAndTheDirector)', () => {
  it('the director and the department head may; another department’s head and a resident may not', () => {
    const change = { type: 'ChangePriority', priority: 'high' } as const;
    given(...HISTORY_TO.assigned)
      .when(change, actors.director)
      .then({ type: 'PriorityChanged', data: { from: 'normal', to: 'high' } });
    given(...HISTORY_TO.assigned)
      .when(change, actors.dpwHead)
      .then({ type: 'PriorityChanged' });
    given(...HISTORY_TO.assigned)
      .when(change, actors.clerkHead)
      .thenFails('Forbidden', { rule: 'prioritiesAreSetByOperatorsDepartmentHeadsAndTheDirector' });
    given(...HISTORY_TO.assigned)
      .when(change, actors.resident)
      .thenFails('Forbidden', { rule: 'prioritiesAreSetByOperatorsDepartmentHeadsAndTheDirector' });
  });
});

describe('who closes (closingIsForOperatorsDepartmentHeadsAndTheDirector)', () => {
  it.each([
    ['the director', actors.director],
    ['the department head', actors.dpwHead],
  ])('%s may close', (_who, actor: Actor) => {
    given(...HISTORY_TO.assigned)
      .when(steps.close().command, actor)
      .then({ type: 'TicketClosed', data: { reason: 'withdrawn' } });
  });

  it.each([
    ['staff of the department', actors.dpwStaff],
    ['a resident', actors.resident],
    ['the system', actors.system],
    ['the head of another department', actors.clerkHead],
  ])('%s may not close', (_who, actor: Actor) => {
    given(...HISTORY_TO.assigned)
      .when(steps.close().command, actor)
      .thenFails('Forbidden', {
        rule: 'closingIsForOperatorsDepartmentHeadsAndTheDirector',
        whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'DPW' }, { role: 'director' }],
      });
  });
});

describe('who reopens (reopeningIsForOperatorsTheCompletingDepartmentsHeadAndTheDirector)', () => {
  it('the director may', () => {
    given(...HISTORY_TO.completed)
      .when({ type: 'ReopenTicket', reason: 'bins still full' }, actors.director)
      .then({ type: 'TicketReopened' });
  });

  it.each([
    ['staff of the completing department', actors.dpwStaff],
    ['a resident', actors.resident],
    ['the system', actors.system],
  ])('%s may not', (_who, actor: Actor) => {
    given(...HISTORY_TO.completed)
      .when({ type: 'ReopenTicket', reason: 'x' }, actor)
      .thenFails('Forbidden', {
        rule: 'reopeningIsForOperatorsTheCompletingDepartmentsHeadAndTheDirector',
      });
  });

  it('the head of the department that completed it may, after a first-contact resolution too (the owning department)', () => {
    given(steps.open(), { command: { type: 'CompleteTicket', resolutionCode: 'answered', note: 'n' }, by: actors.operator })
      .when({ type: 'ReopenTicket', reason: 'caller rang again' }, actors.dpwHead)
      .then({ type: 'TicketReopened', data: expect.objectContaining({ department: 'DPW' }) });
  });

  it('the head of the department that completed it, not of the department that owns the service', () => {
    const completedByClerk = [steps.open(), steps.assign('CLERK'), steps.complete(actors.clerkStaff)];
    given(...completedByClerk)
      .when({ type: 'ReopenTicket', reason: 'x' }, actors.clerkHead)
      .then({ type: 'TicketReopened', data: expect.objectContaining({ department: 'CLERK' }) });
    given(...completedByClerk)
      .when({ type: 'ReopenTicket', reason: 'x' }, actors.dpwHead)
      .thenFails('Forbidden');
  });
});

describe('the reopen window (aReopenMustFallWithinTheWindow)', () => {
  // A fresh history in each test, built inside it, so that mutation testing sees which test reads the rule.
  const completed = () => {
    const g = given(...HISTORY_TO.completed);
    return { ...g, windowEnd: Date.parse(g.state.completedAt!) + REOPEN_WINDOW_MS };
  };

  it('is open up to and including its last millisecond', () => {
    const { when, windowEnd } = completed();
    when({ type: 'ReopenTicket', reason: 'x' }, actors.operator, new Date(windowEnd).toISOString()).then({ type: 'TicketReopened' });
  });

  it('is closed one millisecond later', () => {
    const { when, windowEnd } = completed();
    when({ type: 'ReopenTicket', reason: 'x' }, actors.operator, new Date(windowEnd + 1).toISOString()).thenFails('IllegalTransition', {
      rule: 'aReopenMustFallWithinTheWindow',
      state: 'completed',
    });
  });
});

describe('the SLA breach (aBreachIsRecordedOnceTheDueTimeHasPassed)', () => {
  it('is recorded at the due instant itself', () => {
    const g = given(...HISTORY_TO.assigned);
    g.when({ type: 'RecordSlaBreach' }, actors.system, g.state.dueAt).then({ type: 'SlaBreached', data: { dueAt: g.state.dueAt! } });
  });
});

describe('business rules on command fields', () => {
  it('a completion without any resolution code names the field', () => {
    given(...HISTORY_TO.in_progress)
      .when({ type: 'CompleteTicket', note: 'done' } as never, actors.dpwStaff)
      .thenFails('InvalidCommand', { field: 'resolutionCode' });
  });

  it('an escalation from intake naming a blank department names the field', () => {
    given(steps.open())
      .when({ type: 'EscalateTicket', reason: 'cannot_answer', department: '  ' }, actors.operator)
      .thenFails('InvalidCommand', { field: 'department' });
  });

  it('a duplicate with a blank parent, or its own id padded with spaces, is refused', () => {
    given(steps.open())
      .when({ type: 'CloseTicket', reason: 'duplicate', parentTicketId: '   ' }, actors.operator)
      .thenFails('InvalidCommand', { field: 'parentTicketId' });
    given(steps.open())
      .when({ type: 'CloseTicket', reason: 'duplicate', parentTicketId: ` ${TICKET_ID} ` }, actors.operator)
      .thenFails('InvalidCommand', { field: 'parentTicketId' });
  });

  it('a reassignment to the same department and the same assignee changes nothing; another assignee does', () => {
    const withAssignee = [steps.open(), steps.assign('DPW', 'dpw-bo')];
    given(...withAssignee)
      .when(steps.assign('DPW', 'dpw-bo').command, actors.operator)
      .thenFails('InvalidCommand', { field: 'department' });
    given(...withAssignee)
      .when(steps.assign('DPW', 'dpw-cy').command, actors.operator)
      .then({
        type: 'TicketAssigned',
        data: expect.objectContaining({ department: 'DPW', assignee: 'dpw-cy' }),
      });
  });
});

describe('a refusal by a business rule says what is wrong', () => {
  const breachHistory = [
    { ...steps.open(), at: '2026-11-02T14:01:00.000Z' },
    { ...steps.assign(), at: '2026-11-02T14:02:00.000Z' },
  ];

  it.each([
    [
      'a completion without a resolution',
      () => given(...HISTORY_TO.in_progress).when({ type: 'CompleteTicket', resolutionCode: ' ', note: 'done' }, actors.dpwStaff),
      'resolutionCode: a completion needs a resolution code',
    ],
    [
      'a reopen after the window',
      () => given(...HISTORY_TO.completed).when({ type: 'ReopenTicket', reason: 'late' }, actors.operator, '2027-01-15T15:00:00.000Z'),
      'the reopen window after completion has passed; open a new ticket instead',
    ],
    [
      'an escalation past the director',
      () => given(...HISTORY_TO.escalated, steps.escalate(actors.operator)).when({ type: 'EscalateTicket', reason: 'complex' }, actors.director),
      'the ticket is already escalated to the director, the highest tier',
    ],
    [
      'an escalation from intake without a department',
      () => given(steps.open()).when({ type: 'EscalateTicket', reason: 'cannot_answer' }, actors.operator),
      'department: an escalation from intake must name the department whose experts must answer',
    ],
    [
      'a system escalation for another reason than lateness',
      () => given(...HISTORY_TO.assigned).when({ type: 'EscalateTicket', reason: 'complex' }, actors.system),
      'reason: the system escalates only for the reason "overdue"',
    ],
    [
      'a duplicate without its parent',
      () => given(steps.open()).when({ type: 'CloseTicket', reason: 'duplicate' }, actors.operator),
      'parentTicketId: a duplicate must name its parent ticket, which cannot be the ticket itself',
    ],
    [
      'a reassignment that changes nothing',
      () => given(...HISTORY_TO.assigned).when(steps.assign().command, actors.operator),
      'department: the ticket is already assigned to this department and assignee',
    ],
    [
      'a breach before the due time',
      () => given(...breachHistory).when({ type: 'RecordSlaBreach' }, actors.system, '2026-11-02T14:03:00.000Z'),
      'the SLA clock is not past due, or this breach is already recorded',
    ],
  ])('%s', (_case, attempt, message) => {
    expect(attempt().decision).toMatchObject({ ok: false, error: { message } });
  });
});
