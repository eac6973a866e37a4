import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { ReopenTicketDto } from './reopen-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class ReopenTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Reopens a completed ticket within the window; it goes back to the completing department. */
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  reopen(@Param('id') ticketId: string, @Body() body: ReopenTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'ReopenTicket', ticketId }, meta);
  }
}
