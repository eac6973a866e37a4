import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadYourWrites } from '../../read-your-writes/read-your-writes';
import { TicketListQueryDto } from './ticket-list-query.dto';
import { TicketListing } from './ticket-listing';
import { TicketPageDto } from './ticket-page.dto';

@ApiTags('queries')
@Controller('tickets')
export class TicketListController {
  constructor(
    private readonly listing: TicketListing,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Tickets filtered by state, department, service, channel, assignee, opened range, overdue and text; keyset-paged, newest first. */
  @Get()
  @ApiOkResponse({ type: TicketPageDto })
  async list(@Query() query: TicketListQueryDto): Promise<TicketPageDto> {
    // The list holds no contact data, so every city role may read it (residents are kept out by the AuthGuard: they use Open311).
    // Every parameter is judged before the read-your-writes wait, so a bad one is refused at once.
    const filter = this.listing.filterOf(query);
    await this.readYourWrites.reach(query.position);
    return this.listing.page(filter, query);
  }
}
