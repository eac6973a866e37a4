import { actors, testCatalog } from '../testing/test-catalog';
import { decide } from './decide';
import { given, steps, TICKET_ID } from '../testing/ticket-spec';
import { HISTORY_TO } from '../testing/state-histories';

// Monday 2 November 2026, 09:00 in Boston (EST, UTC-5). Business hours 08:30-16:30.
const MON_0901 = '2026-11-02T14:01:00.000Z';

describe('opening a ticket', () => {
  it('records the ticket in intake with the service owner and default priority', () => {
    given()
      .when(steps.open().command, actors.operator, MON_0901)
      .then({
        type: 'TicketOpened',
        data: {
          ticketId: TICKET_ID,
          serviceCode: 'TRASH-MISSED',
          owningDepartment: 'DPW',
          description: 'Trash not picked up on Elm St',
          channel: 'phone',
          priority: 'normal',
        },
        metadata: expect.objectContaining({ actor: actors.operator, occurredAt: MON_0901, schemaVersion: 2 }),
      });
  });

  it('lets a resident open a request through Open311 with location and contact', () => {
    const { state } = given()
      .when(
        steps.open({
          channel: 'open311',
          location: { latitude: 42.35, longitude: -71.06, address: '1 Elm St' },
          contact: { name: 'R. Resident', email: 'r@example.org' },
          priority: 'high',
        }).command,
        actors.resident,
      )
      .then({ type: 'TicketOpened', data: expect.objectContaining({ priority: 'high', contact: { name: 'R. Resident', email: 'r@example.org' } }) });
    expect(state.status).toBe('intake');
  });

  it('refuses an unknown service code', () => {
    given()
      .when(steps.open({ serviceCode: 'NOPE' }).command, actors.operator)
      .thenFails('NotFound', { what: 'service', id: 'NOPE' });
  });

  it('names every invalid field', () => {
    const decision = given().when(
      { type: 'OpenTicket', serviceCode: '', description: 'x'.repeat(4001), channel: 'fax' as never, location: { latitude: 91 } },
      actors.operator,
    ).decision;
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.field : p.kind))).toEqual([
      'serviceCode',
      'description',
      'channel',
      'location.latitude',
      'location',
    ]);
  });

  it('refuses opening a ticket that already exists', () => {
    given(steps.open()).when(steps.open().command, actors.operator).thenFails('IllegalTransition', { state: 'intake' });
  });

  it('is never done by the system', () => {
    given().when(steps.open().command, actors.system).thenFails('Forbidden', { rule: 'residentsAndCityStaffMayOpenTickets' });
  });
});

describe('assigning and routing', () => {
  it('routes an intake ticket to a department and starts the SLA clock', () => {
    // TRASH-MISSED: 1 business day. Routed Monday 09:01 → due by the end of the next business day's equivalent.
    const { events } = given(steps.open())
      .when(steps.assign().command, actors.operator, MON_0901)
      .then({
        type: 'TicketAssigned',
        data: expect.objectContaining({ department: 'DPW' }),
      });
    expect(events[0].type === 'TicketAssigned' && events[0].data.dueAt).toBeTruthy();
  });

  it('routes straight to a named assignee', () => {
    given(steps.open())
      .when(steps.assign('DPW', 'dpw-bo').command, actors.operator)
      .then({
        type: 'TicketAssigned',
        data: expect.objectContaining({ department: 'DPW', assignee: 'dpw-bo' }),
      });
  });

  it('lets the department head reassign out of the department, keeping the SLA clock', () => {
    const g = given(steps.open(), steps.assign());
    const { events } = g
      .when({ type: 'AssignTicket', department: 'CLERK' }, actors.dpwHead)
      .then({ type: 'TicketAssigned', data: expect.objectContaining({ department: 'CLERK', previousDepartment: 'DPW' }) });
    expect(events[0].type === 'TicketAssigned' && events[0].data.dueAt).toBe(g.state.dueAt);
  });

  it('does not let staff reassign', () => {
    given(steps.open(), steps.assign())
      .when({ type: 'AssignTicket', department: 'CLERK' }, actors.dpwStaff)
      .thenFails('Forbidden', {
        rule: 'operatorsDepartmentHeadsAndTheDirectorRouteTickets',
        whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'DPW' }, { role: 'director' }],
      });
  });

  it("does not let another department's head reassign", () => {
    given(steps.open(), steps.assign()).when({ type: 'AssignTicket', department: 'CLERK' }, actors.clerkHead).thenFails('Forbidden');
  });

  it('refuses a reassignment that changes nothing', () => {
    given(steps.open(), steps.assign()).when(steps.assign().command, actors.operator).thenFails('InvalidCommand', { field: 'department' });
  });

  it('refuses an unknown department', () => {
    given(steps.open()).when(steps.assign('NOPE').command, actors.operator).thenFails('NotFound', { what: 'department' });
  });

  it.each(['in_progress', 'on_hold', 'escalated'] as const)('sends a ticket %s back to a queue', (from) => {
    const { state } = given(...HISTORY_TO[from])
      .when(steps.assign('DPW', 'dpw-cy').command, actors.dpwHead)
      .then({ type: 'TicketAssigned', data: expect.objectContaining({ assignee: 'dpw-cy' }) });
    expect(state.status).toBe('assigned');
  });
});

