import type { RecordedEvent } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { ticketFactsFold, type TicketFacts } from './ticket-facts';
import { toTicketEvent, TICKET_STREAM_PREFIX } from '../projection/ticket-event';

/** Replays recorded events (e.g. all of `$all`) into ticket facts in memory, as the projection does; for reports and checks. */
export async function replayTicketFacts(events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, catalog: ServiceCatalog): Promise<TicketFacts[]> {
  const byStream = new Map<string, TicketFacts>();
  for await (const recorded of events) {
    if (!recorded.streamName.startsWith(TICKET_STREAM_PREFIX)) continue;
    const event = toTicketEvent(recorded);
    if (!event) continue;
    const facts = ticketFactsFold(byStream.get(recorded.streamName), event, catalog);
    if (facts) byStream.set(recorded.streamName, facts);
  }
  return [...byStream.values()];
}
