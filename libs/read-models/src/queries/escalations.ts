import { sql, type Kysely } from 'kysely';
import type { EscalationReason, ServiceCatalog } from '@switchboard/ticketing';
import type { ReplayedTicket } from '../facts/replay-ticket-facts';
import { ticketRowOf } from '../projection/ticket-row';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb, TicketsTable } from '../store/read-db';
import { decodeCursor, encodeCursor } from './cursor';
import { isAtRisk, isOverdue } from './ticket-summary';
import { nonEmpty, pageLimit, validDate } from './validate';

/** One ticket as GET /escalations shows it to the director or a department head. */
export interface EscalationEntry {
  readonly ticketId: string;
  readonly department: string;
  readonly serviceCode: string;
  readonly status: string;
  readonly priority: string;
  readonly assignee: string | null;
  /** 0 when the ticket is listed only for being late or at risk. */
  readonly tier: number;
  /** Why the last escalation since the ticket was opened (or reopened) was made. */
  readonly reason: EscalationReason | null;
  readonly escalatedAt: string | null;
  readonly dueAt: string | null;
  /** On hold: the due time the ticket is already late against. */
  readonly overdueSince: string | null;
  readonly overdue: boolean;
  /** When the SLA watcher recorded the breach of the due time in force. */
  readonly breachedAt: string | null;
  readonly atRisk: boolean;
  readonly atRiskAt: string | null;
}

/** A page of the escalations list. */
export interface EscalationsPage {
  readonly tickets: EscalationEntry[];
  /** Pass it back to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

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
export async function escalations(db: Kysely<ReadDb>, tables: GenerationTables, options: EscalationsOptions): Promise<EscalationsPage> {
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
    query = query.where((eb) =>
      eb.or([eb(lateSince, '>', String(since)), eb.and([eb(lateSince, '=', String(since)), eb('ticket_id', '>', String(ticketId))])]),
    );
  }
  const rows = await query
    .orderBy(lateSince)
    .orderBy('ticket_id')
    .limit(size + 1)
    .execute();
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    tickets: page.map((row) => escalationEntryOf(row, now)),
    nextCursor: rows.length > size && last ? encodeCursor(queryKey, [last.late_since, last.ticket_id]) : null,
  };
}

/** The tickets-row columns the escalations list reads: what a tickets row and a ticket version both hold. */
export type EscalationRow = Pick<
  TicketsTable,
  | 'ticket_id'
  | 'department'
  | 'service_code'
  | 'status'
  | 'priority'
  | 'assignee'
  | 'escalation_tier'
  | 'escalation_reason'
  | 'escalated_at'
  | 'due_at'
  | 'due_sort'
  | 'overdue_since'
  | 'breached_at'
  | 'sla_at_risk_at'
  | 'queue_department'
>;

/** Whether a ticket's row belongs on the escalations list at `now`: in a queue, and escalated, late (also late on hold) or at risk. */
export function needsAttention(row: EscalationRow, now: Date): boolean {
  return row.queue_department !== null && (Number(row.escalation_tier) >= 1 || isOverdue(row, now) || isAtRisk(row, now));
}

/** The list's order key: the due time the ticket is late against (on hold: the one it stays late against). */
const lateSinceOf = (row: EscalationRow): string => row.overdue_since ?? row.due_sort;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A tickets row as the escalations list shows it, judged at `now`. */
function escalationEntryOf(row: EscalationRow, now: Date): EscalationEntry {
  return {
    ticketId: row.ticket_id,
    department: row.department,
    serviceCode: row.service_code,
    status: row.status,
    priority: row.priority,
    assignee: row.assignee,
    tier: Number(row.escalation_tier),
    reason: row.escalation_reason as EscalationReason | null,
    escalatedAt: row.escalated_at,
    dueAt: row.due_at,
    overdueSince: row.overdue_since,
    overdue: isOverdue(row, now),
    breachedAt: row.breached_at,
    atRisk: isAtRisk(row, now),
    atRiskAt: row.sla_at_risk_at,
  };
}

/**
 * The escalations list over tickets replayed in memory (e.g. as of a past moment): the rows the
 * projection would have written for them, chosen, ordered (late the longest first, then ticket id)
 * and shown as the query shows them, at `now`; the first `limit` of them, without paging.
 */
export function escalationsAmong(tickets: readonly ReplayedTicket[], catalog: ServiceCatalog, options: Omit<EscalationsOptions, 'cursor'>): EscalationEntry[] {
  return escalationsAmongRows(
    tickets.map((ticket) => ticketRowOf(ticket.facts, ticket.text, ticket.latest, ticket.version, catalog)),
    options,
  );
}

/** The escalations list over rows in memory (tickets rows or ticket versions in force at a moment), as the query chooses, orders and shows them at `now`; one page of `limit`. */
export function escalationsAmongRows(rows: readonly EscalationRow[], options: Omit<EscalationsOptions, 'cursor'>): EscalationEntry[] {
  const size = pageLimit('limit', options.limit, 50, 500);
  const now = validDate('now', options.now);
  const department = options.department === undefined ? undefined : nonEmpty('department', options.department);
  return rows
    .filter((row) => needsAttention(row, now) && (department === undefined || row.queue_department === department))
    .sort((a, b) => byText(lateSinceOf(a), lateSinceOf(b)) || byText(a.ticket_id, b.ticket_id))
    .slice(0, size)
    .map((row) => escalationEntryOf(row, now));
}