describe('starting work (claiming)', () => {
  it.each(['assigned', 'escalated'] as const)('staff of the department claim a ticket that is %s', (from) => {
    const { state } = given(...HISTORY_TO[from])
      .when({ type: 'StartWork' }, actors.dpwStaff2)
      .then({
        type: 'WorkStarted',
        data: { assignee: 'dpw-cy' },
      });
    expect(state).toMatchObject({ status: 'in_progress', assignee: 'dpw-cy' });
  });

  it('staff of another department may not work the ticket', () => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'StartWork' }, actors.clerkStaff)
      .thenFails('Forbidden', {
        rule: 'onlyTheTicketsDepartmentWorksIt',
      });
  });

  it('cannot start work twice', () => {
    const error = given(...HISTORY_TO.in_progress)
      .when({ type: 'StartWork' }, actors.dpwStaff)
      .thenFails('IllegalTransition');
    expect(error.allowed).not.toContain('StartWork');
    expect(error.allowed).toContain('CompleteTicket');
  });
});

describe('hold and resume', () => {
  it.each(['assigned', 'in_progress', 'escalated'] as const)('a ticket %s is put on hold with the business time left on its clock', (from) => {
    const g = given(...HISTORY_TO[from]);
    const { events, state } = g.when(steps.hold().command, actors.dpwStaff).then({
      type: 'TicketPutOnHold',
      data: expect.objectContaining({ reason: 'waiting for the resident' }),
    });
    const remaining = events[0].type === 'TicketPutOnHold' ? events[0].data.remainingBusinessMs : undefined;
    expect(remaining).toBeGreaterThan(0);
    expect(state).toMatchObject({ status: 'on_hold', heldFrom: from, slaRemainingMs: remaining });
  });

  it('only by the department working it', () => {
    given(...HISTORY_TO.assigned)
      .when(steps.hold().command, actors.operator)
      .thenFails('Forbidden', { rule: 'onlyTheTicketsDepartmentWorksIt' });
  });

  it.each(['assigned', 'in_progress', 'escalated'] as const)('a ticket %s resumes where it was', (from) => {
    const held = given(...HISTORY_TO[from], steps.hold());
    expect(held.state.status).toBe('on_hold');
    expect(held.state.dueAt).toBeUndefined();
    expect(held.state.slaRemainingMs).toBeGreaterThan(0);
    const { state } = held.when({ type: 'ResumeTicket' }, actors.dpwStaff).then({ type: 'TicketResumed' });
    expect(state.status).toBe(from);
    expect(state.dueAt).toBeDefined();
  });

  it('does not count time on hold against the SLA', () => {
    // Held Monday 09:03 with the clock running, resumed a week later at the same time:
    // the due time moves by exactly the week.
    const g = given({ ...steps.open(), at: '2026-11-02T14:01:00.000Z' }, { ...steps.assign(), at: '2026-11-02T14:02:00.000Z' });
    const dueBefore = Date.parse(g.state.dueAt!);
    const held = given(
      { ...steps.open(), at: '2026-11-02T14:01:00.000Z' },
      { ...steps.assign(), at: '2026-11-02T14:02:00.000Z' },
      { ...steps.hold(), at: '2026-11-02T14:02:00.000Z' },
    );
    const { state } = held.when({ type: 'ResumeTicket' }, actors.dpwStaff, '2026-11-09T14:02:00.000Z').then({ type: 'TicketResumed' });
    expect(Date.parse(state.dueAt!) - dueBefore).toBe(7 * 24 * 3600 * 1000);
  });

  it('cannot resume a ticket that is not on hold', () => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'ResumeTicket' }, actors.dpwStaff)
      .thenFails('IllegalTransition', {
        state: 'assigned',
        command: 'ResumeTicket',
      });
  });
});

