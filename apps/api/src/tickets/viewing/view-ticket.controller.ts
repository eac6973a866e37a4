import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TicketReader } from '../reading/ticket-reader';
import { TicketView } from '../reading/ticket-view.dto';

@ApiTags('queries')
@Controller('tickets')
export class ViewTicketController {
  constructor(private readonly reader: TicketReader) {}

  /** The ticket's current state, folded from its stream, with the commands the caller may perform now. */
  @Get(':id')
  @ApiOkResponse({ type: TicketView })
  view(@Param('id') ticketId: string, @CurrentActor() actor: Actor): Promise<TicketView> {
    return this.reader.ticket(ticketId, actor);
  }
}
