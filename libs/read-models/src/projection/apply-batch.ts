import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import { decodeTicketEvent, type ServiceCatalog, ticketIdOfStream } from '@switchboard/ticketing';
import { ticketFactsFold } from '../facts/ticket-facts';
import type { QueueChangesTable, ReadDb } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadStoreDialect } from '../store/read-store';
import { queueChangesOf, type TicketVersion } from './queue-changes';
import { factsOfRow, factsRowOf, openingTextOf, ticketRowOf, type TicketText } from './ticket-row';
import { upsertRows } from './upsert-rows';

/** A ticket as the batch leaves it. */
interface TicketAfterBatch extends TicketVersion {
  readonly position: string;
  readonly updatedAt: string;
  readonly text?: TicketText;
  readonly changed: boolean;
}

const ID_CHUNK = 500;

/**
 * Applies a batch of recorded ticket events to one generation's tables inside the caller's
 * transaction. Each ticket's `last_position` makes it idempotent: an event at or before the
 * position a ticket was last written at is skipped, so a replayed batch changes nothing.
 */
export async function applyBatch(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables, events: readonly RecordedEvent[], catalog: ServiceCatalog): Promise<void> {
  const tickets = await loadTickets(trx, tables, [...new Set(events.map(ticketIdOf))]);
  const changes: QueueChangesTable[] = [];
  for (const recorded of events) {
    const id = ticketIdOf(recorded);
    const current = tickets.get(id);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = decodeTicketEvent(recorded);
    const facts = event && ticketFactsFold(current?.facts, event, catalog);
    if (!event || !facts) continue;
    const next: TicketAfterBatch = {
      facts,
      revision: recorded.revision,
      position: recorded.globalPosition,
      updatedAt: event.metadata.occurredAt,
      text: openingTextOf(event) ?? current?.text,
      changed: true,
    };
    changes.push(...queueChangesOf(current, next, recorded.globalPosition, recorded.recordedAt.toISOString()));
    tickets.set(id, next);
  }
  const changed = [...tickets.values()].filter((ticket) => ticket.changed);
  await upsertRows(trx, dialect, tables.facts, 'ticket_id', changed.map((t) => factsRowOf(t.facts, t.position)));
  // Description and address come with the opening only: later batches must not overwrite them.
  await upsertRows(
    trx,
    dialect,
    tables.tickets,
    'ticket_id',
    changed.map((t) => ticketRowOf(t.facts, t.text ?? { description: '', address: null }, t, catalog)),
    ['description', 'address', 'search_text'],
  );
  await upsertRows(trx, dialect, tables.queueChanges, ['department', 'position'], changes);
}

/** The runner subscribes to ticket streams only, so every event here names its ticket. */
const ticketIdOf = (event: RecordedEvent): string => ticketIdOfStream(event.streamName) as string;

async function loadTickets(trx: Kysely<ReadDb>, tables: GenerationTables, ids: readonly string[]): Promise<Map<string, TicketAfterBatch>> {
  const tickets = new Map<string, TicketAfterBatch>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await trx
      .selectFrom(tables.facts)
      .innerJoin(tables.tickets, `${tables.tickets}.ticket_id` as 'rm_tickets.ticket_id', `${tables.facts}.ticket_id` as 'rm_ticket_facts.ticket_id')
      .selectAll(tables.facts)
      .select(['revision', 'updated_at'])
      .where(`${tables.facts}.ticket_id` as 'rm_ticket_facts.ticket_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) {
      tickets.set(row.ticket_id, { facts: factsOfRow(row), revision: Number(row.revision), position: row.last_position, updatedAt: row.updated_at, changed: false });
    }
  }
  return tickets;
}
