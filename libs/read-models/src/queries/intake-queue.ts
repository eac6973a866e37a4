import type { Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';
import { pageLimit } from './validate';
import { summaryOf, type TicketSummary } from './ticket-summary';

export interface IntakeQueueOptions {
  /** The instant ages are judged at. */
  readonly now: Date;
  /** At most this many entries (default 200, at most 1000). */
  readonly limit?: number;
}

/**
 * 311's intake queue: the tickets waiting in intake for triage — services the catalog does not
 * route on open, and tickets opened before it did — urgent first, then the longest waiting.
 * A ticket leaves it as soon as it is routed, escalated, resolved or closed.
 */
export async function intakeQueue(db: Kysely<ReadDb>, tables: GenerationTables, options: IntakeQueueOptions): Promise<TicketSummary[]> {
  const limit = pageLimit('limit', options.limit, 200, 1000);
  const rows = await db
    .selectFrom(tables.tickets)
    .selectAll()
    .where('status', '=', 'intake')
    .orderBy('priority_rank', 'desc')
    .orderBy('opened_at', 'asc')
    .orderBy('ticket_id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => summaryOf(row, options.now));
}