describe('escalation', () => {
  it('from intake names the department whose experts must answer (tier 1)', () => {
    const { state } = given(steps.open())
      .when({ type: 'EscalateTicket', reason: 'cannot_answer', department: 'CLERK' }, actors.operator)
      .then({ type: 'TicketEscalated', data: expect.objectContaining({ tier: 1, reason: 'cannot_answer', department: 'CLERK' }) });
    expect(state).toMatchObject({ status: 'escalated', department: 'CLERK', escalationTier: 1 });
    expect(state.dueAt).toBeDefined();
  });

  it('from intake without a department is refused, naming the field', () => {
    given(steps.open()).when({ type: 'EscalateTicket', reason: 'cannot_answer' }, actors.operator).thenFails('InvalidCommand', {
      field: 'department',
    });
  });

  it.each(['assigned', 'in_progress', 'on_hold'] as const)('from %s goes to the department head (tier 1)', (from) => {
    given(...HISTORY_TO[from])
      .when({ type: 'EscalateTicket', reason: 'complex' }, actors.dpwStaff)
      .then({
        type: 'TicketEscalated',
        data: expect.objectContaining({ tier: 1 }),
      });
  });

  it('a second escalation goes to the director (tier 2), and no further', () => {
    const { state } = given(...HISTORY_TO.escalated)
      .when({ type: 'EscalateTicket', reason: 'resident_request' }, actors.operator)
      .then({ type: 'TicketEscalated', data: expect.objectContaining({ tier: 2 }) });
    expect(state.escalationTier).toBe(2);
    given(...HISTORY_TO.escalated, steps.escalate(actors.operator))
      .when({ type: 'EscalateTicket', reason: 'complex' }, actors.director)
      .thenFails('IllegalTransition', { rule: 'escalationCannotGoPastTheDirector' });
  });

  it('the system escalates overdue tickets, and only for that reason', () => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'EscalateTicket', reason: 'overdue' }, actors.system)
      .then({ type: 'TicketEscalated' });
    given(...HISTORY_TO.assigned)
      .when({ type: 'EscalateTicket', reason: 'complex' }, actors.system)
      .thenFails('InvalidCommand', { field: 'reason' });
  });
});

describe('comments and priority', () => {
  it.each(['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'] as const)('a comment is recorded in %s without moving the ticket', (from) => {
    const g = given(...HISTORY_TO[from]);
    const { state } = g
      .when({ type: 'CommentOnTicket', body: 'Called the resident back', visibility: 'public' }, actors.operator)
      .then({ type: 'TicketCommented', data: expect.objectContaining({ body: 'Called the resident back', visibility: 'public' }) });
    expect(state).toEqual(g.state);
  });

  it.each(['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'] as const)('priority changes in %s', (from) => {
    const { state } = given(...HISTORY_TO[from])
      .when({ type: 'ChangePriority', priority: 'urgent', reason: 'school nearby' }, actors.operator)
      .then({ type: 'PriorityChanged', data: { from: 'normal', to: 'urgent', reason: 'school nearby' } });
    expect(state.priority).toBe('urgent');
    expect(state.status).toBe(from);
  });

  it.each(['completed', 'closed'] as const)('a %s ticket takes no comments', (from) => {
    given(...HISTORY_TO[from])
      .when({ type: 'CommentOnTicket', body: 'late note', visibility: 'internal' }, actors.director)
      .thenFails('IllegalTransition');
  });

  it('staff may comment but not change priority', () => {
    given(...HISTORY_TO.assigned)
      .when({ type: 'CommentOnTicket', body: 'on it', visibility: 'internal' }, actors.dpwStaff)
      .then({ type: 'TicketCommented' });
    given(...HISTORY_TO.assigned)
      .when({ type: 'ChangePriority', priority: 'low' }, actors.dpwStaff)
      .thenFails('Forbidden');
  });
});

describe('completion', () => {
  it('at intake is first-contact resolution by the operator', () => {
    const { state } = given(steps.open())
      .when({ type: 'CompleteTicket', resolutionCode: 'answered', note: 'Told the caller the pickup day' }, actors.operator)
      .then({ type: 'TicketCompleted', data: expect.objectContaining({ firstContactResolution: true, department: 'DPW' }) });
    expect(state.status).toBe('completed');
  });

  it.each(['assigned', 'in_progress', 'on_hold', 'escalated'] as const)('from %s by the department', (from) => {
    given(...HISTORY_TO[from])
      .when(steps.complete().command, actors.dpwStaff)
      .then({
        type: 'TicketCompleted',
        data: expect.objectContaining({ firstContactResolution: false, department: 'DPW', resolutionCode: 'collected' }),
      });
  });

  it('needs a resolution', () => {
    given(...HISTORY_TO.in_progress)
      .when({ type: 'CompleteTicket', resolutionCode: ' ', note: 'done' }, actors.dpwStaff)
      .thenFails('InvalidCommand', { field: 'resolutionCode' });
  });

  it('by the operator once routed is forbidden: the department completes its work', () => {
    given(...HISTORY_TO.assigned)
      .when(steps.complete().command, actors.operator)
      .thenFails('Forbidden');
  });

  it('by department staff at intake is forbidden', () => {
    given(steps.open()).when(steps.complete().command, actors.dpwStaff).thenFails('Forbidden', { rule: 'operatorsResolveAtFirstContact' });
  });
});

