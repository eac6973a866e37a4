import type { EventStore } from '@switchboard/event-store';
import { factsCountingIn, type MetricFacts, replayAsOf } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';

/**
 * Ticket facts as they were known at `asOf`, replayed from the event log with the read models' own
 * pure fold (so figures equal the API's). Like the read store's query, only tickets that can count
 * in [from, to) are kept: opened before `to`, not ended before `from`.
 */
export async function knownFacts(store: EventStore, catalog: ServiceCatalog, asOf: Date, from: Date, to: Date): Promise<MetricFacts[]> {
  const tickets = await replayAsOf(store, catalog, asOf);
  return factsCountingIn(
    tickets.map((ticket) => ticket.facts),
    from,
    to,
  );
}
