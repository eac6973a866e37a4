import type { MessageEvent } from '@nestjs/common';
import type { GlobalPosition } from '@switchboard/event-store';
import type { QueueChange } from '@switchboard/read-models';
import { Observable } from 'rxjs';

/** Where a feed reads a department's queue changes, and how it hears of new ones early. */
export interface QueueChangeSource {
  changesAfter(department: string, position: GlobalPosition | undefined, limit: number): Promise<QueueChange[]>;
  /** The greatest position the change log has been pruned through (undefined: never pruned). */
  prunedThrough(): Promise<GlobalPosition | undefined>;
  /** The read models' checkpoint now (undefined: nothing projected). */
  checkpoint(): Promise<GlobalPosition | undefined>;
  /** Registers a listener for each batch the local projection runner commits; returns its removal. */
  onCheckpoint(listener: () => void): () => void;
}

export interface QueueFeedTiming {
  /** How often the read store is asked for new changes (other processes may be the ones projecting). */
  readonly pollMs: number;
  /** How often a comment is sent while nothing changes, so proxies keep the connection open. */
  readonly heartbeatMs: number;
}

const PAGE = 100;

/** The later of two positions (undefined counts as before every position). */
export const latest = (a: GlobalPosition | undefined, b: GlobalPosition | undefined): GlobalPosition | undefined =>
  a === undefined ? b : b === undefined || a >= b ? a : b;

/** Why a feed cannot resume after a Last-Event-ID: the changes after it were pruned, or it is no position of this log. */
export type FeedReset = 'expired' | 'unknown';

const RESET_REASONS: Record<FeedReset, string> = {
  expired: 'The changes after this Last-Event-ID are no longer kept (it is older than the resume window).',
  unknown: 'This Last-Event-ID is no position of this log (were the stores replaced or restored?).',
};

/**
 * The message that tells a client its Last-Event-ID cannot be resumed after: reload the queue,
 * then apply the changes that follow. Its `id` is the position the feed continues from, so a
 * reconnect after it resumes normally.
 */
export function queueResetMessage(department: string, reason: FeedReset, from: GlobalPosition | undefined): MessageEvent {
  return {
    ...(from === undefined ? {} : { id: from }),
    type: 'reset',
    data: {
      reason,
      message: `${RESET_REASONS[reason]} Reload the queue; the changes after it follow on this feed.`,
      reload: `/departments/${encodeURIComponent(department)}/queue`,
    },
  };
}

/** One SSE message per queue change: `id` is the global position (the Last-Event-ID to resume after), `event` the kind. */
export function queueChangeMessage(change: QueueChange): MessageEvent {
  return { id: change.position, type: change.kind, data: { ticketId: change.ticketId, kind: change.kind, entry: change.entry } };
}

/**
 * A department's queue changes after `after`, oldest first, then live ones as they are projected:
 * the read store is polled, and read at once when the local runner commits a batch. Reads never
 * overlap, and a wake-up during a read triggers one more read, so no commit is missed. With
 * `reset`, a `reset` message (see queueResetMessage) comes first.
 *
 * Each read is followed by a look at the prune mark: a prune that committed before the read may
 * have deleted changes after the feed's position (it deletes and moves the mark in one
 * transaction), so a mark past that position means the read may have missed some — the feed then
 * sends a `reset` instead and goes on from the checkpoint.
 */
export function queueFeed(
  source: QueueChangeSource,
  department: string,
  after: GlobalPosition | undefined,
  timing: QueueFeedTiming,
  reset?: FeedReset,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    if (reset) subscriber.next(queueResetMessage(department, reset, after));
    let position = after;
    let reading = false;
    let readAgain = false;
    const readNewChanges = async (): Promise<void> => {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          let page: QueueChange[];
          do {
            const from = position;
            page = await source.changesAfter(department, from, PAGE);
            const mark = from === undefined ? undefined : await source.prunedThrough();
            if (subscriber.closed) return;
            if (from !== undefined && mark !== undefined && from < mark) {
              position = latest(await source.checkpoint(), mark);
              if (subscriber.closed) return;
              subscriber.next(queueResetMessage(department, 'expired', position));
              readAgain = true;
              break;
            }
            for (const change of page) {
              subscriber.next(queueChangeMessage(change));
              position = change.position;
            }
          } while (page.length === PAGE);
        } while (readAgain);
      } catch (error) {
        subscriber.error(error);
      } finally {
        reading = false;
      }
    };
    const poll = setInterval(() => void readNewChanges(), timing.pollMs);
    const heartbeat = setInterval(() => subscriber.next({ comment: 'keep-alive' }), timing.heartbeatMs);
    const stopListening = source.onCheckpoint(() => void readNewChanges());
    void readNewChanges();
    return () => {
      clearInterval(poll);
      clearInterval(heartbeat);
      stopListening();
    };
  });
}
