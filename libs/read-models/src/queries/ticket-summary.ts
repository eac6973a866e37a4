import type { Priority } from '@switchboard/ticketing';
import type { QueueEntry } from '../projection/ticket-row';
import type { TicketsTable } from '../store/read-db';

/** A ticket as lists and queues return it: its queue entry plus list fields; `overdue` and `atRisk` are judged at the query's `now`. */
export interface TicketSummary extends QueueEntry {
  readonly channel: string;
  readonly department: string;
  readonly overdue: boolean;
  /** Not yet late, but the escalation policy's share of its SLA is used (a warning in queues). */
  readonly atRisk: boolean;
  /** When the ticket turns (or turned) at risk while its clock runs. */
  readonly atRiskAt: string | null;
  readonly description: string;
  readonly address: string | null;
  /** When the ticket's latest event happened. */
  readonly updatedAt: string;
  /** How many reports of the problem the ticket holds: the one that opened it and every other report of the same problem. */
  readonly reportCount: number;
}

/** Whether a ticket is late at `now`: its running due time has passed, or a hold keeps it late. */
export function isOverdue(row: Pick<TicketsTable, 'due_at' | 'overdue_since'>, now: Date): boolean {
  return row.overdue_since !== null || (row.due_at !== null && row.due_at < now.toISOString());
}

/** Whether a ticket not yet late has used the policy's share of its SLA at `now`. */
export function isAtRisk(row: Pick<TicketsTable, 'due_at' | 'overdue_since' | 'sla_at_risk_at'>, now: Date): boolean {
  return !isOverdue(row, now) && row.sla_at_risk_at !== null && row.sla_at_risk_at <= now.toISOString();
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
    atRisk: isAtRisk(row, now),
    atRiskAt: row.sla_at_risk_at,
    slaStartedAt: row.sla_started_at,
    slaBusinessMs: row.sla_business_ms === null ? null : Number(row.sla_business_ms),
    description: row.description,
    address: row.address,
    updatedAt: row.updated_at,
    reportCount: Number(row.report_count),
  };
}
