import fc from 'fast-check';
import { TICKET_COMMAND_TYPES, type TicketCommand } from '../commands/ticket-commands';
import { decide } from '../decide/decide';
import type { StampedTicketEvent } from '../events/ticket-events';
import { upcast } from '../events/upcasters';
import { lifecycleSnapshot } from '../lifecycle/lifecycle-snapshot';
import { ticketLifecycle } from '../lifecycle/ticket-machine';
import type { Actor } from '../model/actor';
import { initialTicketState, type TicketState } from '../model/ticket-state';
import { sampleCommand } from '../testing/command-samples';
import { actors, testCatalog } from '../testing/test-catalog';
import { evolve, fold } from './evolve';

const actorList: Actor[] = Object.values(actors);

/** One attempted command: which type, who tries it, how much later. */
const attempt = fc.record({
  type: fc.constantFrom(...TICKET_COMMAND_TYPES),
  actor: fc.constantFrom(...actorList, undefined),
  minutesLater: fc.integer({ min: 0, max: 60 * 24 * 10 }),
});

interface Run {
  history: StampedTicketEvent[];
  states: TicketState[];
  statuses: string[];
}

/** Plays attempts against the domain, keeping only what it accepts, like a command handler would. */
type Attempt = typeof attempt extends fc.Arbitrary<infer T> ? T : never;

function play(attempts: Attempt[]): Run {
  let state = initialTicketState;
  let clock = Date.parse('2026-11-02T14:00:00Z');
  const run: Run = { history: [], states: [], statuses: [] };
  attempts.forEach((a, i) => {
    clock += a.minutesLater * 60_000;
    const sample = sampleCommand(a.type, state, clock);
    const actor = a.actor ?? sample.actor;
    const decision = decide(sample.command as TicketCommand, state, {
      now: new Date(sample.now),
      actor,
      commandId: `p-${i}`,
      catalog: testCatalog,
    });
    if (!decision.ok) return;
    clock = sample.now;
    state = fold(decision.events, state);
    run.history.push(...decision.events);
    run.states.push(state);
    run.statuses.push(decision.status);
  });
  return run;
}

const machineStates = new Set(Object.keys(ticketLifecycle.root.states));

describe('replaying accepted histories (property-based)', () => {
  it('the history of any accepted command sequence folds back to the same state, also after a round trip through JSON', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        const run = play(attempts);
        const final = run.states.at(-1) ?? initialTicketState;
        expect(fold(run.history)).toEqual(final);
        const stored = JSON.parse(JSON.stringify(run.history)) as StampedTicketEvent[];
        expect(fold(stored.map((e) => upcast(e)!))).toEqual(final);
      }),
      { numRuns: 300 },
    );
  });

  it('folding is deterministic and deciding is repeatable (same command id → same event ids)', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (attempts) => {
        const a = play(attempts);
        const b = play(attempts);
        expect(b.history).toEqual(a.history);
        expect(fold(a.history)).toEqual(fold(a.history));
      }),
      { numRuns: 150 },
    );
  });

  it('no accepted sequence reaches a state the machine does not define, and evolve agrees with the machine', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        const run = play(attempts);
        run.states.forEach((state, i) => {
          expect(machineStates.has(state.status)).toBe(true);
          expect(state.status).toBe(run.statuses[i]);
          expect(lifecycleSnapshot(state, 30).value).toBe(state.status);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('evolve applies recorded history that today’s rules would refuse', () => {
    // Recorded under an older policy: staff of another department completed the ticket
    // straight from intake. Today that is forbidden; history still folds.
    const metadata = (n: number): StampedTicketEvent['metadata'] => ({
      eventId: `e-${n}`,
      commandId: `c-${n}`,
      correlationId: `c-${n}`,
      causationId: `c-${n}`,
      actor: actors.clerkStaff,
      occurredAt: `2019-05-0${n}T12:00:00.000Z`,
      schemaVersion: 1,
    });
    const history: StampedTicketEvent[] = [
      upcast({
        type: 'TicketOpened',
        data: { ticketId: 'OLD-1', serviceCode: 'RETIRED-SERVICE', description: 'old', channel: 'phone', priority: 'normal', department: 'PARKS' },
        metadata: metadata(1),
      })!,
      { type: 'TicketCompleted', data: { resolutionCode: 'x', note: 'y', firstContactResolution: true }, metadata: metadata(2) },
      { type: 'TicketResumed', data: {}, metadata: metadata(3) },
    ];
    const state = history.reduce(evolve, initialTicketState);
    expect(state).toMatchObject({ status: 'assigned', serviceCode: 'RETIRED-SERVICE', owningDepartment: 'PARKS' });
  });
});
