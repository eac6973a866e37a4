import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import type { CommandResult } from '@switchboard/ticket-service';
import { TicketCommandService } from '../command-handling/ticket-command.service';
import { AssignTicketDto } from './assign-ticket.dto';

@ApiTags('commands')
@Controller('tickets')
export class AssignTicketController {
  constructor(private readonly commands: TicketCommandService) {}

  /** Routes the ticket to a department (optionally a named assignee), or reassigns it. */
  @Post(':id/assign')
  @HttpCode(200)
  assign(@Param('id') ticketId: string, @Body() body: AssignTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute({ ...body, type: 'AssignTicket', ticketId }, meta);
  }
}
