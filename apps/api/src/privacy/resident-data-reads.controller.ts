import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ContactCommandHandler, loadTicket } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { contactStream } from '@switchboard/knowledge';
import { type Actor, ticketStreamName } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CONTACT_COMMANDS } from '../contacts/contacts.providers';
import { ContactNotFound, QueryForbidden, TicketNotFound } from '../errors/api-exceptions';
import { ResidentDataReadsDto } from './resident-data-reads.dto';
import { ResidentDataReads } from './resident-data-reads';

function assertDirector(actor: Actor): void {
  if (actor.role !== 'director') {
    throw new QueryForbidden('residentDataReadsAreAuditedByTheDirector', [{ role: 'director' }], 'Only the director may list who read a resident’s data.');
  }
}

@ApiTags('queries')
@Controller()
export class ResidentDataReadsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONTACT_COMMANDS) private readonly contacts: ContactCommandHandler,
    private readonly reads: ResidentDataReads,
  ) {}

  /** Who was shown the ticket's resident contact data (ticket view or history), when and where, oldest first: the director's audit. */
  @Get('tickets/:id/resident-data-reads')
  @ApiOkResponse({ type: ResidentDataReadsDto })
  async ofTicket(@Param('id') ticketId: string, @CurrentActor() actor: Actor): Promise<ResidentDataReadsDto> {
    assertDirector(actor);
    if ((await loadTicket(this.store, ticketId)).revision === undefined) throw new TicketNotFound(ticketId);
    return { reads: await this.reads.of(ticketStreamName(ticketId)) };
  }

  /** Who was shown the 311 contact's resident, when, oldest first: the director's audit. */
  @Get('contacts/:id/resident-data-reads')
  @ApiOkResponse({ type: ResidentDataReadsDto })
  async ofContact(@Param('id') contactId: string, @CurrentActor() actor: Actor): Promise<ResidentDataReadsDto> {
    assertDirector(actor);
    if ((await this.contacts.load(contactId)).revision === undefined) throw new ContactNotFound(contactId);
    return { reads: await this.reads.of(contactStream.streamName(contactId)) };
  }
}
