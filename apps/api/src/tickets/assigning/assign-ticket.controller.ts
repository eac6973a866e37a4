import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { AssignTicketDto } from './assign-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class AssignTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Routes the ticket to a department (optionally a named assignee), or reassigns it. */
  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  assign(@Param('id') ticketId: string, @Body() body: AssignTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'AssignTicket', ticketId }, meta);
  }
}
