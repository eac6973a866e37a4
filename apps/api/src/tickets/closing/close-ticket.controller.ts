import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { CloseTicketDto } from './close-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class CloseTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Ends the ticket without completion (duplicate, withdrawn, invalid, not the city). */
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  close(@Param('id') ticketId: string, @Body() body: CloseTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'CloseTicket', ticketId }, meta);
  }
}
