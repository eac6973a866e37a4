import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
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
  @ApiOkResponse({ type: CommandResultDto })
  comment(@Param('id') ticketId: string, @Body() body: CommentOnTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    return this.commands.execute({ ...body, type: 'CommentOnTicket', ticketId }, meta);
  }
}
