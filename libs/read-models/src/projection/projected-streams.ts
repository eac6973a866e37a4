import type { RecordedEvent } from '@switchboard/event-store';
import { articleStream } from '@switchboard/knowledge';
import { TICKET_STREAM_PREFIX } from '@switchboard/ticketing';

/** The streams the projection runner reads: tickets, and the knowledge base's articles. */
export const PROJECTED_STREAM_PREFIXES: readonly string[] = [TICKET_STREAM_PREFIX, articleStream.prefix];

export const isProjected = (event: Pick<RecordedEvent, 'streamName'>): boolean =>
  PROJECTED_STREAM_PREFIXES.some((prefix) => event.streamName.startsWith(prefix));

/** A batch split by what projects it: ticket events (generation tables) and article events (the knowledge base). */
export function splitBatch(events: readonly RecordedEvent[]): { tickets: RecordedEvent[]; articles: RecordedEvent[] } {
  const tickets: RecordedEvent[] = [];
  const articles: RecordedEvent[] = [];
  for (const event of events) {
    if (event.streamName.startsWith(TICKET_STREAM_PREFIX)) tickets.push(event);
    else if (event.streamName.startsWith(articleStream.prefix)) articles.push(event);
  }
  return { tickets, articles };
}
