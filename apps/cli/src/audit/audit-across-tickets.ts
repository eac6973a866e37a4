import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { loadTicket } from '@switchboard/command-handling';
import { ticketIdOfStream } from '@switchboard/ticketing';
import { scanAll } from '@switchboard/read-models';
import { type AuditRow, auditRow } from './audit-row';

/**
 * Audit rows of every ticket event `matches` selects, in log order. `$all` is scanned in pages
 * keeping only the matches' places; each matching ticket is then loaded once for its states.
 */
export async function auditAcrossTickets(store: EventStore, timeZone: string, matches: (event: RecordedEvent) => boolean): Promise<AuditRow[]> {
  const wanted = new Map<string, Set<number>>();
  for await (const event of scanAll(store)) {
    if (ticketIdOfStream(event.streamName) === undefined || !matches(event)) continue;
    const revisions = wanted.get(event.streamName) ?? new Set<number>();
    wanted.set(event.streamName, revisions.add(event.revision));
  }
  const rows: AuditRow[] = [];
  for (const [streamName, revisions] of wanted) {
    const ticketId = ticketIdOfStream(streamName) as string;
    const ticket = await loadTicket(store, ticketId);
    for (const record of ticket.records) if (revisions.has(record.stored.revision)) rows.push(auditRow(ticketId, record, timeZone));
  }
  return rows.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/** Whether an event's occurred-at lies in [from, to) (either end open when absent). */
export function occurredWithin(event: RecordedEvent, from: Date | undefined, to: Date | undefined): boolean {
  const at = Date.parse(String((event.metadata as { occurredAt?: unknown }).occurredAt ?? event.recordedAt.toISOString()));
  return (from === undefined || at >= from.getTime()) && (to === undefined || at < to.getTime());
}
