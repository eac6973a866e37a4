import { Body, Controller, Inject, Post } from '@nestjs/common';
import type { ContactCommandHandler } from '@switchboard/command-handling';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../../auth/resident-boundary';
import { CONTACT_COMMANDS } from '../../contacts/contacts.providers';
import { ContactNotFound } from '../../errors/api-exceptions';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { OpenTicketDto } from './open-ticket.dto';
import { TicketOpener } from './ticket-opener';

@ApiTags('commands')
// Commands are open to resident tokens: the lifecycle's who-may rules judge each one.
@OpenToResidents()
@Controller('tickets')
export class OpenTicketController {
  constructor(
    private readonly opener: TicketOpener,
    @Inject(CONTACT_COMMANDS) private readonly contacts: ContactCommandHandler,
  ) {}

  /** Records a new ticket in intake; answers 201 with its phone-readable id. With `raisedByContact`, the contact must exist (its own stream is read, never a lagging read model). */
  @Post()
  @ApiCreatedResponse({ type: CommandResultDto })
  async open(@Body() body: OpenTicketDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    if (body.raisedByContact !== undefined && (await this.contacts.load(body.raisedByContact)).revision === undefined) {
      throw new ContactNotFound(body.raisedByContact);
    }
    return this.opener.open(body, meta);
  }
}
