import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { PutTicketOnHoldDto } from './put-ticket-on-hold.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class PutTicketOnHoldController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Waits on the resident or a third party; the SLA clock pauses. */
  @Post(':id/hold')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  hold(@Param('id') ticketId: string, @Body() body: PutTicketOnHoldDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'PutTicketOnHold', ticketId }, meta);
  }
}
