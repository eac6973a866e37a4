import { Inject, Injectable, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import type { GlobalPosition } from '@switchboard/event-store';
import type { ReadModels } from '@switchboard/read-models';
import { Observable, type Subscriber } from 'rxjs';
import { CHECKPOINT_LISTENERS, type CheckpointListeners, READ_MODELS } from '../../read-models/read-models.module';
import { type FeedReset, type QueueChangeSource, queueFeed } from './queue-feed';

/** Feeds ask the read store this often; a commit of the local runner wakes them sooner. */
const TIMING = { pollMs: 1000, heartbeatMs: 15_000 };

/** The open queue feeds of this process; ends them all on shutdown so closing the server does not wait for clients. */
@Injectable()
export class QueueFeeds implements OnModuleDestroy {
  private readonly open = new Set<Subscriber<MessageEvent>>();
  private closing = false;
  private readonly source: QueueChangeSource;

  constructor(@Inject(READ_MODELS) readModels: ReadModels, @Inject(CHECKPOINT_LISTENERS) onCheckpoint: CheckpointListeners) {
    this.source = {
      changesAfter: (department, position, limit) => readModels.queueChangesAfter(department, position, limit),
      prunedThrough: () => readModels.queueChangesPrunedThrough(),
      checkpoint: async () => (await readModels.lag()).checkpoint,
      onCheckpoint: (listener) => onCheckpoint(listener),
    };
  }

  /** A department's queue changes after `after` (undefined: from the first), then live ones; first a `reset` when given one. */
  follow(department: string, after: GlobalPosition | undefined, reset?: FeedReset): Observable<MessageEvent> {
    const feed = queueFeed(this.source, department, after, TIMING, reset);
    return new Observable<MessageEvent>((subscriber) => {
      if (this.closing) return subscriber.complete();
      this.open.add(subscriber);
      const subscription = feed.subscribe(subscriber);
      return () => {
        this.open.delete(subscriber);
        subscription.unsubscribe();
      };
    });
  }

  onModuleDestroy(): void {
    this.closing = true;
    for (const subscriber of this.open) subscriber.complete();
  }
}
