import type { TicketStatus } from '@switchboard/ticketing';
import type { TicketEventRecord } from './load-ticket';

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

/** The answer a command gave the first time, rebuilt from the events it recorded (for retried requests). */
export function resultOfRecordedCommand(ticketId: string, records: readonly TicketEventRecord[], commandId: string): CommandResult | undefined {
  const own = records.filter((record) => record.event?.metadata.commandId === commandId);
  const last = own.at(-1);
  if (!last) return undefined;
  return {
    ticketId,
    revision: last.stored.revision,
    position: last.stored.globalPosition,
    status: last.stateAfter.status,
    events: own.map((record) => record.stored.type),
  };
}
