import type { FeedStatus } from '../../lib/queue-feed';

const FEED_WORDS: Record<FeedStatus, string> = {
  connecting: 'Connecting to the live feed…',
  live: 'Live: changes appear as they happen.',
  reconnecting: 'Connection lost; reconnecting (changes made meanwhile will follow)…',
  refused: 'The live feed was refused.',
};

/** Whether the live feed is up, in words (a status region). */
export function FeedStatusLine({ status }: { status: FeedStatus }) {
  return (
    <p className="feed-status" role="status" data-feed={status}>
      {FEED_WORDS[status]}
    </p>
  );
}
