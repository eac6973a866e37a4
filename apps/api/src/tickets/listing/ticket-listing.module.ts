import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../../read-your-writes/read-your-writes.module';
import { TicketListController } from './ticket-list.controller';
import { TicketListing } from './ticket-listing';

/** GET /tickets: the ticket list answered from the read model. */
@Module({ imports: [ReadYourWritesModule], controllers: [TicketListController], providers: [TicketListing] })
export class TicketListingModule {}