describe('reopening', () => {
  it('within the window goes back to the completing department with a fresh SLA', () => {
    const { state } = given(...HISTORY_TO.completed)
      .when({ type: 'ReopenTicket', reason: 'bins still full' }, actors.operator)
      .then({ type: 'TicketReopened', data: expect.objectContaining({ department: 'DPW', reason: 'bins still full' }) });
    expect(state).toMatchObject({ status: 'assigned', department: 'DPW', reopenCount: 1, escalationTier: 0 });
    expect(state.assignee).toBeUndefined();
  });

  it('after the window is refused by the rule', () => {
    given(...HISTORY_TO.completed)
      .when({ type: 'ReopenTicket', reason: 'late' }, actors.operator, '2027-01-15T15:00:00.000Z')
      .thenFails('IllegalTransition', { rule: 'aReopenMustFallWithinTheWindow' });
  });

  it('only by the completing department head, not by another department', () => {
    given(...HISTORY_TO.completed)
      .when({ type: 'ReopenTicket', reason: 'x' }, actors.dpwHead)
      .then({ type: 'TicketReopened' });
    given(...HISTORY_TO.completed)
      .when({ type: 'ReopenTicket', reason: 'x' }, actors.clerkHead)
      .thenFails('Forbidden');
  });
});

describe('closing', () => {
  it.each(['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'] as const)('closes a ticket %s as withdrawn', (from) => {
    const { state } = given(...HISTORY_TO[from])
      .when({ type: 'CloseTicket', reason: 'withdrawn', note: 'resident fixed it' }, actors.operator)
      .then({ type: 'TicketClosed', data: { reason: 'withdrawn', note: 'resident fixed it' } });
    expect(state.status).toBe('closed');
  });

  it('as a duplicate links the parent ticket', () => {
    given(steps.open())
      .when({ type: 'CloseTicket', reason: 'duplicate', parentTicketId: 'ABC-1234' }, actors.operator)
      .then({ type: 'TicketClosed', data: { reason: 'duplicate', parentTicketId: 'ABC-1234' } });
  });

  it('as a duplicate without a parent, or of itself, is refused', () => {
    given(steps.open()).when({ type: 'CloseTicket', reason: 'duplicate' }, actors.operator).thenFails('InvalidCommand', { field: 'parentTicketId' });
    given(steps.open())
      .when({ type: 'CloseTicket', reason: 'duplicate', parentTicketId: TICKET_ID }, actors.operator)
      .thenFails('InvalidCommand', { field: 'parentTicketId' });
  });

  it('is final', () => {
    const error = given(...HISTORY_TO.closed)
      .when({ type: 'ReopenTicket', reason: 'x' }, actors.director)
      .thenFails('IllegalTransition');
    expect(error.allowed).toEqual([]);
  });
});

