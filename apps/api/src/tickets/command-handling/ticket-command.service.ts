import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError, EVENT_STORE, type EventInput, type EventStore, type JsonObject } from '@switchboard/event-store';
import { decide, type RecordedTicketEvent, type ServiceCatalog, type TicketCommand, ticketStreamName } from '@switchboard/ticketing';
import { CATALOG } from '../../catalog/catalog.module';
import { CLOCK, type Clock } from '../../clock/clock';
import { DomainRefusal, RevisionMismatch } from '../../errors/api-exceptions';
import { loadTicket } from '../reading/load-ticket';
import type { CommandMeta } from './command-meta';
import { type CommandResult, resultOfRecordedCommand } from './command-result';
import { KeyedLock } from './keyed-lock';

/** How often a command is decided again on fresh state after another writer got there first. */
const MAX_ATTEMPTS = 5;

/** OpenTicket drew an id that another ticket already has; the caller draws another. */
export class TicketIdTaken extends Error {}

/** The one command pipeline: load the ticket's stream, fold, decide, append at the expected revision. */
@Injectable()
export class TicketCommandService {
  private readonly lock = new KeyedLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Executes a command; a retry with the same command id answers the original result and writes nothing. */
  execute(command: TicketCommand, meta: CommandMeta): Promise<CommandResult> {
    return this.lock.run(command.ticketId, async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.attempt(command, meta);
        } catch (error) {
          const retry = error instanceof ConcurrencyConflictError && meta.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
          if (!retry) throw this.explainConflict(error, command.ticketId, meta);
        }
      }
    });
  }

  private async attempt(command: TicketCommand, meta: CommandMeta): Promise<CommandResult> {
    const ticket = await loadTicket(this.store, command.ticketId);
    const original = resultOfRecordedCommand(ticket.ticketId, ticket.records, meta.commandId);
    if (original) return original;
    if (command.type === 'OpenTicket' && ticket.revision !== undefined) throw new TicketIdTaken();
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== ticket.revision) {
      throw new RevisionMismatch(ticket.ticketId, meta.expectedRevision, ticket.revision);
    }
    const decision = decide(command, ticket.state, {
      now: this.clock.now(),
      actor: meta.actor,
      commandId: meta.commandId,
      correlationId: meta.correlationId,
      catalog: this.catalog,
    });
    if (!decision.ok) throw new DomainRefusal(decision.error, decision.problems);
    const expected = ticket.revision ?? 'no_stream';
    const appended = await this.store.append(ticketStreamName(command.ticketId), expected, decision.events.map(toEventInput));
    return {
      ticketId: command.ticketId,
      revision: appended.nextExpectedRevision,
      position: appended.position,
      status: decision.status,
      events: decision.events.map((event) => event.type),
    };
  }

  /** With If-Match, a conflict means the named revision is stale: answer 412 with the current one. */
  private explainConflict(error: unknown, ticketId: string, meta: CommandMeta): unknown {
    if (!(error instanceof ConcurrencyConflictError) || meta.expectedRevision === undefined) return error;
    return new RevisionMismatch(ticketId, meta.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
  }
}

const toEventInput = (event: RecordedTicketEvent): EventInput => ({
  id: event.metadata.eventId,
  type: event.type,
  data: event.data as unknown as JsonObject,
  metadata: event.metadata as unknown as JsonObject,
});
