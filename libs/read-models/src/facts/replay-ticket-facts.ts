import type { RecordedEvent } from '@switchboard/event-store';
import { decodeTicketEvent, type ServiceCatalog, TICKET_STREAM_PREFIX } from '@switchboard/ticketing';
import { latestEscalationAfter, NO_ESCALATION, type LatestEscalation } from './latest-escalation';
import { ticketFactsFold, type TicketFacts } from './ticket-facts';
import { openingTextOf, type TicketRowVersion, type TicketText } from '../projection/ticket-row';

/** A ticket as a replay leaves it: its facts, where its stream stands, the text it was opened with and its latest escalation (what its tickets row is built from). */
export interface ReplayedTicket {
  readonly facts: TicketFacts;
  readonly version: TicketRowVersion;
  readonly text: TicketText;
  readonly latest: LatestEscalation;
}

/** Replays recorded events (e.g. all of `$all`) into tickets in memory, as the projection folds them; for reports, "as of" queries and checks. */
export async function replayTickets(events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, catalog: ServiceCatalog): Promise<ReplayedTicket[]> {
  const byStream = new Map<string, ReplayedTicket>();
  for await (const recorded of events) {
    if (!recorded.streamName.startsWith(TICKET_STREAM_PREFIX)) continue;
    const event = decodeTicketEvent(recorded);
    if (!event) continue;
    const current = byStream.get(recorded.streamName);
    const facts = ticketFactsFold(current?.facts, event, catalog);
    if (!facts) continue;
    byStream.set(recorded.streamName, {
      facts,
      version: { revision: recorded.revision, position: recorded.globalPosition, updatedAt: event.metadata.occurredAt },
      text: openingTextOf(event) ?? current?.text ?? { description: '', address: null },
      latest: latestEscalationAfter(current?.latest ?? NO_ESCALATION, event),
    });
  }
  return [...byStream.values()];
}

/** Replays recorded events into ticket facts in memory, as the projection does. */
export async function replayTicketFacts(events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, catalog: ServiceCatalog): Promise<TicketFacts[]> {
  return (await replayTickets(events, catalog)).map((ticket) => ticket.facts);
}
