import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { eraseTicketResidentData } from '@switchboard/command-handling';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import type { ResidentKeyStore } from '@switchboard/ticketing';
import { CLOCK, type Clock } from '../clock/clock';
import { QueryForbidden, TicketNotFound } from '../errors/api-exceptions';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { EraseResidentDataDto, ErasureResultDto } from './erase-resident-data.dto';
import { RESIDENT_KEYS } from './resident-keys.module';

@ApiTags('commands')
@Controller('tickets')
export class EraseResidentDataController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RESIDENT_KEYS) private readonly keys: ResidentKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Erases the ticket's resident contact data (the director only): its key is destroyed and
   * ResidentDataErased recorded; the history still replays and verifies, the contact reads nowhere.
   * Asking again answers the first erasure.
   */
  @Post(':id/erase-resident-data')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureResultDto })
  async erase(@Param('id') ticketId: string, @Body() body: EraseResidentDataDto, @CommandMetadata() meta: CommandMeta): Promise<ErasureResultDto> {
    if (meta.actor.role !== 'director') {
      throw new QueryForbidden('residentDataIsErasedByTheDirector', [{ role: 'director' }], 'Only the director may erase a resident’s data.');
    }
    const result = await eraseTicketResidentData(
      this.store,
      this.keys,
      ticketId,
      { reason: body.reason, trigger: 'request', actor: meta.actor, commandId: meta.commandId },
      this.clock.now(),
    );
    if (!result) throw new TicketNotFound(ticketId);
    return result;
  }
}
