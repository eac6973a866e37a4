import { commandDigest, deterministicEventId, type DecisionContext, type EventMetadata, type TicketCommand } from '@switchboard/ticketing';

/** A fact of the knowledge domain before it is stamped: a discriminated union on `type`. */
export type Fact<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** A fact as stored, with the same metadata a ticket event carries. */
export type Stamped<F extends Fact = Fact> = F & { readonly metadata: EventMetadata };

/** Who decided, under which command, and when: a decision's context without the catalog. */
export type StampContext = Pick<DecisionContext, 'now' | 'actor' | 'commandId' | 'correlationId' | 'causationId'>;

/**
 * The `index`-th fact of a command with its metadata, as tickets stamp theirs: the event id is
 * the ticket domain's name-based id of the command id (a retried command writes nothing twice),
 * and the command's type and digest bind the command id to one request.
 */
export function stampFact<F extends Fact>(fact: F, index: number, command: { readonly type: string }, ctx: StampContext, schemaVersion: number): Stamped<F> {
  const metadata: EventMetadata = {
    eventId: deterministicEventId(ctx.commandId, index),
    commandId: ctx.commandId,
    commandType: command.type,
    // The digest is canonical JSON of the command's fields; only a ticket open is treated specially.
    commandDigest: commandDigest(command as unknown as TicketCommand),
    correlationId: ctx.correlationId ?? ctx.commandId,
    causationId: ctx.causationId ?? ctx.commandId,
    actor: ctx.actor,
    occurredAt: ctx.now.toISOString(),
    schemaVersion,
  };
  return { ...fact, metadata };
}
