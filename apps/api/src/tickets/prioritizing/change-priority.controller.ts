import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { ChangePriorityDto } from './change-priority.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class ChangePriorityController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Changes the priority; the ticket does not move. */
  @Post(':id/priority')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  changePriority(@Param('id') ticketId: string, @Body() body: ChangePriorityDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'ChangePriority', ticketId }, meta);
  }
}
