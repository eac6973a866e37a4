import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { GlobalPosition } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import { READ_MODELS } from '../../read-models/read-models.module';
import { GLOBAL_POSITION } from '../../read-your-writes/read-position.query';
import { type FeedReset, latest } from './queue-feed';

/** A queue-feed request, with where its feed starts when the client sent no Last-Event-ID or one it cannot resume after. */
export interface FeedRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  /** The read models' checkpoint when the request arrived (null: nothing projected yet). */
  feedStart?: GlobalPosition | null;
  /** Why the Last-Event-ID cannot be resumed after: the feed then sends `reset` and starts at `feedStart`. */
  feedReset?: FeedReset;
}

/**
 * Fixes where a feed starts before the response can begin: without Last-Event-ID, at the read
 * models' checkpoint; after a Last-Event-ID, there — unless changes after it have been pruned
 * (it is older than the resume window) or it is no position of this log (past its head), in which
 * case the feed starts at the checkpoint with a `reset` telling the client to reload the queue.
 *
 * Nest sends an SSE response's headers on the next turn after the handler is called (interceptors
 * wrap it in an observable at once), so a position the handler awaited could be read after the
 * client already saw the stream open and acted: a change made in between would be skipped. Guards
 * are the last step Nest awaits before calling the handler, so the position read here is never
 * later than the moment the client learns the stream is open.
 */
@Injectable()
export class FeedStartGuard implements CanActivate {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FeedRequest>();
    const lastEventId = request.headers['last-event-id'];
    if (lastEventId === undefined) {
      request.feedStart = (await this.readModels.lag()).checkpoint ?? null;
      return true;
    }
    // A malformed one is refused by the controller.
    if (typeof lastEventId !== 'string' || !GLOBAL_POSITION.test(lastEventId)) return true;
    const [prunedThrough, lag] = await Promise.all([this.readModels.queueChangesPrunedThrough(), this.readModels.lag()]);
    const reset: FeedReset | undefined =
      prunedThrough !== undefined && lastEventId < prunedThrough ? 'expired' : lag.head === undefined || lastEventId > lag.head ? 'unknown' : undefined;
    if (reset) {
      request.feedReset = reset;
      // Never before the mark: every change up to it may be gone (a rebuilt generation can trail the old one briefly).
      request.feedStart = latest(lag.checkpoint, prunedThrough) ?? null;
    }
    return true;
  }
}
