"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const xstate_1 = require("xstate");
const graph_1 = require("xstate/graph");
const ticket_commands_1 = require("../commands/ticket-commands");
const decide_1 = require("../decide/decide");
const evolve_1 = require("../evolve/evolve");
const ticket_state_1 = require("../model/ticket-state");
const command_samples_1 = require("../testing/command-samples");
const test_catalog_1 = require("../testing/test-catalog");
const ticket_machine_1 = require("./ticket-machine");
let commandSeq = 0;
const domain = (0, xstate_1.fromTransition)((model, event) => {
    const { command, actor, now } = (0, command_samples_1.sampleCommand)(event.type, model.ticket, model.clock + 60_000);
    commandSeq += 1;
    const decision = (0, decide_1.decide)(command, model.ticket, { now: new Date(now), actor, commandId: `m-${commandSeq}`, catalog: test_catalog_1.testCatalog });
    if (!decision.ok)
        return { ...model, accepted: false };
    return { ticket: (0, evolve_1.fold)(decision.events, model.ticket), clock: now, accepted: true };
}, { ticket: ticket_state_1.initialTicketState, clock: Date.parse('2026-11-02T14:00:00Z'), accepted: true });
const key = (t) => [t.status, t.heldFrom, t.escalationTier, t.department, t.priority, t.breachedDueAt === t.dueAt && !!t.dueAt].join('|');
const adjacency = (0, graph_1.getAdjacencyMap)(domain, {
    events: (snapshot) => (0, ticket_machine_1.commandsAcceptedIn)(snapshot.context.ticket.status).map((type) => ({ type })),
    serializeState: (snapshot) => key(snapshot.context.ticket),
});
const reachable = Object.values(adjacency).map((v) => v.state.context.ticket);
/** Every (state, command, target) edge the machine defines. */
const machineEdges = Object.entries(ticket_machine_1.ticketLifecycle.root.states).flatMap(([from, node]) => Object.entries(node.on).flatMap(([command, transitions]) => transitions.map((t) => `${from} -${command}-> ${t.target?.[0]?.key ?? from}`)));
const exercisedEdges = new Set((0, graph_1.adjacencyMapToArray)(adjacency)
    .filter((step) => step.nextState.context.accepted)
    .map((step) => `${step.state.context.ticket.status} -${step.event.type}-> ${step.nextState.context.ticket.status}`));
describe('the lifecycle, explored from the machine definition', () => {
    it('reaches every state the machine defines', () => {
        expect(new Set(reachable.map((t) => t.status))).toEqual(new Set(ticket_state_1.TICKET_STATUSES));
    });
    it('exercises every transition the machine defines', () => {
        expect(machineEdges.filter((edge) => !exercisedEdges.has(edge))).toEqual([]);
        expect(machineEdges.length).toBeGreaterThan(40);
    });
    it('never takes a transition the machine does not define', () => {
        expect([...exercisedEdges].filter((edge) => !machineEdges.includes(edge))).toEqual([]);
    });
    // Every command the machine does not accept in a state, tried against every reachable
    // variant of that state (department, tier, hold origin, …).
    const refusals = ticket_state_1.TICKET_STATUSES.flatMap((status) => ticket_commands_1.TICKET_COMMAND_TYPES.filter((type) => !(0, ticket_machine_1.commandsAcceptedIn)(status).includes(type)).map((type) => [status, type, reachable.filter((t) => t.status === status)]));
    const refuse = (type, ticket) => {
        const { command, actor, now } = (0, command_samples_1.sampleCommand)(type, ticket, Date.parse('2026-11-10T15:00:00Z'));
        return (0, decide_1.decide)(command, ticket, { now: new Date(now), actor, commandId: 'refused', catalog: test_catalog_1.testCatalog });
    };
    it.each(refusals.filter(([status]) => status !== 'unopened'))('in %s, %s is an IllegalTransition listing what is allowed', (status, type, tickets) => {
        expect(tickets.length).toBeGreaterThan(0);
        for (const ticket of tickets) {
            expect(refuse(type, ticket)).toMatchObject({
                ok: false,
                error: { kind: 'IllegalTransition', state: status, command: type, allowed: (0, ticket_machine_1.commandsAcceptedIn)(status) },
            });
        }
    });
    it.each(refusals.filter(([status]) => status === 'unopened'))('with no history, %s → %s is NotFound', (_status, type, tickets) => {
        for (const ticket of tickets) {
            expect(refuse(type, ticket)).toMatchObject({ ok: false, error: { kind: 'NotFound', what: 'ticket' } });
        }
    });
});
//# sourceMappingURL=lifecycle.model.spec.js.map