import type { RecordedEvent } from '@switchboard/event-store';
import { articleStream, availabilityStream, contactStream, rosterStream } from '@switchboard/knowledge';
import { TICKET_STREAM_PREFIX } from '@switchboard/ticketing';

/** The streams the projection runner reads: tickets, the knowledge base's articles, contacts, and phone coverage (rosters and availability). */
export const PROJECTED_STREAM_PREFIXES: readonly string[] = [
  TICKET_STREAM_PREFIX,
  articleStream.prefix,
  contactStream.prefix,
  rosterStream.prefix,
  availabilityStream.prefix,
];

export const isProjected = (event: Pick<RecordedEvent, 'streamName'>): boolean =>
  PROJECTED_STREAM_PREFIXES.some((prefix) => event.streamName.startsWith(prefix));

/** A batch split by what projects it: ticket events (generation tables), article events (the knowledge base), contact events and phone coverage events. */
export function splitBatch(events: readonly RecordedEvent[]): {
  tickets: RecordedEvent[];
  articles: RecordedEvent[];
  contacts: RecordedEvent[];
  phoneCoverage: RecordedEvent[];
} {
  const tickets: RecordedEvent[] = [];
  const articles: RecordedEvent[] = [];
  const contacts: RecordedEvent[] = [];
  const phoneCoverage: RecordedEvent[] = [];
  for (const event of events) {
    if (event.streamName.startsWith(TICKET_STREAM_PREFIX)) tickets.push(event);
    else if (event.streamName.startsWith(articleStream.prefix)) articles.push(event);
    else if (event.streamName.startsWith(contactStream.prefix)) contacts.push(event);
    else if (event.streamName.startsWith(rosterStream.prefix) || event.streamName.startsWith(availabilityStream.prefix)) phoneCoverage.push(event);
  }
  return { tickets, articles, contacts, phoneCoverage };
}
