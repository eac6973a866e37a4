import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
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
  @ApiOkResponse({ type: CommandResultDto })
  resume(@Param('id') ticketId: string, @Body() body: ResumeTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'ResumeTicket', ticketId }, meta);
  }
}
