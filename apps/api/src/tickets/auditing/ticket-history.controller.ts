import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { type TicketHistory, TicketReader } from '../reading/ticket-reader';
import { HistoryQueryDto } from './history-query.dto';

@ApiTags('queries')
@Controller('tickets')
export class TicketHistoryController {
  constructor(private readonly reader: TicketReader) {}

  /** The audit trail: every event with revision, position, actor, time and the states it moved between. */
  @Get(':id/history')
  history(@Param('id') ticketId: string, @Query() query: HistoryQueryDto, @CurrentActor() actor: Actor): Promise<TicketHistory> {
    return this.reader.history(ticketId, actor, query.asOf ? new Date(query.asOf) : undefined);
  }
}
