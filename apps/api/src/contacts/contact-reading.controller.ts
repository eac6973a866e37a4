import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ContactCommandHandler } from '@switchboard/command-handling';
import { type ContactState, contactStream } from '@switchboard/knowledge';
import { ResidentDataReads } from '../privacy/resident-data-reads';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertMayRead } from '../auth/read-access';
import { ContactNotFound } from '../errors/api-exceptions';
import { CONTACT_COMMANDS } from './contacts.providers';
import { ContactView } from './contact-view.dto';

/** The departments a contact involves: its line, and those it was transferred or promised a callback to. */
export const departmentsOf = (contact: ContactState): string[] => [
  ...new Set([
    ...(contact.line ? [contact.line] : []),
    ...contact.steps.flatMap((step) => ('department' in step ? [step.department] : [])),
    ...contact.callbacks.map((callback) => callback.department),
  ]),
];

@ApiTags('contacts')
@Controller('contacts')
export class ContactReadingController {
  constructor(
    @Inject(CONTACT_COMMANDS) private readonly contacts: ContactCommandHandler,
    private readonly reads: ResidentDataReads,
  ) {}

  /** A contact with what happened in it, in order, and its callbacks; for 311, the director and the departments it involves. */
  @Get(':id')
  async contact(@Param('id') contactId: string, @CurrentActor() actor: Actor): Promise<ContactView> {
    const { state, revision } = await this.contacts.load(contactId);
    if (revision === undefined) throw new ContactNotFound(contactId);
    assertMayRead('aContactIsFor311TheDirectorAndTheDepartmentsItInvolves', actor, { departments: departmentsOf(state) });
    if (state.resident) await this.reads.record(actor, contactStream.streamName(contactId), 'contact');
    return { contact: state, revision };
  }
}
