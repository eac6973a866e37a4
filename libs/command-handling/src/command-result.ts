import { type Actor, commandDigest, type EventMetadata, type TicketCommand, type TicketStatus } from '@switchboard/ticketing';
import { IdempotencyKeyReused, type RequestDifference } from './command-errors';
import type { TicketHistoryStep } from './load-ticket';

/** What every command answers: where the ticket is now and what was recorded. */
export interface CommandResult {
  readonly ticketId: string;
  /** Revision of the ticket's last event (also sent as `ETag: W/"<revision>"`). */
  readonly revision: number;
  /** Global position of the command's last event: queries can wait for read models to reach it. */
  readonly position: string;
  readonly status: TicketStatus;
  /** Types of the events the command recorded, in order. */
  readonly events: readonly string[];
}

/** The request a command id is sent with now: it must be the one the id was first recorded for. */
export interface AskedCommand {
  readonly command: TicketCommand;
  readonly actor: Actor;
}

/**
 * The answer a command gave the first time, rebuilt from the events it recorded (for retried
 * requests); throws IdempotencyKeyReused when the id was recorded for another request.
 */
export function resultOfRecordedCommand(
  ticketId: string,
  records: readonly TicketHistoryStep[],
  commandId: string,
  asked: AskedCommand,
): CommandResult | undefined {
  const own = records.filter((record) => record.event?.metadata.commandId === commandId);
  const last = own.at(-1);
  if (!last) return undefined;
  const differs = differencesFrom(own[0], asked);
  if (differs.length > 0) {
    throw new IdempotencyKeyReused(commandId, differs, { ticketId, commandType: own[0].event?.metadata.commandType });
  }
  return {
    ticketId,
    revision: last.stored.revision,
    position: last.stored.globalPosition,
    status: last.stateAfter.status,
    events: own.map((record) => record.stored.type),
  };
}

/** How the request asked now differs from the one that recorded `first` (events recorded before digests were kept compare by caller only). */
function differencesFrom(first: TicketHistoryStep, asked: AskedCommand): RequestDifference[] {
  return first.event ? requestDifferences(first.event.metadata, asked) : [];
}

/** How a request differs from the one recorded with `metadata` (any of our streams: the command's type and digest, and who sent it). */
export function requestDifferences(
  metadata: Pick<EventMetadata, 'actor' | 'commandType' | 'commandDigest'>,
  { command, actor }: { readonly command: { readonly type: string }; readonly actor: Actor },
): RequestDifference[] {
  const differs: RequestDifference[] = [];
  if (metadata.actor.id !== actor.id || metadata.actor.role !== actor.role) differs.push('caller');
  if (metadata.commandType !== undefined && metadata.commandType !== command.type) differs.push('command');
  else if (metadata.commandDigest !== undefined && metadata.commandDigest !== commandDigest(command as TicketCommand)) differs.push('body');
  return differs;
}
