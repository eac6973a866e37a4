import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { EscalateTicketDto } from './escalate-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class EscalateTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Raises the ticket one tier (department head, then the director). */
  @Post(':id/escalate')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  escalate(@Param('id') ticketId: string, @Body() body: EscalateTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'EscalateTicket', ticketId }, meta);
  }
}
