import { ConcurrencyConflictError, InvalidArgumentError, type EventStore } from '@switchboard/event-store';
import { decide, encodeTicketEvent, initialTicketState, type Actor, type TicketState, type ServiceCatalog, type TicketCommand, ticketStreamName } from '@switchboard/ticketing';
import { CommandRefused, RevisionMismatch, TicketIdTaken } from './command-errors';
import { type CommandResult, resultOfRecordedCommand } from './command-result';
import { KeyedLock } from './keyed-lock';
import { loadTicket } from './load-ticket';

/** How often a command is decided again on fresh state after another writer got there first. */
const MAX_ATTEMPTS = 5;

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
    private readonly observer: CommandObserver = {},
  ) {}

  /** Executes a command; throws CommandRefused, RevisionMismatch, TicketIdTaken, IdempotencyKeyReused or the store's errors. */
  async execute(command: TicketCommand, meta: CommandMeta): Promise<CommandResult> {
    const started = performance.now();
    let outcome: CommandOutcome = 'error';
    try {
      const result = await this.lock.run(command.ticketId, async () => {
        if (command.type === 'OpenTicket' && meta.expectedRevision === undefined) {
          const opened = await this.openBlind(command, meta);
          if (opened) return opened;
        }
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await this.attempt(command, meta);
          } catch (error) {
            const retry = error instanceof ConcurrencyConflictError && meta.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
            if (error instanceof ConcurrencyConflictError) this.observer.conflict?.(command.type, retry);
            if (!retry) throw explainConflict(error, command.ticketId, meta);
          }
        }
      });
      outcome = result.repeated ? 'repeated' : 'accepted';
      return result.answer;
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.observer.commandFinished?.(command.type, outcome, (performance.now() - started) / 1000);
    }
  }

  /**
   * A new ticket id almost never has a stream, so an open is first appended without reading it
   * (one read less on the busiest command). If the stream exists after all — a retried request
   * or an id collision — the append is refused and the full path below sorts out which.
   */
  private async openBlind(command: TicketCommand, meta: CommandMeta): Promise<{ answer: CommandResult; repeated: boolean } | undefined> {
    try {
      return await this.decideAndAppend(command, meta, initialTicketState, undefined);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError || error instanceof InvalidArgumentError) return undefined;
      throw error;
    }
  }

  /** One try; `repeated` when the command id was already recorded and the original answer is returned. */
  private async attempt(command: TicketCommand, meta: CommandMeta): Promise<{ answer: CommandResult; repeated: boolean }> {
    const ticket = await loadTicket(this.store, command.ticketId);
    const original = resultOfRecordedCommand(ticket.ticketId, ticket.records, meta.commandId, { command, actor: meta.actor });
    if (original) return { answer: original, repeated: true };
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
  ): Promise<{ answer: CommandResult; repeated: boolean }> {
    const decision = decide(command, state, {
      now: this.now(),
      actor: meta.actor,
      commandId: meta.commandId,
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      catalog: this.catalog,
    });
    if (!decision.ok) throw new CommandRefused(decision.error, decision.problems);
    const expected = revision ?? 'no_stream';
    const appendStarted = performance.now();
    const appended = await this.store.append(ticketStreamName(command.ticketId), expected, decision.events.map(encodeTicketEvent));
    this.observer.appended?.((performance.now() - appendStarted) / 1000);
    const answer: CommandResult = {
      ticketId: command.ticketId,
      revision: appended.nextExpectedRevision,
      position: appended.position,
      status: decision.status,
      events: decision.events.map((event) => event.type),
    };
    return { answer, repeated: false };
  }
}

function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof CommandRefused) return error.error.kind;
  return error instanceof RevisionMismatch ? 'revision_mismatch' : 'error';
}

/** With an expected revision, a conflict means it is stale: say which revision the ticket is at. */
function explainConflict(error: unknown, ticketId: string, meta: CommandMeta): unknown {
  if (!(error instanceof ConcurrencyConflictError) || meta.expectedRevision === undefined) return error;
  return new RevisionMismatch(ticketId, meta.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
}
