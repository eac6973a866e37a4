import type { Actor, DecisionContext, ServiceCatalog } from '@switchboard/ticketing';
import type { DecisionOf } from '../shared/decider';
import type { KnowledgeDomainError } from '../shared/domain-errors';
import type { Fact, Stamped } from '../shared/stamp';

/** A command of the spec's record, without repeating its id. */
export type SpecCommandOf<C, K extends string> = C extends unknown ? Omit<C, K> : never;

export interface SpecStep<C> {
  readonly command: C;
  readonly by: Actor;
  /** ISO instant; defaults to the step before it plus a minute. */
  readonly at?: string;
}

export interface DeciderSpecOptions<C, S, F extends Fact> {
  readonly decide: (command: C, state: S, ctx: DecisionContext) => DecisionOf<F>;
  readonly fold: (events: readonly Stamped<F>[], from: S) => S;
  readonly initial: S;
  /** The command field that names the record, and the spec's record id. */
  readonly idField: string;
  readonly id: string;
  readonly catalog: ServiceCatalog;
  readonly start: string;
}

/**
 * Given/when/then for any of the knowledge domain's deciders, as the ticket's spec reads:
 * `given` steps are commands that must be accepted (their events become the history), `when` is
 * the command under test, `then` the events it must produce, `thenFails` the refusal.
 */
export function deciderSpec<C extends { readonly type: string }, S, F extends Fact, K extends string>(options: DeciderSpecOptions<C, S, F>) {
  let counter = 0;
  // Command ids count from 1 in each history, so ids drawn from them (proposals, callbacks) are known: cmd-<step number>.
  const run = (state: S, step: SpecStep<SpecCommandOf<C, K>>, at: Date): DecisionOf<F> => {
    counter += 1;
    const command = { ...step.command, [options.idField]: options.id } as unknown as C;
    return options.decide(command, state, { now: at, actor: step.by, commandId: `cmd-${counter}`, catalog: options.catalog });
  };
  return function given(...steps: SpecStep<SpecCommandOf<C, K>>[]) {
    counter = 0;
    let clock = new Date(options.start);
    const history: Stamped<F>[] = [];
    let state = options.initial;
    for (const step of steps) {
      clock = step.at ? new Date(step.at) : new Date(clock.getTime() + 60_000);
      const decision = run(state, step, clock);
      if (!decision.ok) throw new Error(`given-step ${(step.command as unknown as { type: string }).type} was refused: ${decision.error.message}`);
      history.push(...decision.events);
      state = options.fold(decision.events, state);
    }
    return {
      history,
      state,
      when(command: SpecCommandOf<C, K>, by: Actor, at?: string) {
        const now = at ? new Date(at) : new Date(clock.getTime() + 60_000);
        const decision = run(state, { command, by }, now);
        return {
          decision,
          /** The command is accepted and produces exactly these events (compared partially). */
          then(...expected: Array<{ type: F['type'] } & Record<string, unknown>>) {
            if (!decision.ok) throw new Error(`expected success, got ${decision.error.kind}: ${decision.error.message}`);
            expect(decision.events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
            decision.events.forEach((e, i) => expect(e).toMatchObject(expected[i]));
            return { events: decision.events, state: options.fold(decision.events, state) };
          },
          /** The command is refused with an error of this kind matching these fields. */
          thenFails<Kind extends KnowledgeDomainError['kind']>(kind: Kind, match: Partial<Extract<KnowledgeDomainError, { kind: Kind }>> = {}) {
            if (decision.ok) throw new Error(`expected ${kind}, got events ${decision.events.map((e) => e.type).join(', ')}`);
            expect(decision.error).toMatchObject({ kind, ...match });
            return decision.error as Extract<KnowledgeDomainError, { kind: Kind }>;
          },
        };
      },
    };
  };
}
