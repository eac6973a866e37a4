import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { GlobalPosition } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import { READ_MODELS } from '../../read-models/read-models.module';

/** A queue-feed request, with where its feed starts when the client sent no Last-Event-ID. */
export interface FeedRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  /** The read models' checkpoint when the request arrived (null: nothing projected yet). */
  feedStart?: GlobalPosition | null;
}

/**
 * Fixes where a feed without Last-Event-ID starts — the read models' checkpoint — before the
 * response can begin. Nest sends an SSE response's headers on the next turn after the handler is
 * called (interceptors wrap it in an observable at once), so a position the handler awaited could be
 * read after the client already saw the stream open and acted: a change made in between would be
 * skipped. Guards are the last step Nest awaits before calling the handler, so the position read
 * here is never later than the moment the client learns the stream is open.
 */
@Injectable()
export class FeedStartGuard implements CanActivate {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FeedRequest>();
    if (request.headers['last-event-id'] === undefined) request.feedStart = (await this.readModels.lag()).checkpoint ?? null;
    return true;
  }
}
