import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ContactCommandHandler, TicketCommandHandler } from '@switchboard/command-handling';
import { CONTACT_COMMANDS } from '../../contacts/contacts.providers';
import { ContactNotFound } from '../../errors/api-exceptions';
import { type CommandMeta, CommandMetadata } from '../command-handling/command-meta';
import { CommandResultDto } from '../command-handling/command-result.dto';
import { RecordAnotherReportDto } from './record-another-report.dto';

@ApiTags('commands')
@Controller('tickets')
export class RecordAnotherReportController {
  constructor(
    private readonly commands: TicketCommandHandler,
    @Inject(CONTACT_COMMANDS) private readonly contacts: ContactCommandHandler,
  ) {}

  /** "Same problem": links another report to an open ticket instead of opening a second one; the ticket's history records it and its report count grows. */
  @Post(':id/reports')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  async report(@Param('id') ticketId: string, @Body() body: RecordAnotherReportDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    if (body.raisedByContact !== undefined && (await this.contacts.load(body.raisedByContact)).revision === undefined) {
      throw new ContactNotFound(body.raisedByContact);
    }
    return this.commands.execute({ ...body, type: 'RecordAnotherReport', ticketId }, meta);
  }
}
