import { transition } from 'xstate';
import { checkAttributeAnswers, type ServiceCatalog } from '../catalog';
import type { OpenTicket, TicketCommand } from '../commands/ticket-commands';
import type { StampedTicketEvent } from '../events/ticket-events';
import { stampEvent } from '../events/ticket-stream';
import { explainRefusal } from '../lifecycle/explain-refusal';
import { lifecycleSnapshot } from '../lifecycle/lifecycle-snapshot';
import type { LifecycleEvent } from '../lifecycle/machine-types';
import type { Actor } from '../model/actor';
import type { TicketState, TicketStatus } from '../model/ticket-state';
import { type DomainError, invalid, type InvalidCommand } from './domain-errors';
import { emitEvents } from './emit-events';
import { checkReferences } from './check-references';
import { validateCommand } from './validate-command';

/** Everything a decision needs from outside the domain: time, identity, ids and the catalog. */
export interface DecisionContext {
  readonly now: Date;
  readonly actor: Actor;
  /** Idempotency key of the command; event ids derive from it. */
  readonly commandId: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly catalog: ServiceCatalog;
}

export type Decision =
  | { readonly ok: true; readonly events: StampedTicketEvent[]; readonly status: TicketStatus }
  | { readonly ok: false; readonly error: DomainError; readonly problems?: readonly DomainError[] };

/**
 * Decides what a command does to a ticket: validates its fields, asks the lifecycle machine
 * whether it may happen now, and returns the resulting events with their metadata — or the
 * domain error that explains the refusal. Pure: same inputs, same events, same ids.
 */
export function decide(command: TicketCommand, state: TicketState, ctx: DecisionContext): Decision {
  const problems = validateCommand(command);
  if (problems.length > 0) return { ok: false, error: problems[0], problems };

  const snapshot = lifecycleSnapshot(state, ctx.catalog.config.policies.reopenWindowDays, (code) => ctx.catalog.routing(code) === 'on_open');
  const event = { ...command, actor: ctx.actor, now: ctx.now.getTime() } as LifecycleEvent;
  if (!snapshot.can(event)) return { ok: false, error: explainRefusal(snapshot, event) };

  const missing = checkReferences(command, ctx.catalog);
  if (missing) return { ok: false, error: missing };
  const answered = command.type === 'OpenTicket' ? answersToTheServiceQuestions(command, ctx.catalog) : undefined;
  if (answered && !answered.ok) return { ok: false, error: answered.problems[0], problems: answered.problems };
  const decided = answered?.ok ? answered.command : command;

  const [next] = transition(snapshot.machine, snapshot, event);
  const status = next.value as TicketStatus;
  const facts = emitEvents(decided, { state, status, now: ctx.now, actor: ctx.actor, catalog: ctx.catalog, commandId: ctx.commandId });
  const stamp = {
    commandId: ctx.commandId,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    actor: ctx.actor,
    occurredAt: ctx.now.toISOString(),
    command,
  };
  const events = facts.map((fact, index) => stampEvent(fact, index, stamp) as StampedTicketEvent);
  return { ok: true, events, status };
}

/**
 * An open's answers checked against its service's questions, as every intake path checks them;
 * the command carries the answers as recorded (numbers as numbers, list choices once).
 */
function answersToTheServiceQuestions(
  command: OpenTicket,
  catalog: ServiceCatalog,
): { ok: true; command: OpenTicket } | { ok: false; problems: InvalidCommand[] } {
  const service = catalog.service(command.serviceCode)!;
  const { answers, problems } = checkAttributeAnswers(service, command.attributes ?? {});
  if (problems.length > 0) {
    return { ok: false, problems: problems.map(({ code, message }) => invalid(command.type, `attributes.${code}`, message)) };
  }
  const { attributes: _given, ...rest } = command;
  return { ok: true, command: Object.keys(answers).length > 0 ? { ...rest, attributes: answers } : rest };
}
