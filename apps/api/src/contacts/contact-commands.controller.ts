import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ContactCommandHandler } from '@switchboard/command-handling';
import type { ContactCommand, ContactCommandType } from '@switchboard/knowledge';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { RecordCommandResultDto } from '../knowledge/knowledge-answers.dto';
import { recordCommandOf } from '../knowledge/record-command';
import { CONTACT_COMMANDS } from './contacts.providers';

/**
 * The contact commands by the last word of their route. A search is recorded by the search itself
 * (`GET /knowledge/search?contactId=`), never posted: what it found is the search's to say.
 */
const ACTIONS: Readonly<Record<string, Exclude<ContactCommandType, 'RecordSearch'>>> = {
  start: 'StartContact',
  identify: 'IdentifyResident',
  article: 'RecordArticleUsed',
  ticket: 'LinkTicket',
  transfer: 'TransferContact',
  callback: 'PromiseCallback',
  'complete-callback': 'CompleteCallback',
  end: 'EndContact',
};

/**
 * Recording contacts: `POST /contacts/:id/<action>` with the command's fields as the JSON body.
 * The contact domain judges the fields and who may (operators take contacts and record on their
 * own; a callback is completed by any operator or the callback department); an article used must
 * be in the knowledge base. Idempotency-Key and If-Match work as on ticket commands.
 */
@ApiTags('contacts')
@Controller('contacts')
export class ContactCommandsController {
  constructor(@Inject(CONTACT_COMMANDS) private readonly commands: ContactCommandHandler) {}

  @Post(':id/:action')
  @HttpCode(200)
  act(
    @Param('id') contactId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<RecordCommandResultDto> {
    return this.commands.execute(recordCommandOf<ContactCommand>('contacts', ACTIONS, { id: contactId, idField: 'contactId', action, body }), meta);
  }
}
