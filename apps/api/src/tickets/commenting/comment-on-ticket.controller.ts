import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import type { CommandResult } from '@switchboard/command-handling';
import { TicketCommandHandler } from '@switchboard/command-handling';
import { CommentOnTicketDto } from './comment-on-ticket.dto';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class CommentOnTicketController {
  constructor(private readonly commands: TicketCommandHandler) {}

  /** Adds an internal or public comment; the ticket does not move. */
  @Post(':id/comments')
  @HttpCode(200)
  comment(@Param('id') ticketId: string, @Body() body: CommentOnTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute({ ...body, type: 'CommentOnTicket', ticketId }, meta);
  }
}
