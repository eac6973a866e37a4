"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_catalog_1 = require("../testing/test-catalog");
const ticket_spec_1 = require("../testing/ticket-spec");
const state_histories_1 = require("../testing/state-histories");
// Monday 2 November 2026, 09:00 in Boston (EST, UTC-5). Business hours 08:30-16:30.
const MON_0901 = '2026-11-02T14:01:00.000Z';
describe('opening a ticket', () => {
    it('records the ticket in intake with the service owner and default priority', () => {
        (0, ticket_spec_1.given)()
            .when(ticket_spec_1.steps.open().command, test_catalog_1.actors.operator, MON_0901)
            .then({
            type: 'TicketOpened',
            data: {
                ticketId: ticket_spec_1.TICKET_ID,
                serviceCode: 'TRASH-MISSED',
                owningDepartment: 'DPW',
                description: 'Trash not picked up on Elm St',
                channel: 'phone',
                priority: 'normal',
            },
            metadata: expect.objectContaining({ actor: test_catalog_1.actors.operator, occurredAt: MON_0901, schemaVersion: 2 }),
        });
    });
    it('lets a resident open a request through Open311 with location and contact', () => {
        const { state } = (0, ticket_spec_1.given)()
            .when(ticket_spec_1.steps.open({
            channel: 'open311',
            location: { latitude: 42.35, longitude: -71.06, address: '1 Elm St' },
            contact: { name: 'R. Resident', email: 'r@example.org' },
            priority: 'high',
        }).command, test_catalog_1.actors.resident)
            .then({ type: 'TicketOpened', data: expect.objectContaining({ priority: 'high', contact: { name: 'R. Resident', email: 'r@example.org' } }) });
        expect(state.status).toBe('intake');
    });
    it('refuses an unknown service code', () => {
        (0, ticket_spec_1.given)().when(ticket_spec_1.steps.open({ serviceCode: 'NOPE' }).command, test_catalog_1.actors.operator).thenFails('NotFound', { what: 'service', id: 'NOPE' });
    });
    it('names every invalid field', () => {
        const decision = (0, ticket_spec_1.given)().when({ type: 'OpenTicket', serviceCode: '', description: 'x'.repeat(4001), channel: 'fax', location: { latitude: 91 } }, test_catalog_1.actors.operator).decision;
        expect(decision.ok).toBe(false);
        if (decision.ok)
            return;
        expect(decision.problems?.map((p) => (p.kind === 'InvalidCommand' ? p.field : p.kind))).toEqual([
            'serviceCode',
            'description',
            'channel',
            'location.latitude',
            'location',
        ]);
    });
    it('refuses opening a ticket that already exists', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when(ticket_spec_1.steps.open().command, test_catalog_1.actors.operator).thenFails('IllegalTransition', { state: 'intake' });
    });
    it('is never done by the system', () => {
        (0, ticket_spec_1.given)().when(ticket_spec_1.steps.open().command, test_catalog_1.actors.system).thenFails('Forbidden', { rule: 'residentsAndCityStaffMayOpenTickets' });
    });
});
describe('assigning and routing', () => {
    it('routes an intake ticket to a department and starts the SLA clock', () => {
        // TRASH-MISSED: 1 business day. Routed Monday 09:01 → due by the end of the next business day's equivalent.
        const { events } = (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when(ticket_spec_1.steps.assign().command, test_catalog_1.actors.operator, MON_0901).then({
            type: 'TicketAssigned',
            data: expect.objectContaining({ department: 'DPW' }),
        });
        expect(events[0].type === 'TicketAssigned' && events[0].data.dueAt).toBeTruthy();
    });
    it('routes straight to a named assignee', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when(ticket_spec_1.steps.assign('DPW', 'dpw-bo').command, test_catalog_1.actors.operator).then({
            type: 'TicketAssigned',
            data: expect.objectContaining({ department: 'DPW', assignee: 'dpw-bo' }),
        });
    });
    it('lets the department head reassign out of the department, keeping the SLA clock', () => {
        const g = (0, ticket_spec_1.given)(ticket_spec_1.steps.open(), ticket_spec_1.steps.assign());
        const { events } = g
            .when({ type: 'AssignTicket', department: 'CLERK' }, test_catalog_1.actors.dpwHead)
            .then({ type: 'TicketAssigned', data: expect.objectContaining({ department: 'CLERK', previousDepartment: 'DPW' }) });
        expect(events[0].type === 'TicketAssigned' && events[0].data.dueAt).toBe(g.state.dueAt);
    });
    it('does not let staff reassign', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open(), ticket_spec_1.steps.assign())
            .when({ type: 'AssignTicket', department: 'CLERK' }, test_catalog_1.actors.dpwStaff)
            .thenFails('Forbidden', {
            rule: 'operatorsDepartmentHeadsAndTheDirectorRouteTickets',
            whoMay: [{ role: 'operator' }, { role: 'department_head', department: 'DPW' }, { role: 'director' }],
        });
    });
    it("does not let another department's head reassign", () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open(), ticket_spec_1.steps.assign()).when({ type: 'AssignTicket', department: 'CLERK' }, test_catalog_1.actors.clerkHead).thenFails('Forbidden');
    });
    it('refuses a reassignment that changes nothing', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open(), ticket_spec_1.steps.assign()).when(ticket_spec_1.steps.assign().command, test_catalog_1.actors.operator).thenFails('InvalidCommand', { field: 'department' });
    });
    it('refuses an unknown department', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when(ticket_spec_1.steps.assign('NOPE').command, test_catalog_1.actors.operator).thenFails('NotFound', { what: 'department' });
    });
    it.each(['in_progress', 'on_hold', 'escalated'])('sends a ticket %s back to a queue', (from) => {
        const { state } = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from])
            .when(ticket_spec_1.steps.assign('DPW', 'dpw-cy').command, test_catalog_1.actors.dpwHead)
            .then({ type: 'TicketAssigned', data: expect.objectContaining({ assignee: 'dpw-cy' }) });
        expect(state.status).toBe('assigned');
    });
});
describe('starting work (claiming)', () => {
    it.each(['assigned', 'escalated'])('staff of the department claim a ticket that is %s', (from) => {
        const { state } = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from]).when({ type: 'StartWork' }, test_catalog_1.actors.dpwStaff2).then({
            type: 'WorkStarted',
            data: { assignee: 'dpw-cy' },
        });
        expect(state).toMatchObject({ status: 'in_progress', assignee: 'dpw-cy' });
    });
    it("staff of another department may not work the ticket", () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when({ type: 'StartWork' }, test_catalog_1.actors.clerkStaff).thenFails('Forbidden', {
            rule: 'onlyTheTicketsDepartmentWorksIt',
        });
    });
    it('cannot start work twice', () => {
        const error = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.in_progress).when({ type: 'StartWork' }, test_catalog_1.actors.dpwStaff).thenFails('IllegalTransition');
        expect(error.allowed).not.toContain('StartWork');
        expect(error.allowed).toContain('CompleteTicket');
    });
});
describe('hold and resume', () => {
    it.each(['assigned', 'in_progress', 'escalated'])('a ticket %s is put on hold with the business time left on its clock', (from) => {
        const g = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from]);
        const { events, state } = g.when(ticket_spec_1.steps.hold().command, test_catalog_1.actors.dpwStaff).then({
            type: 'TicketPutOnHold',
            data: expect.objectContaining({ reason: 'waiting for the resident' }),
        });
        const remaining = events[0].type === 'TicketPutOnHold' ? events[0].data.remainingBusinessMs : undefined;
        expect(remaining).toBeGreaterThan(0);
        expect(state).toMatchObject({ status: 'on_hold', heldFrom: from, slaRemainingMs: remaining });
    });
    it('only by the department working it', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when(ticket_spec_1.steps.hold().command, test_catalog_1.actors.operator).thenFails('Forbidden', { rule: 'onlyTheTicketsDepartmentWorksIt' });
    });
    it.each(['assigned', 'in_progress', 'escalated'])('a ticket %s resumes where it was', (from) => {
        const held = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from], ticket_spec_1.steps.hold());
        expect(held.state.status).toBe('on_hold');
        expect(held.state.dueAt).toBeUndefined();
        expect(held.state.slaRemainingMs).toBeGreaterThan(0);
        const { state } = held.when({ type: 'ResumeTicket' }, test_catalog_1.actors.dpwStaff).then({ type: 'TicketResumed' });
        expect(state.status).toBe(from);
        expect(state.dueAt).toBeDefined();
    });
    it('does not count time on hold against the SLA', () => {
        // Held Monday 09:03 with the clock running, resumed a week later at the same time:
        // the due time moves by exactly the week.
        const g = (0, ticket_spec_1.given)({ ...ticket_spec_1.steps.open(), at: '2026-11-02T14:01:00.000Z' }, { ...ticket_spec_1.steps.assign(), at: '2026-11-02T14:02:00.000Z' });
        const dueBefore = Date.parse(g.state.dueAt);
        const held = (0, ticket_spec_1.given)({ ...ticket_spec_1.steps.open(), at: '2026-11-02T14:01:00.000Z' }, { ...ticket_spec_1.steps.assign(), at: '2026-11-02T14:02:00.000Z' }, { ...ticket_spec_1.steps.hold(), at: '2026-11-02T14:02:00.000Z' });
        const { state } = held.when({ type: 'ResumeTicket' }, test_catalog_1.actors.dpwStaff, '2026-11-09T14:02:00.000Z').then({ type: 'TicketResumed' });
        expect(Date.parse(state.dueAt) - dueBefore).toBe(7 * 24 * 3600 * 1000);
    });
    it('cannot resume a ticket that is not on hold', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when({ type: 'ResumeTicket' }, test_catalog_1.actors.dpwStaff).thenFails('IllegalTransition', {
            state: 'assigned',
            command: 'ResumeTicket',
        });
    });
});
describe('escalation', () => {
    it('from intake names the department whose experts must answer (tier 1)', () => {
        const { state } = (0, ticket_spec_1.given)(ticket_spec_1.steps.open())
            .when({ type: 'EscalateTicket', reason: 'cannot_answer', department: 'CLERK' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketEscalated', data: expect.objectContaining({ tier: 1, reason: 'cannot_answer', department: 'CLERK' }) });
        expect(state).toMatchObject({ status: 'escalated', department: 'CLERK', escalationTier: 1 });
        expect(state.dueAt).toBeDefined();
    });
    it('from intake without a department is refused, naming the field', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when({ type: 'EscalateTicket', reason: 'cannot_answer' }, test_catalog_1.actors.operator).thenFails('InvalidCommand', {
            field: 'department',
        });
    });
    it.each(['assigned', 'in_progress', 'on_hold'])('from %s goes to the department head (tier 1)', (from) => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from]).when({ type: 'EscalateTicket', reason: 'complex' }, test_catalog_1.actors.dpwStaff).then({
            type: 'TicketEscalated',
            data: expect.objectContaining({ tier: 1 }),
        });
    });
    it('a second escalation goes to the director (tier 2), and no further', () => {
        const { state } = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.escalated)
            .when({ type: 'EscalateTicket', reason: 'resident_request' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketEscalated', data: expect.objectContaining({ tier: 2 }) });
        expect(state.escalationTier).toBe(2);
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.escalated, ticket_spec_1.steps.escalate(test_catalog_1.actors.operator))
            .when({ type: 'EscalateTicket', reason: 'complex' }, test_catalog_1.actors.director)
            .thenFails('IllegalTransition', { rule: 'escalationCannotGoPastTheDirector' });
    });
    it('the system escalates overdue tickets, and only for that reason', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when({ type: 'EscalateTicket', reason: 'overdue' }, test_catalog_1.actors.system).then({ type: 'TicketEscalated' });
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned)
            .when({ type: 'EscalateTicket', reason: 'complex' }, test_catalog_1.actors.system)
            .thenFails('InvalidCommand', { field: 'reason' });
    });
});
describe('comments and priority', () => {
    it.each(['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'])('a comment is recorded in %s without moving the ticket', (from) => {
        const g = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from]);
        const { state } = g
            .when({ type: 'CommentOnTicket', body: 'Called the resident back', visibility: 'public' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketCommented', data: expect.objectContaining({ body: 'Called the resident back', visibility: 'public' }) });
        expect(state).toEqual(g.state);
    });
    it.each(['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'])('priority changes in %s', (from) => {
        const { state } = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from])
            .when({ type: 'ChangePriority', priority: 'urgent', reason: 'school nearby' }, test_catalog_1.actors.operator)
            .then({ type: 'PriorityChanged', data: { from: 'normal', to: 'urgent', reason: 'school nearby' } });
        expect(state.priority).toBe('urgent');
        expect(state.status).toBe(from);
    });
    it.each(['completed', 'closed'])('a %s ticket takes no comments', (from) => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from])
            .when({ type: 'CommentOnTicket', body: 'late note', visibility: 'internal' }, test_catalog_1.actors.director)
            .thenFails('IllegalTransition');
    });
    it('staff may comment but not change priority', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when({ type: 'CommentOnTicket', body: 'on it', visibility: 'internal' }, test_catalog_1.actors.dpwStaff).then({ type: 'TicketCommented' });
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when({ type: 'ChangePriority', priority: 'low' }, test_catalog_1.actors.dpwStaff).thenFails('Forbidden');
    });
});
describe('completion', () => {
    it('at intake is first-contact resolution by the operator', () => {
        const { state } = (0, ticket_spec_1.given)(ticket_spec_1.steps.open())
            .when({ type: 'CompleteTicket', resolutionCode: 'answered', note: 'Told the caller the pickup day' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketCompleted', data: expect.objectContaining({ firstContactResolution: true, department: 'DPW' }) });
        expect(state.status).toBe('completed');
    });
    it.each(['assigned', 'in_progress', 'on_hold', 'escalated'])('from %s by the department', (from) => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from]).when(ticket_spec_1.steps.complete().command, test_catalog_1.actors.dpwStaff).then({
            type: 'TicketCompleted',
            data: expect.objectContaining({ firstContactResolution: false, department: 'DPW', resolutionCode: 'collected' }),
        });
    });
    it('needs a resolution', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.in_progress)
            .when({ type: 'CompleteTicket', resolutionCode: ' ', note: 'done' }, test_catalog_1.actors.dpwStaff)
            .thenFails('InvalidCommand', { field: 'resolutionCode' });
    });
    it('by the operator once routed is forbidden: the department completes its work', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.assigned).when(ticket_spec_1.steps.complete().command, test_catalog_1.actors.operator).thenFails('Forbidden');
    });
    it('by department staff at intake is forbidden', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when(ticket_spec_1.steps.complete().command, test_catalog_1.actors.dpwStaff).thenFails('Forbidden', { rule: 'operatorsResolveAtFirstContact' });
    });
});
describe('reopening', () => {
    it('within the window goes back to the completing department with a fresh SLA', () => {
        const { state } = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.completed)
            .when({ type: 'ReopenTicket', reason: 'bins still full' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketReopened', data: expect.objectContaining({ department: 'DPW', reason: 'bins still full' }) });
        expect(state).toMatchObject({ status: 'assigned', department: 'DPW', reopenCount: 1, escalationTier: 0 });
        expect(state.assignee).toBeUndefined();
    });
    it('after the window is refused by the rule', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.completed)
            .when({ type: 'ReopenTicket', reason: 'late' }, test_catalog_1.actors.operator, '2027-01-15T15:00:00.000Z')
            .thenFails('IllegalTransition', { rule: 'aReopenMustFallWithinTheWindow' });
    });
    it('only by the completing department head, not by another department', () => {
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.completed).when({ type: 'ReopenTicket', reason: 'x' }, test_catalog_1.actors.dpwHead).then({ type: 'TicketReopened' });
        (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.completed).when({ type: 'ReopenTicket', reason: 'x' }, test_catalog_1.actors.clerkHead).thenFails('Forbidden');
    });
});
describe('closing', () => {
    it.each(['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'])('closes a ticket %s as withdrawn', (from) => {
        const { state } = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO[from])
            .when({ type: 'CloseTicket', reason: 'withdrawn', note: 'resident fixed it' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketClosed', data: { reason: 'withdrawn', note: 'resident fixed it' } });
        expect(state.status).toBe('closed');
    });
    it('as a duplicate links the parent ticket', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open())
            .when({ type: 'CloseTicket', reason: 'duplicate', parentTicketId: 'ABC-1234' }, test_catalog_1.actors.operator)
            .then({ type: 'TicketClosed', data: { reason: 'duplicate', parentTicketId: 'ABC-1234' } });
    });
    it('as a duplicate without a parent, or of itself, is refused', () => {
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open()).when({ type: 'CloseTicket', reason: 'duplicate' }, test_catalog_1.actors.operator).thenFails('InvalidCommand', { field: 'parentTicketId' });
        (0, ticket_spec_1.given)(ticket_spec_1.steps.open())
            .when({ type: 'CloseTicket', reason: 'duplicate', parentTicketId: ticket_spec_1.TICKET_ID }, test_catalog_1.actors.operator)
            .thenFails('InvalidCommand', { field: 'parentTicketId' });
    });
    it('is final', () => {
        const error = (0, ticket_spec_1.given)(...state_histories_1.HISTORY_TO.closed).when({ type: 'ReopenTicket', reason: 'x' }, test_catalog_1.actors.director).thenFails('IllegalTransition');
        expect(error.allowed).toEqual([]);
    });
});
describe('SLA breach', () => {
    const breachHistory = [
        { ...ticket_spec_1.steps.open(), at: '2026-11-02T14:01:00.000Z' },
        { ...ticket_spec_1.steps.assign(), at: '2026-11-02T14:02:00.000Z' },
    ];
    it('is recorded by the system once the due time has passed, once', () => {
        const g = (0, ticket_spec_1.given)(...breachHistory);
        const late = new Date(Date.parse(g.state.dueAt) + 1000).toISOString();
        const { state } = g.when({ type: 'RecordSlaBreach' }, test_catalog_1.actors.system, late).then({ type: 'SlaBreached', data: { dueAt: g.state.dueAt } });
        expect(state.breachedDueAt).toBe(g.state.dueAt);
        (0, ticket_spec_1.given)(...breachHistory, { command: { type: 'RecordSlaBreach' }, by: test_catalog_1.actors.system, at: late })
            .when({ type: 'RecordSlaBreach' }, test_catalog_1.actors.system, late)
            .thenFails('IllegalTransition', { rule: 'aBreachIsRecordedOnceTheDueTimeHasPassed' });
    });
    it.each([
        ['in_progress', [ticket_spec_1.steps.start()]],
        ['escalated', [ticket_spec_1.steps.escalate()]],
    ])('is recorded while the ticket is %s', (status, more) => {
        const g = (0, ticket_spec_1.given)(...breachHistory, ...more);
        const late = new Date(Date.parse(g.state.dueAt) + 1000).toISOString();
        const { state } = g.when({ type: 'RecordSlaBreach' }, test_catalog_1.actors.system, late).then({ type: 'SlaBreached' });
        expect(state.status).toBe(status);
    });
    it('is not recorded before the due time', () => {
        const g = (0, ticket_spec_1.given)(...breachHistory);
        const early = new Date(Date.parse(g.state.dueAt) - 1000).toISOString();
        g.when({ type: 'RecordSlaBreach' }, test_catalog_1.actors.system, early).thenFails('IllegalTransition');
    });
    it('is not recorded while on hold: the clock is paused', () => {
        (0, ticket_spec_1.given)(...breachHistory, ticket_spec_1.steps.hold()).when({ type: 'RecordSlaBreach' }, test_catalog_1.actors.system, '2027-01-01T00:00:00.000Z').thenFails('IllegalTransition', {
            state: 'on_hold',
        });
    });
    it('an overdue, breached ticket stays overdue through a hold and is not breached twice', () => {
        const g = (0, ticket_spec_1.given)(...breachHistory);
        const late = new Date(Date.parse(g.state.dueAt) + 1000).toISOString();
        const resumed = (0, ticket_spec_1.given)(...breachHistory, { command: { type: 'RecordSlaBreach' }, by: test_catalog_1.actors.system, at: late }, { ...ticket_spec_1.steps.hold(), at: late }).when({ type: 'ResumeTicket' }, test_catalog_1.actors.dpwStaff, '2026-11-20T15:00:00.000Z');
        const { state } = resumed.then({ type: 'TicketResumed', data: { dueAt: g.state.dueAt } });
        expect(state.breachedDueAt).toBe(state.dueAt);
    });
    it('is only for the system', () => {
        (0, ticket_spec_1.given)(...breachHistory).when({ type: 'RecordSlaBreach' }, test_catalog_1.actors.director, '2027-01-01T00:00:00.000Z').thenFails('Forbidden');
    });
});
describe('unknown tickets', () => {
    it('any command but open on a ticket with no history is NotFound', () => {
        (0, ticket_spec_1.given)().when({ type: 'StartWork' }, test_catalog_1.actors.dpwStaff).thenFails('NotFound', { what: 'ticket', id: ticket_spec_1.TICKET_ID });
    });
});
//# sourceMappingURL=decide.spec.js.map