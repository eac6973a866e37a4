import { sql, type Kysely } from 'kysely';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { decodeCursor, encodeCursor } from './cursor';
import type { TicketPage } from './search-tickets';
import { summaryOf } from './ticket-summary';
import { nonEmpty, pageLimit, validDate } from './validate';

export interface EscalationsOptions {
  /** The instant "overdue" and "at risk" are judged at. */
  readonly now: Date;
  /** Only tickets in this department's queue (a department head's view). */
  readonly department?: string;
  /** At most this many tickets (default 50, at most 500). */
  readonly limit?: number;
  readonly cursor?: string;
}

/**
 * Open tickets that need a manager's eye: escalated, late (also late on hold) or at risk, across
 * departments — the one late the longest first (a held ticket counts from the due time it is late against).
 */
export async function escalations(db: Kysely<ReadDb>, tables: GenerationTables, options: EscalationsOptions): Promise<TicketPage> {
  const size = pageLimit('limit', options.limit, 50, 500);
  const now = validDate('now', options.now);
  const department = options.department === undefined ? undefined : nonEmpty('department', options.department);
  const queryKey = JSON.stringify({ escalations: department ?? null });
  const lateSince = sql<string>`coalesce(overdue_since, due_sort)`;
  let query = db
    .selectFrom(tables.tickets)
    .selectAll()
    .select(lateSince.as('late_since'))
    .where('queue_department', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('escalation_tier', '>=', 1),
        eb('overdue_since', 'is not', null),
        eb('due_at', '<=', now.toISOString()),
        eb('sla_at_risk_at', '<=', now.toISOString()),
      ]),
    );
  if (department !== undefined) query = query.where('queue_department', '=', department);
  if (options.cursor !== undefined) {
    const [since, ticketId] = decodeCursor(options.cursor, queryKey, 2);
    query = query.where((eb) => eb.or([eb(lateSince, '>', String(since)), eb.and([eb(lateSince, '=', String(since)), eb('ticket_id', '>', String(ticketId))])]));
  }
  const rows = await query.orderBy(lateSince).orderBy('ticket_id').limit(size + 1).execute();
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    tickets: page.map((row) => summaryOf(row, now)),
    nextCursor: rows.length > size && last ? encodeCursor(queryKey, [last.late_since, last.ticket_id]) : null,
  };
}
