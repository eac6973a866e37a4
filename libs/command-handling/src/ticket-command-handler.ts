import { ConcurrencyConflictError, InvalidArgumentError, type EventStore } from '@switchboard/event-store';
import {
  carriesResidentData,
  decide,
  encodeTicketEvent,
  type ResidentKeyStore,
  evolve,
  initialTicketState,
  type Actor,
  type DecisionContext,
  type TicketState,
  type ServiceCatalog,
  type TicketCommand,
  ticketStreamName,
} from '@switchboard/ticketing';
import { CommandRefused, RevisionMismatch, TicketIdTaken } from './command-errors';
import { type CommandResult, resultOfRecordedCommand } from './command-result';
import { KeyedLock } from './keyed-lock';
import { type LoadedTicket, loadTicket } from './load-ticket';

/** How often a command is decided again on fresh state after another writer got there first. */
const MAX_ATTEMPTS = 5;

/** What a decision is given: the command's metadata, the instant and the catalog (every pipeline, tickets and knowledge records alike). */
export const decisionContext = (meta: CommandMeta, now: Date, catalog: ServiceCatalog): DecisionContext => ({
  now,
  actor: meta.actor,
  commandId: meta.commandId,
  correlationId: meta.correlationId,
  causationId: meta.causationId,
  catalog,
});

/** Who sends a command, under which id, and against which revision. */
export interface CommandMeta {
  readonly actor: Actor;
  /** Idempotency key: event ids derive from it, so a retry writes nothing twice. */
  readonly commandId: string;
  /** The revision the caller saw; undefined means "decide on the latest state". */
  readonly expectedRevision?: number;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** A command picked on a freshly loaded ticket, with the id it is sent under: a deterministic id names what that state called for. */
export interface ChosenCommand {
  readonly command: TicketCommand;
  readonly commandId: string;
  readonly correlationId?: string;
}

/** Who sends the commands `executeOnFresh` picks; the revision is always the one just loaded. */
export type FreshCommandMeta = Pick<CommandMeta, 'actor' | 'causationId'>;

/** What `executeOnFresh` did: the command picked (on the last state loaded), its answer, and the ticket's state after it. */
export interface FreshExecution<C extends ChosenCommand> {
  readonly chosen: C;
  readonly result: CommandResult;
  /** The state the command left the ticket in: what to ask next without reading the stream again. */
  readonly state: TicketState;
}

/** How a command ended, for metrics: accepted, refused by the domain (by error kind), or failed otherwise. */
export type CommandOutcome = 'accepted' | 'repeated' | 'IllegalTransition' | 'Forbidden' | 'InvalidCommand' | 'NotFound' | 'revision_mismatch' | 'error';

/** Optional hooks for observability; the pipeline works the same without them. */
export interface CommandObserver {
  commandFinished?(type: TicketCommand['type'], outcome: CommandOutcome, seconds: number): void;
  /** Another writer changed the ticket between read and append; `retried` is false when the caller named a revision. */
  conflict?(type: TicketCommand['type'], retried: boolean): void;
  appended?(seconds: number): void;
}

/**
 * The one command pipeline, shared by the API, the SLA watcher and the CLI: load the ticket's
 * stream, fold, decide, append at the expected revision. Without an expected revision a
 * conflict is decided again on fresh state (bounded); a retried command id answers the
 * original result and writes nothing.
 */
export class TicketCommandHandler {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    private readonly catalog: ServiceCatalog,
    private readonly now: () => Date,
    /** Where the tickets' resident keys live: a contact is sealed under its ticket's key, and read with it. */
    private readonly keys: ResidentKeyStore,
    private readonly observer: CommandObserver = {},
  ) {}

  /** Executes a command; throws CommandRefused, RevisionMismatch, TicketIdTaken, IdempotencyKeyReused or the store's errors. */
  async execute(command: TicketCommand, meta: CommandMeta): Promise<CommandResult> {
    const done = await this.observed(
      () => command.type,
      () =>
        this.lock.run(command.ticketId, async () => {
          if (command.type === 'OpenTicket' && meta.expectedRevision === undefined) {
            const opened = await this.openBlind(command, meta);
            if (opened) return opened;
          }
          return this.retryingConflicts(
            () => command.type,
            command.ticketId,
            meta,
            async () => this.decideOn(await loadTicket(this.store, command.ticketId, this.keys), command, meta),
          );
        }),
    );
    return done.answer;
  }

