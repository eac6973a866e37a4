import { type Actor, ruleNames } from '@switchboard/ticketing';
import { and, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { type Forbidden, type KnowledgeDomainError } from './domain-errors';
import type { BusinessRule, Guard, PermissionRule } from './rules';

/** The named rules of one lifecycle: who may (checked first), then what the command and state must hold. */
export interface LifecycleRules<Ctx, Ev> {
  readonly permissions: Readonly<Record<string, PermissionRule<Guard<Ctx, Ev>>>>;
  readonly business: Readonly<Record<string, BusinessRule<Guard<Ctx, Ev>>>>;
}

/** The machine's guard table: every named rule under its own name. */
export function guardsOf<Ctx, Ev>(rules: LifecycleRules<Ctx, Ev>): Record<string, Guard<Ctx, Ev>> {
  return Object.fromEntries([...Object.entries(rules.permissions), ...Object.entries(rules.business)].map(([name, rule]) => [name, rule.check]));
}

/** A transition allowed when every named rule holds, in the order given (permission first, then business rules). */
export const when = <S extends string, N extends string>(target: S, ...rules: N[]) => ({ target, guard: and(rules as never[]) });

/** What a refusal explainer needs besides the rules: the machine, and how to speak of the record. */
export interface Lifecycle<Ctx, Ev extends { readonly type: string; readonly actor: Actor }> extends LifecycleRules<Ctx, Ev> {
  readonly machine: AnyStateMachine;
  readonly record: 'article' | 'contact' | 'roster' | 'availability';
  /** The state of a record without history, and the command that starts one. */
  readonly unborn: string;
  readonly starts: string;
  readonly idOf: (event: Ev) => string;
  /** The department `D` of a who-may table stands for; undefined when none is known yet. */
  readonly departmentOf: (context: Ctx, event: Ev) => string | undefined;
  /** The one person `id: 'A'` of a who-may table stands for. */
  readonly personOf?: (context: Ctx) => string | undefined;
}

type Transitions = readonly { readonly guard?: unknown }[];

const has = (table: object, name: string): boolean => Object.prototype.hasOwnProperty.call(table, name);

function transitionsOf(machine: AnyStateMachine, state: string, type: string): Transitions {
  const on = machine.root.states[state].on as Record<string, Transitions>;
  return has(on, type) ? on[type] : [];
}

/** The commands a lifecycle accepts in a state, whoever asks. */
export function acceptedIn(machine: AnyStateMachine, state: string): string[] {
  return Object.keys(machine.root.states[state].on);
}

/**
 * Why the machine refused an event: the first named rule of the transition the command aimed
 * for that does not hold, as a domain error — and permission before state: a caller whom no
 * who-may rule of the command admits in any state is told so, not shown the record's state.
 * It reads the machine's own definition and restates no rule.
 */
export function explainRefusal<Ctx, Ev extends { readonly type: string; readonly actor: Actor }>(
  lifecycle: Lifecycle<Ctx, Ev>,
  snapshot: AnyMachineSnapshot,
  event: Ev,
): KnowledgeDomainError {
  const status = snapshot.value as string;
  const context = snapshot.context as Ctx;
  const args = { context, event };
  if (status === lifecycle.unborn && event.type !== lifecycle.starts) {
    const id = lifecycle.idOf(event);
    return { kind: 'NotFound', command: event.type, what: lifecycle.record, id, message: `${lifecycle.record} ${id} does not exist` };
  }
  const allowed = acceptedIn(lifecycle.machine, status);
  const candidates = transitionsOf(lifecycle.machine, status, event.type);
  if (candidates.length === 0) {
    const neverAllowed = refusedEverywhere(lifecycle, context, event);
    if (neverAllowed) return forbidden(lifecycle, neverAllowed, context, event);
    return {
      kind: 'IllegalTransition',
      state: status,
      command: event.type,
      allowed,
      message: `${event.type} is not possible while the ${lifecycle.record} is ${status}; possible now: ${allowed.join(', ') || 'nothing (final state)'}`,
    };
  }
  for (const name of ruleNames(candidates[0].guard)) {
    if (has(lifecycle.permissions, name) && !lifecycle.permissions[name].check(args)) return forbidden(lifecycle, name, context, event);
    const rule = has(lifecycle.business, name) ? lifecycle.business[name] : undefined;
    if (rule && !rule.check(args)) {
      return rule.field === undefined
        ? { kind: 'IllegalTransition', state: status, command: event.type, allowed, rule: name, message: rule.message }
        : { kind: 'InvalidCommand', command: event.type, field: rule.field, message: `${rule.field}: ${rule.message}` };
    }
  }
  throw new Error(`the ${lifecycle.record} lifecycle refused ${event.type} in ${status} but no named rule explains why`);
}

/** The first permission rule of this command that leaves the caller out in every state the command is possible in. */
function refusedEverywhere<Ctx, Ev extends { readonly type: string; readonly actor: Actor }>(
  lifecycle: Lifecycle<Ctx, Ev>,
  context: Ctx,
  event: Ev,
): string | undefined {
  const department = lifecycle.departmentOf(context, event);
  const person = lifecycle.personOf?.(context);
  const admits = (name: string) =>
    lifecycle.permissions[name].whoMay.some(
      (w) =>
        w.role === event.actor.role &&
        (w.department === undefined || event.actor.department === department) &&
        (w.id === undefined || person === undefined || event.actor.id === person),
    );
  let first: string | undefined;
  for (const state of Object.keys(lifecycle.machine.root.states)) {
    for (const transition of transitionsOf(lifecycle.machine, state, event.type)) {
      const excluding = ruleNames(transition.guard).find((name) => has(lifecycle.permissions, name) && !admits(name));
      if (excluding === undefined) return undefined;
      first ??= excluding;
    }
  }
  return first;
}

/** The Forbidden error of a permission rule: who asked, and who may. */
function forbidden<Ctx, Ev extends { readonly type: string; readonly actor: Actor }>(
  lifecycle: Lifecycle<Ctx, Ev>,
  name: string,
  context: Ctx,
  event: Ev,
): Forbidden {
  const department = lifecycle.departmentOf(context, event) ?? `the ${lifecycle.record}'s department`;
  const person = lifecycle.personOf?.(context);
  const whoMay = lifecycle.permissions[name].whoMay.map((w) => ({
    role: w.role,
    ...(w.department === undefined ? {} : { department }),
    ...(w.id === undefined || person === undefined ? {} : { id: person }),
  }));
  const who = whoMay.map((w) => [w.role, w.id, w.department === undefined ? undefined : `of ${w.department}`].filter(Boolean).join(' ')).join(', ');
  return {
    kind: 'Forbidden',
    command: event.type,
    rule: name,
    whoMay,
    message: `${event.actor.role} ${event.actor.id} may not ${event.type} on this ${lifecycle.record}; who may: ${who}`,
  };
}
