import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import {
  decodeTicketEvent,
  NO_RESIDENT_KEYS,
  type ResidentKeyRing,
  type StampedTicketEvent,
  type ServiceCatalog,
  ticketIdOfStream,
} from '@switchboard/ticketing';
import { latestEscalationAfter, latestEscalationOfRow, NO_ESCALATION, type LatestEscalation } from '../facts/latest-escalation';
import { ticketFactsFold } from '../facts/ticket-facts';
import type { QueueChangesTable, ReadDb, WorkStartsTable } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadStoreDialect } from '../store/read-store';
import { queueChangesOf, type TicketVersion } from './queue-changes';
import { factsOfRow, factsRowOf, openingTextOf, ticketRowOf, type TicketText } from './ticket-row';
import { upsertRows } from './upsert-rows';
import { PLACE_COLUMNS } from '../queries/ticket-place';
import { TicketVersionsWriter } from '../temporal/versions-writer';
import { type HeldRollupCells, RollupChanges } from '../metrics/rollup-changes';
import { metricFactsOf } from '../metrics/completion-metrics';

/** A ticket as the batch leaves it. */
interface TicketAfterBatch extends TicketVersion {
  readonly position: string;
  readonly updatedAt: string;
  readonly text?: TicketText;
  readonly latest: LatestEscalation;
  readonly changed: boolean;
}

const ID_CHUNK = 500;

/**
 * Applies a batch of recorded ticket events to one generation's tables inside the caller's
 * transaction. Each ticket's `last_position` makes it idempotent: an event at or before the
 * position a ticket was last written at is skipped, so a replayed batch changes nothing.
 */
export async function applyBatch(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  tables: GenerationTables,
  events: readonly RecordedEvent[],
  catalog: ServiceCatalog,
  /** The tickets' resident keys: contacts are opened with them (their phone and e-mail digests feed the resident look-up). */
  keys: ResidentKeyRing = NO_RESIDENT_KEYS,
  /** A rebuild's rollup cells, held across its batches (live projection writes each batch's cells). */
  heldCells?: HeldRollupCells,
): Promise<void> {
  const tickets = await loadTickets(trx, tables, [...new Set(events.map(ticketIdOf))]);
  const erased = new Set<string>();
  const changes: QueueChangesTable[] = [];
  const starts = new Map<string, WorkStartsTable>();
  const versions = await TicketVersionsWriter.load(trx, tables, [...tickets.keys()]);
  const factsBefore = new Map([...tickets].map(([id, ticket]) => [id, ticket.facts]));
  for (const recorded of events) {
    const id = ticketIdOf(recorded);
    const current = tickets.get(id);
    if (current && recorded.globalPosition <= current.position) continue;
    const event = decodeTicketEvent(recorded, keys);
    if (event?.type === 'ResidentDataErased') erased.add(id);
    const facts = event && ticketFactsFold(current?.facts, event, catalog);
    if (!event || !facts) continue;
    const next: TicketAfterBatch = {
      facts,
      revision: recorded.revision,
      position: recorded.globalPosition,
      updatedAt: event.metadata.occurredAt,
      text: openingTextOf(event) ?? current?.text,
      latest: latestEscalationAfter(current?.latest ?? NO_ESCALATION, event),
      changed: true,
    };
    changes.push(...queueChangesOf(current, next, recorded.globalPosition, recorded.recordedAt.toISOString()));
    const start = workStartOf(id, event, recorded);
    if (start) starts.set(`${start.ticket_id}\n${start.command_id}`, start);
    versions.record(id, next.facts, next.latest, recorded, catalog);
    tickets.set(id, next);
  }
  const changed = [...tickets.values()].filter((ticket) => ticket.changed);
  await upsertRows(
    trx,
    dialect,
    tables.facts,
    'ticket_id',
    changed.map((t) => factsRowOf(t.facts, t.position)),
  );
  // Description, address and place come with the opening only: later batches must not overwrite them.
  await upsertRows(
    trx,
    dialect,
    tables.tickets,
    'ticket_id',
    changed.map((t) => ticketRowOf(t.facts, t.text ?? { description: '', address: null }, t.latest, t, catalog)),
    ['description', 'address', 'search_text', ...PLACE_COLUMNS],
  );
  await upsertRows(trx, dialect, tables.queueChanges, ['department', 'position'], changes);
  await upsertRows(trx, dialect, tables.workStarts, ['ticket_id', 'command_id'], [...starts.values()]);
  await versions.write(trx, dialect, tables);
  const rollup = new RollupChanges(catalog.config.calendar.timeZone);
  for (const ticket of changed) {
    const before = factsBefore.get(ticket.facts.ticketId);
    rollup.move(before && metricFactsOf(before), metricFactsOf(ticket.facts));
  }
  await rollup.write(trx, dialect, tables, heldCells);
  // An erased ticket's resident digests go with its contact: the look-up no longer finds it.
  if (erased.size > 0) {
    await trx
      .updateTable(tables.tickets)
      .set({ resident_phone_key: null, resident_email_key: null })
      .where('ticket_id', 'in', [...erased])
      .execute();
  }
}

/** The work-starts row of a WorkStarted event; undefined for every other event. */
export function workStartOf(ticketId: string, event: StampedTicketEvent, recorded: RecordedEvent): WorkStartsTable | undefined {
  if (event.type !== 'WorkStarted') return undefined;
  const { commandId, actor } = event.metadata;
  return {
    ticket_id: ticketId,
    command_id: commandId,
    revision: recorded.revision,
    position: recorded.globalPosition,
    actor_id: actor.id,
    actor_role: actor.role,
  };
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
      .select(['revision', 'updated_at', 'escalation_reason', 'escalated_at', 'breached_at'])
      .where(`${tables.facts}.ticket_id` as 'rm_ticket_facts.ticket_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) {
      tickets.set(row.ticket_id, {
        facts: factsOfRow(row),
        revision: Number(row.revision),
        position: row.last_position,
        updatedAt: row.updated_at,
        latest: latestEscalationOfRow(row),
        changed: false,
      });
    }
  }
  return tickets;
}
