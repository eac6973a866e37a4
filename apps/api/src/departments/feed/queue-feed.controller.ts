import { Controller, Headers, type MessageEvent, Param, Req, Sse, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import type { Observable } from 'rxjs';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { InvalidRequest } from '../../errors/api-exceptions';
import { GLOBAL_POSITION } from '../../read-your-writes/read-position.query';
import { KnownDepartmentPipe } from '../known-department.pipe';
import { assertMayRead } from '../../auth/read-access';
import { type FeedRequest, FeedStartGuard } from './feed-start.guard';
import { QueueFeeds } from './queue-feeds';

@ApiTags('queues')
@Controller('departments')
export class QueueFeedController {
  constructor(private readonly feeds: QueueFeeds) {}

  /**
   * Server-Sent Events of the queue's changes; `id` is the global position, so a reconnect with
   * Last-Event-ID resumes — within the resume window: after an older (pruned) or unknown one the
   * feed sends `reset` (reload the queue) and continues live from the current position.
   */
  @Sse(':id/queue/events')
  @UseGuards(FeedStartGuard)
  follow(
    @Param('id', KnownDepartmentPipe) department: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FeedRequest,
  ): Observable<MessageEvent> {
    assertMayRead('aQueueIsReadByItsDepartment311AndTheDirector', actor, { department });
    if (lastEventId !== undefined && !GLOBAL_POSITION.test(lastEventId)) {
      throw new InvalidRequest([{ field: 'Last-Event-ID', message: 'must be the id of an event this feed sent' }]);
    }
    // Without Last-Event-ID, or after one it cannot resume after: the changes projected after the request arrived (FeedStartGuard).
    if (request.feedReset) return this.feeds.follow(department, request.feedStart ?? undefined, request.feedReset);
    return this.feeds.follow(department, lastEventId ?? request.feedStart ?? undefined);
  }
}
