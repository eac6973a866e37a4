import type { Priority } from '@switchboard/ticketing';
import type { QueueEntry } from '../projection/ticket-row';
import type { TicketsTable } from '../store/read-db';

/** A ticket as lists and queues return it: its queue entry plus list fields; `overdue` is judged at the query's `now`. */
export interface TicketSummary extends QueueEntry {
  readonly channel: string;
  readonly department: string;
  readonly overdue: boolean;
  readonly description: string;
  readonly address: string | null;
}

/** Whether a ticket is late at `now`: its running due time has passed, or a hold keeps it late. */
export function isOverdue(row: Pick<TicketsTable, 'due_at' | 'overdue_since'>, now: Date): boolean {
  return row.overdue_since !== null || (row.due_at !== null && row.due_at < now.toISOString());
}

/** Maps a tickets row to what queries return. */
export function summaryOf(row: TicketsTable, now: Date): TicketSummary {
  return {
    ticketId: row.ticket_id,
    revision: Number(row.revision),
    serviceCode: row.service_code,
    channel: row.channel,
    status: row.status,
    department: row.department,
    assignee: row.assignee,
    priority: row.priority as Priority,
    escalationTier: Number(row.escalation_tier),
    onHold: Number(row.on_hold) === 1,
    openedAt: row.opened_at,
    dueAt: row.due_at,
    overdueSince: row.overdue_since,
    overdue: isOverdue(row, now),
    slaStartedAt: row.sla_started_at,
    slaBusinessMs: row.sla_business_ms === null ? null : Number(row.sla_business_ms),
    description: row.description,
    address: row.address,
  };
}