describe('SLA breach', () => {
  const breachHistory = [
    { ...steps.open(), at: '2026-11-02T14:01:00.000Z' },
    { ...steps.assign(), at: '2026-11-02T14:02:00.000Z' },
  ];

  it('is recorded by the system once the due time has passed, once', () => {
    const g = given(...breachHistory);
    const late = new Date(Date.parse(g.state.dueAt!) + 1000).toISOString();
    const { state } = g.when({ type: 'RecordSlaBreach' }, actors.system, late).then({ type: 'SlaBreached', data: { dueAt: g.state.dueAt! } });
    expect(state.breachedDueAt).toBe(g.state.dueAt);
    given(...breachHistory, { command: { type: 'RecordSlaBreach' }, by: actors.system, at: late })
      .when({ type: 'RecordSlaBreach' }, actors.system, late)
      .thenFails('IllegalTransition', { rule: 'aBreachIsRecordedOnceTheDueTimeHasPassed' });
  });

  it.each([
    ['in_progress', [steps.start()]],
    ['escalated', [steps.escalate()]],
  ] as const)('is recorded while the ticket is %s', (status, more) => {
    const g = given(...breachHistory, ...more);
    const late = new Date(Date.parse(g.state.dueAt!) + 1000).toISOString();
    const { state } = g.when({ type: 'RecordSlaBreach' }, actors.system, late).then({ type: 'SlaBreached' });
    expect(state.status).toBe(status);
  });

  it('is not recorded before the due time', () => {
    const g = given(...breachHistory);
    const early = new Date(Date.parse(g.state.dueAt!) - 1000).toISOString();
    g.when({ type: 'RecordSlaBreach' }, actors.system, early).thenFails('IllegalTransition');
  });

  it('is not recorded while on hold: the clock is paused', () => {
    given(...breachHistory, steps.hold())
      .when({ type: 'RecordSlaBreach' }, actors.system, '2027-01-01T00:00:00.000Z')
      .thenFails('IllegalTransition', {
        state: 'on_hold',
      });
  });

  it('an overdue, breached ticket stays overdue through a hold and is not breached twice', () => {
    const g = given(...breachHistory);
    const late = new Date(Date.parse(g.state.dueAt!) + 1000).toISOString();
    const resumed = given(...breachHistory, { command: { type: 'RecordSlaBreach' }, by: actors.system, at: late }, { ...steps.hold(), at: late }).when(
      { type: 'ResumeTicket' },
      actors.dpwStaff,
      '2026-11-20T15:00:00.000Z',
    );
    const { state } = resumed.then({ type: 'TicketResumed', data: { dueAt: g.state.dueAt! } });
    expect(state.breachedDueAt).toBe(state.dueAt);
  });

  it('a ticket put on hold after its due time, before the watcher noticed, stays late against that due time', () => {
    const g = given(...breachHistory);
    const late = new Date(Date.parse(g.state.dueAt!) + 2 * 3600_000).toISOString();
    const held = given(...breachHistory, { ...steps.hold(), at: late });
    expect(held.history.at(-1)).toMatchObject({ type: 'TicketPutOnHold', data: { overdueSince: g.state.dueAt } });
    const { state } = held
      .when({ type: 'ResumeTicket' }, actors.dpwStaff, '2026-11-20T15:00:00.000Z')
      .then({ type: 'TicketResumed', data: { dueAt: g.state.dueAt! } });
    expect(state.overdueSince).toBeUndefined();
    given(...breachHistory, { ...steps.hold(), at: late }, { ...steps.resume(), at: '2026-11-20T15:00:00.000Z' })
      .when({ type: 'RecordSlaBreach' }, actors.system, '2026-11-20T15:01:00.000Z')
      .then({ type: 'SlaBreached', data: { dueAt: g.state.dueAt! } });
  });

  it('is only for the system', () => {
    given(...breachHistory)
      .when({ type: 'RecordSlaBreach' }, actors.director, '2027-01-01T00:00:00.000Z')
      .thenFails('Forbidden');
  });
});

describe('untrusted command shapes', () => {
  it.each(['Bogus', 'constructor', '__proto__', 'hasOwnProperty'])('a command of type %s is an InvalidCommand on "type", not a crash', (type) => {
    given(...HISTORY_TO.assigned)
      .when({ type } as never, actors.director)
      .thenFails('InvalidCommand', { command: 'unknown', field: 'type' });
  });

  it('a command that is not an object is an InvalidCommand', () => {
    const state = given(...HISTORY_TO.assigned).state;
    expect(decide(null as never, state, { now: new Date(), actor: actors.director, commandId: 'x', catalog: testCatalog })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidCommand', field: 'type' },
    });
  });

  it('location, contact and attributes must be objects, attribute values strings, numbers or lists of strings', () => {
    const decision = given().when(
      steps.open({ location: 'Main St' as never, contact: 42 as never, attributes: { SIZE: { deep: true } } as never }).command,
      actors.operator,
    ).decision;
    expect(!decision.ok && decision.problems?.map((p) => p.kind === 'InvalidCommand' && p.field)).toEqual(['location', 'contact', 'attributes']);
  });

  it('an empty assignee is refused rather than recorded', () => {
    given(steps.open()).when({ type: 'AssignTicket', department: 'DPW', assignee: ' ' }, actors.operator).thenFails('InvalidCommand', {
      field: 'assignee',
    });
  });
});

describe('unknown tickets', () => {
  it('any command but open on a ticket with no history is NotFound', () => {
    given().when({ type: 'StartWork' }, actors.dpwStaff).thenFails('NotFound', { what: 'ticket', id: TICKET_ID });
  });
});