  /**
   * Decides on fresh state: loads the ticket once, lets `choose` pick the command (and its id) from
   * what it loaded, decides it and appends at that revision; another writer in between (a
   * conflict) repeats the whole, from a fresh load. Undefined when `choose` picks nothing. Throws
   * as `execute` does.
   */
  async executeOnFresh<C extends ChosenCommand>(
    ticketId: string,
    choose: (ticket: LoadedTicket) => C | undefined,
    meta: FreshCommandMeta,
  ): Promise<FreshExecution<C> | undefined> {
    let type: TicketCommand['type'] | undefined;
    const done = await this.observed(
      () => type,
      () =>
        this.lock.run(ticketId, () =>
          this.retryingConflicts(
            () => type,
            ticketId,
            {},
            async () => {
              const ticket = await loadTicket(this.store, ticketId, this.keys);
              const chosen = choose(ticket);
              type = chosen?.command.type;
              if (!chosen) return undefined;
              if (chosen.command.ticketId !== ticketId) throw new Error(`A command chosen on ticket ${ticketId} names ticket ${chosen.command.ticketId}.`);
              const decided = await this.decideOn(ticket, chosen.command, { ...meta, commandId: chosen.commandId, correlationId: chosen.correlationId });
              return { ...decided, chosen };
            },
          ),
        ),
    );
    return done && { chosen: done.chosen, result: done.answer, state: done.state };
  }

  /** Reports each command's outcome and duration to the observer (a pick of nothing is no command). */
  private async observed<T extends { repeated: boolean } | undefined>(typeOf: () => TicketCommand['type'] | undefined, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let outcome: CommandOutcome | undefined;
    try {
      const done = await run();
      outcome = done?.repeated ? 'repeated' : 'accepted';
      return done;
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      const type = typeOf();
      if (type !== undefined) this.observer.commandFinished?.(type, outcome ?? 'error', (performance.now() - started) / 1000);
    }
  }

  /** Runs `attempt` again after a conflict while no revision was named (bounded); with one, a conflict is a RevisionMismatch. */
  private async retryingConflicts<T>(
    typeOf: () => TicketCommand['type'] | undefined,
    ticketId: string,
    meta: Pick<CommandMeta, 'expectedRevision'>,
    attempt: () => Promise<T>,
  ): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        const retry = error instanceof ConcurrencyConflictError && meta.expectedRevision === undefined && tries < MAX_ATTEMPTS;
        const type = typeOf();
        if (error instanceof ConcurrencyConflictError && type !== undefined) this.observer.conflict?.(type, retry);
        if (!retry) throw explainConflict(error, ticketId, meta);
      }
    }
  }

  /**
   * A new ticket id almost never has a stream, so an open is first appended without reading it
   * (one read less on the busiest command). If the stream exists after all — a retried request
   * or an id collision — the append is refused and the full path below sorts out which.
   */
  private async openBlind(command: TicketCommand, meta: CommandMeta): Promise<{ answer: CommandResult; repeated: boolean; state: TicketState } | undefined> {
    try {
      return await this.decideAndAppend(command, meta, initialTicketState, undefined);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError || error instanceof InvalidArgumentError) return undefined;
      throw error;
    }
  }

  /** One try on a loaded ticket; `repeated` when the command id was already recorded and the original answer is returned. */
  private async decideOn(
    ticket: LoadedTicket,
    command: TicketCommand,
    meta: CommandMeta,
  ): Promise<{ answer: CommandResult; repeated: boolean; state: TicketState }> {
    const original = resultOfRecordedCommand(ticket.ticketId, ticket.records, meta.commandId, { command, actor: meta.actor });
    if (original) return { answer: original, repeated: true, state: ticket.state };
    if (command.type === 'OpenTicket' && ticket.revision !== undefined) throw new TicketIdTaken(command.ticketId);
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== ticket.revision) {
      throw new RevisionMismatch(ticket.ticketId, meta.expectedRevision, ticket.revision);
    }
    return this.decideAndAppend(command, meta, ticket.state, ticket.revision);
  }

  /** Decides on `state` and appends at `revision` (undefined: the stream must not exist yet). */
  private async decideAndAppend(
    command: TicketCommand,
    meta: CommandMeta,
    state: TicketState,
    revision: number | undefined,
  ): Promise<{ answer: CommandResult; repeated: boolean; state: TicketState }> {
    const decision = decide(command, state, decisionContext(meta, this.now(), this.catalog));
    if (!decision.ok) throw new CommandRefused(decision.error, decision.problems);
    const expected = revision ?? 'no_stream';
    const appendStarted = performance.now();
    const stream = ticketStreamName(command.ticketId);
    const sealing = decision.events.some(carriesResidentData) ? { recordId: stream, key: await this.keys.issue(stream) } : undefined;
    const appended = await this.store.append(
      stream,
      expected,
      decision.events.map((event) => encodeTicketEvent(event, sealing)),
    );
    this.observer.appended?.((performance.now() - appendStarted) / 1000);
    const answer: CommandResult = {
      ticketId: command.ticketId,
      revision: appended.nextExpectedRevision,
      position: appended.position,
      status: decision.status,
      events: decision.events.map((event) => event.type),
    };
    return { answer, repeated: false, state: decision.events.reduce(evolve, state) };
  }
}

function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof CommandRefused) return error.error.kind;
  return error instanceof RevisionMismatch ? 'revision_mismatch' : 'error';
}

/** With an expected revision, a conflict means it is stale: say which revision the ticket is at. */
function explainConflict(error: unknown, ticketId: string, meta: Pick<CommandMeta, 'expectedRevision'>): unknown {
  if (!(error instanceof ConcurrencyConflictError) || meta.expectedRevision === undefined) return error;
  return new RevisionMismatch(ticketId, meta.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
}
