import type { DecisionContext } from '@switchboard/ticketing';
import { type AnyMachineSnapshot, transition } from 'xstate';
import type { InvalidCommand, KnowledgeDomainError, NotFound } from './domain-errors';
import { explainRefusal, type Lifecycle } from './lifecycle';
import type { MachineEvent } from './rules';
import { type Fact, type Stamped, stampFact } from './stamp';

/** One aggregate's decision logic around its lifecycle machine; `decideWith` runs it. */
export interface Decider<C extends { readonly type: string }, S, F extends Fact, Ctx> {
  readonly lifecycle: Lifecycle<Ctx, MachineEvent<C>>;
  /** Field problems of a command from untrusted JSON; empty when its shape is right. */
  readonly validate: (command: C) => InvalidCommand[];
  /** The machine's context for a folded record. */
  readonly contextOf: (state: S, ctx: DecisionContext) => Ctx;
  readonly statusOf: (state: S) => string;
  /** Departments and service types the command names that the catalog does not know. */
  readonly references: (command: C, ctx: DecisionContext) => NotFound | undefined;
  /** The facts an accepted command produces. */
  readonly emit: (command: C, state: S, ctx: DecisionContext) => F[];
  readonly schemaVersions: Readonly<Record<F['type'], number>>;
}

export type DecisionOf<F extends Fact> =
  | { readonly ok: true; readonly events: Stamped<F>[]; readonly status: string }
  | { readonly ok: false; readonly error: KnowledgeDomainError; readonly problems?: readonly KnowledgeDomainError[] };

/**
 * Decides what a command does: validates its fields, asks the lifecycle machine whether it may
 * happen now (permission before state), checks what it names against the catalog, and returns
 * the stamped facts — or the domain error that explains the refusal. Pure: same inputs, same events.
 */
export function decideWith<C extends { readonly type: string }, S, F extends Fact, Ctx>(
  decider: Decider<C, S, F, Ctx>,
  command: C,
  state: S,
  ctx: DecisionContext,
): DecisionOf<F> {
  const problems = decider.validate(command);
  if (problems.length > 0) return { ok: false, error: problems[0], problems };

  const machine = decider.lifecycle.machine;
  const snapshot: AnyMachineSnapshot = machine.resolveState({ value: decider.statusOf(state), context: decider.contextOf(state, ctx) });
  const event = { ...command, actor: ctx.actor, now: ctx.now.getTime() } as MachineEvent<C>;
  if (!snapshot.can(event)) return { ok: false, error: explainRefusal(decider.lifecycle, snapshot, event) };

  const missing = decider.references(command, ctx);
  if (missing) return { ok: false, error: missing };

  const [next] = transition(machine, snapshot, event);
  const facts = decider.emit(command, state, ctx);
  const versions = decider.schemaVersions as Record<string, number>;
  return { ok: true, events: facts.map((fact, index) => stampFact(fact, index, command, ctx, versions[fact.type])), status: next.value as string };
}
