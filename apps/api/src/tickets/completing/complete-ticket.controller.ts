import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { CompleteTicketDto } from './complete-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class CompleteTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Resolves the ticket with a resolution code and note. */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  complete(@Param('id') ticketId: string, @Body() body: CompleteTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'CompleteTicket', ticketId }, meta);
  }
}
