import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TicketPage } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { QueryForbidden } from '../../errors/api-exceptions';
import { ReadYourWrites } from '../../read-your-writes/read-your-writes';
import { TicketListQueryDto } from './ticket-list-query.dto';
import { TicketListing } from './ticket-listing';

@ApiTags('queries')
@Controller('tickets')
export class TicketListController {
  constructor(
    private readonly listing: TicketListing,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Tickets filtered by state, department, service, channel, assignee, opened range, overdue and text; keyset-paged, newest first. */
  @Get()
  async list(@Query() query: TicketListQueryDto, @CurrentActor() actor: Actor): Promise<TicketPage> {
    // The list holds no contact data, so every city role may read it; residents use Open311.
    if (actor.role === 'resident') {
      throw new QueryForbidden('ResidentsUseOpen311', [{ role: 'operator' }, { role: 'staff' }, { role: 'department_head' }, { role: 'director' }], 'Residents find their requests through Open311, not the staff ticket list.');
    }
    await this.readYourWrites.reach(query.position);
    return this.listing.list(query);
  }
}
