import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../../read-your-writes/read-your-writes.module';
import { IntakeQueueController } from './intake-queue.controller';
import { TicketListController } from './ticket-list.controller';
import { TicketListing } from './ticket-listing';

/** GET /tickets: the ticket list, and GET /intake/queue: 311's intake queue, answered from the read model. */
@Module({ imports: [ReadYourWritesModule], controllers: [TicketListController, IntakeQueueController], providers: [TicketListing] })
export class TicketListingModule {}
