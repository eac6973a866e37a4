import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { newTicketId, type OpenTicket } from '@switchboard/ticketing';
import type { CommandMeta } from '../command-handling/command-meta';
import type { CommandResult } from '@switchboard/command-handling';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { TicketIdTaken } from '@switchboard/command-handling';

/** Draws before giving up: with 35-bit ids, even one collision is rare. */
const MAX_DRAWS = 8;

/**
 * Opens tickets under phone-readable ids. The id is drawn from the command id, so a retried
 * request lands on the same ticket and is recognised; a collision draws the next id.
 */
@Injectable()
export class TicketOpener {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Opens a ticket; the request's fields are the OpenTicket command without its id. */
  async open(fields: Omit<OpenTicket, 'type' | 'ticketId'>, meta: CommandMeta): Promise<CommandResult> {
    for (let draw = 0; ; draw += 1) {
      const ticketId = newTicketId(createHash('sha256').update(`${meta.commandId}\u0000${draw}`).digest());
      try {
        return await this.commands.execute({ ...fields, type: 'OpenTicket', ticketId }, meta);
      } catch (error) {
        if (!(error instanceof TicketIdTaken) || draw + 1 >= MAX_DRAWS) throw error;
      }
    }
  }
}
