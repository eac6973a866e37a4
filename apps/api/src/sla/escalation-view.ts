import type { TicketSummary } from '@switchboard/read-models';
import type { EscalationReason } from '@switchboard/ticketing';
import type { TicketEventRecord } from '@switchboard/ticket-service';

/** One ticket as GET /escalations shows it to the director or a department head. */
export interface EscalationView {
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

/** The listing's row completed with what only the ticket's own history knows: the last escalation and the breach. */
export function escalationViewOf(summary: TicketSummary, records: readonly TicketEventRecord[]): EscalationView {
  let escalation: { reason: EscalationReason; at: string } | undefined;
  let breachedAt: string | null = null;
  for (const { event } of records) {
    if (event?.type === 'TicketReopened') [escalation, breachedAt] = [undefined, null];
    if (event?.type === 'TicketEscalated') escalation = { reason: event.data.reason, at: event.metadata.occurredAt };
    if (event?.type === 'SlaBreached') breachedAt = event.metadata.occurredAt;
  }
  return {
    ticketId: summary.ticketId,
    department: summary.department,
    serviceCode: summary.serviceCode,
    status: summary.status,
    priority: summary.priority,
    assignee: summary.assignee,
    tier: summary.escalationTier,
    reason: escalation?.reason ?? null,
    escalatedAt: escalation?.at ?? null,
    dueAt: summary.dueAt,
    overdueSince: summary.overdueSince,
    overdue: summary.overdue,
    breachedAt,
    atRisk: summary.atRisk,
    atRiskAt: summary.atRiskAt,
  };
}
