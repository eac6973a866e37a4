import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ClaimFromQueueController } from './claiming/claim-from-queue.controller';
import { QueueClaimer } from './claiming/queue-claimer';
import { QueueFeedController } from './feed/queue-feed.controller';
import { QueueFeeds } from './feed/queue-feeds';
import { DepartmentQueueController } from './queue/department-queue.controller';

/** Department queues: the queue, its live feed (SSE) and claiming the next ticket. */
@Module({
  imports: [TicketsModule, ReadYourWritesModule],
  controllers: [DepartmentQueueController, QueueFeedController, ClaimFromQueueController],
  providers: [QueueClaimer, QueueFeeds],
})
export class DepartmentsModule {}
