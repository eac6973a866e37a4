import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import { pastInstant } from '../../as-of/as-of';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CLOCK, type Clock } from '../../clock/clock';
import { TicketReader } from '../reading/ticket-reader';
import { TicketHistory } from '../reading/ticket-view.dto';
import { HistoryQueryDto } from './history-query.dto';

@ApiTags('queries')
@Controller('tickets')
export class TicketHistoryController {
  constructor(
    private readonly reader: TicketReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The audit trail: every event with revision, position, actor, time and the states it moved between; `asOf` (not after now) ends it then. */
  @Get(':id/history')
  @ApiOkResponse({ type: TicketHistory })
  history(@Param('id') ticketId: string, @Query() query: HistoryQueryDto, @CurrentActor() actor: Actor): Promise<TicketHistory> {
    return this.reader.history(ticketId, actor, query.asOf === undefined ? undefined : pastInstant(query.asOf, this.clock.now()));
  }
}
