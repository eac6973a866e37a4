import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import type { LatestEscalation } from '../facts/latest-escalation';
import type { TicketFacts } from '../facts/ticket-facts';
import { upsertRows } from '../projection/upsert-rows';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb, TicketVersionsTable } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';
import { closedVersion, neverInForce, nextVersion, versionColumnsOf } from './ticket-versions';

const ID_CHUNK = 500;

/**
 * The ticket projection's writer of the temporal read model, within its batch transaction: each
 * event that changes what a version holds closes the ticket's version in force and opens the next.
 * A version superseded at the same times on both axes (an opening and its routing in one append)
 * was never in force and is dropped, so a batch boundary never changes the rows a rebuild writes.
 */
export class TicketVersionsWriter {
  private readonly written = new Map<string, TicketVersionsTable>();
  private readonly dropped = new Set<string>();

  private constructor(
    /** The latest version of each ticket the batch touched, stored or new. */
    private readonly latest: Map<string, TicketVersionsTable>,
    /** Keys (ticket, position) of versions already stored. */
    private readonly stored: Set<string>,
  ) {}

  /** Loads the latest stored version of the given tickets. */
  static async load(trx: Kysely<ReadDb>, tables: GenerationTables, ticketIds: readonly string[]): Promise<TicketVersionsWriter> {
    const latest = new Map<string, TicketVersionsTable>();
    const stored = new Set<string>();
    for (let i = 0; i < ticketIds.length; i += ID_CHUNK) {
      const rows = await trx
        .selectFrom(tables.versions)
        .selectAll()
        .where('ticket_id', 'in', ticketIds.slice(i, i + ID_CHUNK))
        .where('known_to', 'is', null)
        .execute();
      for (const row of rows) {
        latest.set(row.ticket_id, row);
        stored.add(keyOf(row));
      }
    }
    return new TicketVersionsWriter(latest, stored);
  }

  /** Records the ticket's facts after one of its events. */
  record(ticketId: string, facts: TicketFacts, latestEscalation: LatestEscalation, recorded: RecordedEvent, catalog: ServiceCatalog): void {
    const previous = this.latest.get(ticketId);
    const next = nextVersion(previous, ticketId, versionColumnsOf(facts, latestEscalation, catalog), recorded);
    if (!next) return;
    if (previous) {
      const closed = closedVersion(previous, next);
      const key = keyOf(closed);
      if (neverInForce(closed)) {
        this.written.delete(key);
        if (this.stored.has(key)) this.dropped.add(key);
      } else this.written.set(key, closed);
    }
    this.latest.set(ticketId, next);
    this.written.set(keyOf(next), next);
  }

  /** Writes the batch's versions. */
  async write(trx: Kysely<ReadDb>, dialect: ReadStoreDialect, tables: GenerationTables): Promise<void> {
    for (const key of this.dropped) {
      const [ticketId, position] = key.split('\n');
      await trx.deleteFrom(tables.versions).where('ticket_id', '=', ticketId).where('position', '=', position).execute();
    }
    await upsertRows(trx, dialect, tables.versions, ['ticket_id', 'position'], [...this.written.values()]);
  }
}

const keyOf = (row: Pick<TicketVersionsTable, 'ticket_id' | 'position'>): string => `${row.ticket_id}\n${row.position}`;
