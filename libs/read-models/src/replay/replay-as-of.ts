import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { endedAt, type TicketFacts } from '../facts/ticket-facts';
import { type ReplayedTicket, replayTickets } from '../facts/replay-ticket-facts';
import { scanAll } from './scan-all';

/** Whether an event had occurred by `asOf`, by its `metadata.occurredAt` (an event without one counts). */
export function occurredByTime(event: Pick<RecordedEvent, 'metadata'>, asOf: Date): boolean {
  const occurredAt = (event.metadata as { occurredAt?: unknown }).occurredAt;
  return typeof occurredAt !== 'string' || Date.parse(occurredAt) <= asOf.getTime();
}

/** The events of a stream of events (e.g. `$all`) that had occurred by `asOf`. */
export async function* occurredBy(events: AsyncIterable<RecordedEvent>, asOf: Date): AsyncGenerator<RecordedEvent> {
  for await (const event of events) if (occurredByTime(event, asOf)) yield event;
}

/**
 * Tickets as they were known at `asOf`: `$all` read page by page, only events that had occurred by
 * then (an import appends old events late: they count from the moment they say they happened),
 * folded with the read models' own pure fold, so figures equal the read store's. Only tickets
 * are kept, never events.
 */
export function replayAsOf(store: EventStore, catalog: ServiceCatalog, asOf: Date): Promise<ReplayedTicket[]> {
  return replayTickets(occurredBy(scanAll(store), asOf), catalog);
}

/** A report's range [from, to) as ISO instants, which compare as text with the facts' times. */
export interface InstantRange {
  readonly start: string;
  readonly end: string;
}

export const rangeOf = (from: Date, to: Date): InstantRange => ({ start: from.toISOString(), end: to.toISOString() });

/** Whether a ticket can count in a report over the range, as the read store loads them: opened before its end, not ended before its start. */
export function countsIn(ticket: Pick<TicketFacts, 'openedAt' | 'completedAt' | 'closedAt'>, range: InstantRange): boolean {
  const ended = endedAt(ticket);
  return ticket.openedAt < range.end && (ended === null || ended >= range.start);
}

/** The tickets that can count in a report over [from, to), as the read store loads them: opened before `to`, not ended before `from`. */
export function factsCountingIn<T extends Pick<TicketFacts, 'openedAt' | 'completedAt' | 'closedAt'>>(facts: readonly T[], from: Date, to: Date): T[] {
  const range = rangeOf(from, to);
  return facts.filter((ticket) => countsIn(ticket, range));
}
