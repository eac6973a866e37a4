import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { OpenTicketDto } from './open-ticket.dto';
import { TicketOpener } from './ticket-opener';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class OpenTicketController {
  constructor(private readonly opener: TicketOpener) {}

  /** Records a new ticket in intake; answers 201 with its phone-readable id. */
  @Post()
  @ApiCreatedResponse({ type: CommandResultDto })
  open(@Body() body: OpenTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.opener.open(body, meta);
  }
}
