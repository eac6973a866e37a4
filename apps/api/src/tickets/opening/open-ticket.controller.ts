import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import type { CommandResult } from '@switchboard/ticket-service';
import { OpenTicketDto } from './open-ticket.dto';
import { TicketOpener } from './ticket-opener';

@ApiTags('commands')
@Controller('tickets')
export class OpenTicketController {
  constructor(private readonly opener: TicketOpener) {}

  /** Records a new ticket in intake; answers 201 with its phone-readable id. */
  @Post()
  open(@Body() body: OpenTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResult> {
    return this.opener.open(body, meta);
  }
}
