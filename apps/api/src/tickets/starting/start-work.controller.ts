import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { StartWorkDto } from './start-work.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class StartWorkController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** The acting staff member claims the ticket and starts work. */
  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  start(@Param('id') ticketId: string, @Body() body: StartWorkDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'StartWork', ticketId }, meta);
  }
}
