import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ReadDb, TicketsTable } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';
import { nonEmpty, pageLimit } from './validate';
import { summaryOf, type TicketSummary } from './ticket-summary';

export interface DepartmentQueueOptions {
  /** Only tickets assigned to this staff member (`?mine=true`). */
  readonly assignee?: string;
  /** The instant `overdue` is judged at. */
  readonly now: Date;
  /** At most this many entries (default 200, at most 1000). */
  readonly limit?: number;
}

/** Open tickets of a department: escalation tier, then priority (urgent first), then due time (none last). */
export async function departmentQueue(
  db: Kysely<ReadDb>,
  tables: GenerationTables,
  department: string,
  options: DepartmentQueueOptions,
): Promise<TicketSummary[]> {
  nonEmpty('department', department);
  const limit = pageLimit('limit', options.limit, 200, 1000);
  let query = inQueueOrder(db, tables, department);
  if (options.assignee !== undefined) query = query.where('assignee', '=', nonEmpty('assignee', options.assignee));
  const rows = await query.limit(limit).execute();
  return rows.map((row) => summaryOf(row, options.now));
}

/**
 * Tickets nobody has claimed (no assignee, waiting to be started), in queue order. The API starts
 * the first whose revision still matches and moves to the next on a conflict, so two staff
 * claiming at once never get the same ticket.
 */
export async function claimCandidates(db: Kysely<ReadDb>, tables: GenerationTables, department: string, limit: number, now: Date): Promise<TicketSummary[]> {
  nonEmpty('department', department);
  const rows = await inQueueOrder(db, tables, department)
    .where('assignee', 'is', null)
    .where('status', 'in', ['assigned', 'escalated'])
    .limit(pageLimit('limit', limit, 10, 100))
    .execute();
  return rows.map((row) => summaryOf(row, now));
}

function inQueueOrder(db: Kysely<ReadDb>, tables: GenerationTables, department: string): SelectQueryBuilder<ReadDb, 'rm_tickets', TicketsTable> {
  return db
    .selectFrom(tables.tickets)
    .selectAll()
    .where('queue_department', '=', department)
    .orderBy('escalation_tier', 'desc')
    .orderBy('priority_rank', 'desc')
    .orderBy('due_sort', 'asc')
    .orderBy('ticket_id', 'asc');
}
