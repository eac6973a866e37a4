"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.steps = exports.TICKET_ID = void 0;
exports.accept = accept;
exports.given = given;
const decide_1 = require("../decide/decide");
const evolve_1 = require("../evolve/evolve");
const ticket_state_1 = require("../model/ticket-state");
const test_catalog_1 = require("./test-catalog");
exports.TICKET_ID = 'K7M-4QX2';
const START = '2026-11-02T14:00:00.000Z'; // a Monday, 09:00 in Boston
let counter = 0;
/** Runs a command against a state, failing the test if the command is refused. */
function accept(state, step, at) {
    const decision = run(state, step, at);
    if (!decision.ok)
        throw new Error(`given-step ${step.command.type} was refused: ${decision.error.message}`);
    return decision.events;
}
function run(state, step, at) {
    counter += 1;
    return (0, decide_1.decide)({ ...step.command, ticketId: exports.TICKET_ID }, state, {
        now: at,
        actor: step.by,
        commandId: `cmd-${counter}`,
        catalog: test_catalog_1.testCatalog,
    });
}
/**
 * Given/when/then for the ticket lifecycle: `given` steps are commands that must be
 * accepted (their events become the history), `when` is the command under test.
 */
function given(...steps) {
    let clock = new Date(START);
    const history = [];
    let state = ticket_state_1.initialTicketState;
    for (const step of steps) {
        clock = step.at ? new Date(step.at) : new Date(clock.getTime() + 60_000);
        const events = accept(state, step, clock);
        history.push(...events);
        state = (0, evolve_1.fold)(events, state);
    }
    return {
        history,
        state,
        when(command, by, at) {
            const now = at ? new Date(at) : new Date(clock.getTime() + 60_000);
            const decision = run(state, { command, by }, now);
            return {
                decision,
                /** The command is accepted and produces exactly these events (data compared partially). */
                then(...expected) {
                    if (!decision.ok)
                        throw new Error(`expected success, got ${decision.error.kind}: ${decision.error.message}`);
                    expect(decision.events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
                    decision.events.forEach((e, i) => expect(e).toMatchObject(expected[i]));
                    return { events: decision.events, state: (0, evolve_1.fold)(decision.events, state) };
                },
                /** The command is refused with an error of this kind matching these fields. */
                thenFails(kind, match = {}) {
                    if (decision.ok)
                        throw new Error(`expected ${kind}, got events ${decision.events.map((e) => e.type).join(', ')}`);
                    expect(decision.error).toMatchObject({ kind, ...match });
                    return decision.error;
                },
            };
        },
    };
}
/** Reusable histories. */
exports.steps = {
    open: (overrides = {}) => ({
        command: { type: 'OpenTicket', serviceCode: 'TRASH-MISSED', description: 'Trash not picked up on Elm St', channel: 'phone', ...overrides },
        by: test_catalog_1.actors.operator,
    }),
    assign: (department = 'DPW', assignee) => ({
        command: { type: 'AssignTicket', department, ...(assignee ? { assignee } : {}) },
        by: test_catalog_1.actors.operator,
    }),
    start: (by = test_catalog_1.actors.dpwStaff) => ({ command: { type: 'StartWork' }, by }),
    hold: (by = test_catalog_1.actors.dpwStaff) => ({ command: { type: 'PutTicketOnHold', reason: 'waiting for the resident' }, by }),
    resume: (by = test_catalog_1.actors.dpwStaff) => ({ command: { type: 'ResumeTicket' }, by }),
    escalate: (by = test_catalog_1.actors.dpwStaff, department) => ({
        command: { type: 'EscalateTicket', reason: 'complex', ...(department ? { department } : {}) },
        by,
    }),
    complete: (by = test_catalog_1.actors.dpwStaff) => ({
        command: { type: 'CompleteTicket', resolutionCode: 'collected', note: 'Crew collected the bins' },
        by,
    }),
    close: (by = test_catalog_1.actors.operator) => ({ command: { type: 'CloseTicket', reason: 'withdrawn' }, by }),
};
//# sourceMappingURL=ticket-spec.js.map