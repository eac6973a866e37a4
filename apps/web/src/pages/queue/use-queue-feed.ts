import { useEffect, useState } from 'react';
import type { ApiClient } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { type FeedStatus, followQueue } from '../../lib/queue-feed';

export interface QueueFeed {
  readonly status: FeedStatus;
  /** What a screen reader hears: a ticket joined or left the queue. */
  readonly announcement: string;
}

/**
 * Follows the queue's live feed while the page is open: `reload` (stable) when it opens or resets and
 * after each change it announces; `refused` (stable) when the API refuses it.
 */
export function useQueueFeed(api: ApiClient, department: string, reload: () => Promise<void>, refused: (problem: Problem) => void): QueueFeed {
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [announcement, setAnnouncement] = useState('');
  useEffect(
    () =>
      followQueue(api, department, {
        onOpen: () => void reload(),
        onChange: (change) => {
          if (change.kind === 'removed') setAnnouncement(`${change.ticketId} left the queue.`);
          else if (change.kind === 'added') setAnnouncement(`${change.ticketId} joined the queue.`);
          void reload();
        },
        onStatus: (next, problem) => {
          setStatus(next);
          if (problem) refused(problem);
        },
      }),
    [api, department, reload, refused],
  );
  return { status, announcement };
}
