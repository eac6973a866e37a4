import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import type { CommandResult } from '@switchboard/ticket-service';
import { TicketCommandService } from '../command-handling/ticket-command.service';
import { CloseTicketDto } from './close-ticket.dto';

@ApiTags('commands')
@Controller('tickets')
export class CloseTicketController {
  constructor(private readonly commands: TicketCommandService) {}

  /** Ends the ticket without completion (duplicate, withdrawn, invalid, not the city). */
  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id') ticketId: string, @Body() body: CloseTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute({ ...body, type: 'CloseTicket', ticketId }, meta);
  }
}
