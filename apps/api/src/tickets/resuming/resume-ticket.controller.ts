import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import type { CommandResult } from '@switchboard/command-handling';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { ResumeTicketDto } from './resume-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class ResumeTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Ends a hold: back where the ticket was, with the SLA clock running again. */
  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id') ticketId: string, @Body() body: ResumeTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute({ ...body, type: 'ResumeTicket', ticketId }, meta);
  }
}
