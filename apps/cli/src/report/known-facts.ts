import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { endedAt, type MetricFacts, replayTicketFacts } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { scanAll } from '../store/scan-all';

/** The events of `$all` that had occurred by `asOf` (by their occurred-at), read page by page. */
async function* occurredBy(events: AsyncIterable<RecordedEvent>, asOf: Date): AsyncGenerator<RecordedEvent> {
  const limit = asOf.getTime();
  for await (const event of events) {
    const occurredAt = (event.metadata as { occurredAt?: unknown }).occurredAt;
    if (typeof occurredAt !== 'string' || Date.parse(occurredAt) <= limit) yield event;
  }
}

/**
 * Ticket facts as they were known at `asOf`, replayed from the event log with the read models'
 * own pure fold (so figures equal the API's), keeping only facts and never events. Like the read
 * store's query, only tickets that can count in [from, to) are kept: opened before `to`, not ended before `from`.
 */
export async function knownFacts(store: EventStore, catalog: ServiceCatalog, asOf: Date, from: Date, to: Date): Promise<MetricFacts[]> {
  const facts = await replayTicketFacts(occurredBy(scanAll(store), asOf), catalog);
  const start = from.toISOString();
  const end = to.toISOString();
  return facts.filter((ticket) => {
    const ended = endedAt(ticket);
    return ticket.openedAt < end && (ended === null || ended >= start);
  });
}
