import { fromTransition } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap } from 'xstate/graph';
import { TICKET_COMMAND_TYPES, type TicketCommandType } from '../commands/ticket-commands';
import { decide } from '../decide/decide';
import { fold } from '../evolve/evolve';
import { initialTicketState, TICKET_STATUSES, type TicketState, type TicketStatus } from '../model/ticket-state';
import { sampleCommand } from '../testing/command-samples';
import { createServiceCatalog } from '../catalog';
import { testCatalog, testCatalogConfig } from '../testing/test-catalog';
import { commandsAcceptedIn, ticketLifecycle } from './ticket-machine';

// Model-based tests: the command types to try in each state come from the machine, and
// xstate/graph explores every state the domain (decide + evolve) can reach with them.

interface Model {
  readonly ticket: TicketState;
  readonly clock: number;
  readonly accepted: boolean;
}

/** The test catalog with every service routed on open: an open there leads to `assigned`. */
const routingCatalog = createServiceCatalog({
  ...testCatalogConfig,
  services: testCatalogConfig.services.map((service) => ({ ...service, routing: 'on_open' as const })),
});

/** A command type to try; an open is tried under both catalogs, since the catalog's routing policy picks its target. */
interface ModelEvent {
  readonly type: TicketCommandType;
  readonly routedOnOpen?: true;
}

let commandSeq = 0;
const domain = fromTransition(
  (model: Model, event: ModelEvent): Model => {
    const { command, actor, now } = sampleCommand(event.type, model.ticket, model.clock + 60_000);
    commandSeq += 1;
    const catalog = event.routedOnOpen ? routingCatalog : testCatalog;
    const decision = decide(command, model.ticket, { now: new Date(now), actor, commandId: `m-${commandSeq}`, catalog });
    if (!decision.ok) return { ...model, accepted: false };
    return { ticket: fold(decision.events, model.ticket), clock: now, accepted: true };
  },
  { ticket: initialTicketState, clock: Date.parse('2026-11-02T14:00:00Z'), accepted: true } as Model,
);

const key = (t: TicketState) => [t.status, t.heldFrom, t.escalationTier, t.department, t.priority, t.breachedDueAt === t.dueAt && !!t.dueAt].join('|');

const adjacency = getAdjacencyMap(domain, {
  events: (snapshot) =>
    commandsAcceptedIn(snapshot.context.ticket.status).flatMap((type): ModelEvent[] =>
      type === 'OpenTicket' ? [{ type }, { type, routedOnOpen: true }] : [{ type }],
    ),
  serializeState: (snapshot) => key(snapshot.context.ticket),
});
const reachable = Object.values(adjacency).map((v) => v.state.context.ticket);

/** Every (state, command, target) edge the machine defines. */
const machineEdges = Object.entries(ticketLifecycle.root.states).flatMap(([from, node]) =>
  Object.entries(node.on).flatMap(([command, transitions]) => transitions.map((t) => `${from} -${command}-> ${t.target?.[0]?.key ?? from}`)),
);

const exercisedEdges = new Set(
  adjacencyMapToArray(adjacency)
    .filter((step) => step.nextState.context.accepted)
    .map((step) => `${step.state.context.ticket.status} -${step.event.type}-> ${step.nextState.context.ticket.status}`),
);

describe('the lifecycle, explored from the machine definition', () => {
  it('reaches every state the machine defines', () => {
    expect(new Set(reachable.map((t) => t.status))).toEqual(new Set(TICKET_STATUSES));
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
  const refusals = TICKET_STATUSES.flatMap((status) =>
    TICKET_COMMAND_TYPES.filter((type) => !commandsAcceptedIn(status).includes(type)).map(
      (type) => [status, type, reachable.filter((t) => t.status === status)] as const,
    ),
  );

  const refuse = (type: TicketCommandType, ticket: TicketState) => {
    const { command, actor, now } = sampleCommand(type, ticket, Date.parse('2026-11-10T15:00:00Z'));
    return decide(command, ticket, { now: new Date(now), actor, commandId: 'refused', catalog: testCatalog });
  };

  it.each(refusals.filter(([status]) => status !== 'unopened'))('in %s, %s is an IllegalTransition listing what is allowed', (status, type, tickets) => {
    expect(tickets.length).toBeGreaterThan(0);
    for (const ticket of tickets) {
      expect(refuse(type, ticket)).toMatchObject({
        ok: false,
        error: { kind: 'IllegalTransition', state: status, command: type, allowed: commandsAcceptedIn(status as TicketStatus) },
      });
    }
  });

  it.each(refusals.filter(([status]) => status === 'unopened'))('with no history, %s → %s is NotFound', (_status, type, tickets) => {
    for (const ticket of tickets) {
      expect(refuse(type, ticket)).toMatchObject({ ok: false, error: { kind: 'NotFound', what: 'ticket' } });
    }
  });
});
