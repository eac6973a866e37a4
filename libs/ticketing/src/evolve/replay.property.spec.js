"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const fast_check_1 = __importDefault(require("fast-check"));
const ticket_commands_1 = require("../commands/ticket-commands");
const decide_1 = require("../decide/decide");
const upcasters_1 = require("../events/upcasters");
const lifecycle_snapshot_1 = require("../lifecycle/lifecycle-snapshot");
const ticket_machine_1 = require("../lifecycle/ticket-machine");
const ticket_state_1 = require("../model/ticket-state");
const command_samples_1 = require("../testing/command-samples");
const test_catalog_1 = require("../testing/test-catalog");
const evolve_1 = require("./evolve");
const actorList = Object.values(test_catalog_1.actors);
/** One attempted command: which type, who tries it, how much later. */
const attempt = fast_check_1.default.record({
    type: fast_check_1.default.constantFrom(...ticket_commands_1.TICKET_COMMAND_TYPES),
    actor: fast_check_1.default.constantFrom(...actorList, undefined),
    minutesLater: fast_check_1.default.integer({ min: 0, max: 60 * 24 * 10 }),
});
function play(attempts) {
    let state = ticket_state_1.initialTicketState;
    let clock = Date.parse('2026-11-02T14:00:00Z');
    const run = { history: [], states: [], statuses: [] };
    attempts.forEach((a, i) => {
        clock += a.minutesLater * 60_000;
        const sample = (0, command_samples_1.sampleCommand)(a.type, state, clock);
        const actor = a.actor ?? sample.actor;
        const decision = (0, decide_1.decide)(sample.command, state, {
            now: new Date(sample.now),
            actor,
            commandId: `p-${i}`,
            catalog: test_catalog_1.testCatalog,
        });
        if (!decision.ok)
            return;
        clock = sample.now;
        state = (0, evolve_1.fold)(decision.events, state);
        run.history.push(...decision.events);
        run.states.push(state);
        run.statuses.push(decision.status);
    });
    return run;
}
const machineStates = new Set(Object.keys(ticket_machine_1.ticketLifecycle.root.states));
describe('replaying accepted histories (property-based)', () => {
    it('the history of any accepted command sequence folds back to the same state, also after a round trip through JSON', () => {
        fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.array(attempt, { maxLength: 40 }), (attempts) => {
            const run = play(attempts);
            const final = run.states.at(-1) ?? ticket_state_1.initialTicketState;
            expect((0, evolve_1.fold)(run.history)).toEqual(final);
            const stored = JSON.parse(JSON.stringify(run.history));
            expect((0, evolve_1.fold)(stored.map((e) => (0, upcasters_1.upcast)(e)))).toEqual(final);
        }), { numRuns: 300 });
    });
    it('folding is deterministic and deciding is repeatable (same command id → same event ids)', () => {
        fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.array(attempt, { maxLength: 30 }), (attempts) => {
            const a = play(attempts);
            const b = play(attempts);
            expect(b.history).toEqual(a.history);
            expect((0, evolve_1.fold)(a.history)).toEqual((0, evolve_1.fold)(a.history));
        }), { numRuns: 150 });
    });
    it('no accepted sequence reaches a state the machine does not define, and evolve agrees with the machine', () => {
        fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.array(attempt, { maxLength: 40 }), (attempts) => {
            const run = play(attempts);
            run.states.forEach((state, i) => {
                expect(machineStates.has(state.status)).toBe(true);
                expect(state.status).toBe(run.statuses[i]);
                expect((0, lifecycle_snapshot_1.lifecycleSnapshot)(state, 30).value).toBe(state.status);
            });
        }), { numRuns: 300 });
    });
    it('evolve applies recorded history that today’s rules would refuse', () => {
        // Recorded under an older policy: staff of another department completed the ticket
        // straight from intake. Today that is forbidden; history still folds.
        const metadata = (n) => ({
            eventId: `e-${n}`,
            commandId: `c-${n}`,
            correlationId: `c-${n}`,
            causationId: `c-${n}`,
            actor: test_catalog_1.actors.clerkStaff,
            occurredAt: `2019-05-0${n}T12:00:00.000Z`,
            schemaVersion: 1,
        });
        const history = [
            (0, upcasters_1.upcast)({
                type: 'TicketOpened',
                data: { ticketId: 'OLD-1', serviceCode: 'RETIRED-SERVICE', description: 'old', channel: 'phone', priority: 'normal', department: 'PARKS' },
                metadata: metadata(1),
            }),
            { type: 'TicketCompleted', data: { resolutionCode: 'x', note: 'y', firstContactResolution: true }, metadata: metadata(2) },
            { type: 'TicketResumed', data: {}, metadata: metadata(3) },
        ];
        const state = history.reduce(evolve_1.evolve, ticket_state_1.initialTicketState);
        expect(state).toMatchObject({ status: 'assigned', serviceCode: 'RETIRED-SERVICE', owningDepartment: 'PARKS' });
    });
});
//# sourceMappingURL=replay.property.spec.js.map