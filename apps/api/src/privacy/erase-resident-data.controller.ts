import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ContactCommandHandler, eraseContactResidentData, eraseTicketResidentData, type ResidentDataErasure } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ResidentKeyStore } from '@switchboard/ticketing';
import { CLOCK, type Clock } from '../clock/clock';
import { CONTACT_COMMANDS } from '../contacts/contacts.providers';
import { ContactNotFound, QueryForbidden, TicketNotFound } from '../errors/api-exceptions';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { EraseResidentDataDto, ErasureResultDto } from './erase-resident-data.dto';
import { RESIDENT_KEYS } from './resident-keys.module';

/** The director's erasure request, refused to anyone else. */
function requested(body: EraseResidentDataDto, meta: CommandMeta): ResidentDataErasure {
  if (meta.actor.role !== 'director') {
    throw new QueryForbidden('residentDataIsErasedByTheDirector', [{ role: 'director' }], 'Only the director may erase a resident’s data.');
  }
  return { reason: body.reason, trigger: 'request', actor: meta.actor, commandId: meta.commandId };
}

@ApiTags('commands')
@Controller()
export class EraseResidentDataController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RESIDENT_KEYS) private readonly keys: ResidentKeyStore,
    @Inject(CONTACT_COMMANDS) private readonly contacts: ContactCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Erases the ticket's resident contact data (the director only): its key is destroyed and
   * ResidentDataErased recorded; the history still replays and verifies, the contact reads nowhere.
   * Asking again answers the first erasure.
   */
  @Post('tickets/:id/erase-resident-data')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureResultDto })
  async eraseTicket(@Param('id') ticketId: string, @Body() body: EraseResidentDataDto, @CommandMetadata() meta: CommandMeta): Promise<ErasureResultDto> {
    const result = await eraseTicketResidentData(this.store, this.keys, ticketId, requested(body, meta), this.clock.now());
    if (!result) throw new TicketNotFound(ticketId);
    return result;
  }

  /** Erases a 311 contact's resident data (the resident's identity), as for a ticket: the director only; asking again answers the first erasure. */
  @Post('contacts/:id/erase-resident-data')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureResultDto })
  async eraseContact(@Param('id') contactId: string, @Body() body: EraseResidentDataDto, @CommandMetadata() meta: CommandMeta): Promise<ErasureResultDto> {
    const result = await eraseContactResidentData(this.store, this.keys, this.contacts, contactId, requested(body, meta), this.clock.now());
    if (!result) throw new ContactNotFound(contactId);
    return result;
  }
}
