import { decide, type Decision } from '../decide/decide';
import type { DomainError } from '../decide/domain-errors';
import type { TicketCommand } from '../commands/ticket-commands';
import type { StampedTicketEvent, TicketEvent } from '../events/ticket-events';
import { fold } from '../evolve/evolve';
import type { Actor } from '../model/actor';
import { initialTicketState, type TicketState } from '../model/ticket-state';
import { actors, testCatalog } from './test-catalog';

type Distribute<T> = T extends unknown ? Omit<T, 'ticketId'> : never;
/** A command for the spec's ticket, without repeating its id. */
export type SpecCommand = Distribute<TicketCommand>;

export interface Step {
  readonly command: SpecCommand;
  readonly by: Actor;
  /** ISO instant; defaults to the step before it plus a minute. */
  readonly at?: string;
}

export const TICKET_ID = 'K7M-4QX2';
const START = '2026-11-02T14:00:00.000Z'; // a Monday, 09:00 in Boston

let counter = 0;

/** Runs a command against a state, failing the test if the command is refused. */
export function accept(state: TicketState, step: Step, at: Date): StampedTicketEvent[] {
  const decision = run(state, step, at);
  if (!decision.ok) throw new Error(`given-step ${step.command.type} was refused: ${decision.error.message}`);
  return decision.events;
}

function run(state: TicketState, step: Step, at: Date): Decision {
  counter += 1;
  return decide({ ...step.command, ticketId: TICKET_ID } as TicketCommand, state, {
    now: at,
    actor: step.by,
    commandId: `cmd-${counter}`,
    catalog: testCatalog,
  });
}

/**
 * Given/when/then for the ticket lifecycle: `given` steps are commands that must be
 * accepted (their events become the history), `when` is the command under test.
 */
export function given(...steps: Step[]) {
  let clock = new Date(START);
  const history: StampedTicketEvent[] = [];
  let state: TicketState = initialTicketState;
  for (const step of steps) {
    clock = step.at ? new Date(step.at) : new Date(clock.getTime() + 60_000);
    const events = accept(state, step, clock);
    history.push(...events);
    state = fold(events, state);
  }
  return {
    history,
    state,
    when(command: SpecCommand, by: Actor, at?: string) {
      const now = at ? new Date(at) : new Date(clock.getTime() + 60_000);
      const decision = run(state, { command, by }, now);
      return {
        decision,
        /** The command is accepted and produces exactly these events (data compared partially). */
        then(...expected: Array<Partial<StampedTicketEvent> & { type: TicketEvent['type'] }>) {
          if (!decision.ok) throw new Error(`expected success, got ${decision.error.kind}: ${decision.error.message}`);
          expect(decision.events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
          decision.events.forEach((e, i) => expect(e).toMatchObject(expected[i]));
          return { events: decision.events, state: fold(decision.events, state) };
        },
        /** The command is refused with an error of this kind matching these fields. */
        thenFails<K extends DomainError['kind']>(kind: K, match: Partial<Extract<DomainError, { kind: K }>> = {}) {
          if (decision.ok) throw new Error(`expected ${kind}, got events ${decision.events.map((e) => e.type).join(', ')}`);
          expect(decision.error).toMatchObject({ kind, ...match });
          return decision.error as Extract<DomainError, { kind: K }>;
        },
      };
    },
  };
}

/** Reusable histories. */
export const steps = {
  open: (overrides: Partial<Extract<SpecCommand, { type: 'OpenTicket' }>> = {}): Step => ({
    command: { type: 'OpenTicket', serviceCode: 'TRASH-MISSED', description: 'Trash not picked up on Elm St', channel: 'phone', ...overrides },
    by: actors.operator,
  }),
  assign: (department = 'DPW', assignee?: string): Step => ({
    command: { type: 'AssignTicket', department, ...(assignee ? { assignee } : {}) },
    by: actors.operator,
  }),
  start: (by: Actor = actors.dpwStaff): Step => ({ command: { type: 'StartWork' }, by }),
  hold: (by: Actor = actors.dpwStaff): Step => ({ command: { type: 'PutTicketOnHold', reason: 'waiting for the resident' }, by }),
  resume: (by: Actor = actors.dpwStaff): Step => ({ command: { type: 'ResumeTicket' }, by }),
  escalate: (by: Actor = actors.dpwStaff, department?: string): Step => ({
    command: { type: 'EscalateTicket', reason: 'complex', ...(department ? { department } : {}) },
    by,
  }),
  complete: (by: Actor = actors.dpwStaff): Step => ({
    command: { type: 'CompleteTicket', resolutionCode: 'collected', note: 'Crew collected the bins' },
    by,
  }),
  close: (by: Actor = actors.operator): Step => ({ command: { type: 'CloseTicket', reason: 'withdrawn' }, by }),
};
