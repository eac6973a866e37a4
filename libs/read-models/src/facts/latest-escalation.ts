import type { EscalationReason, StampedTicketEvent } from '@switchboard/ticketing';

/** A ticket's last escalation and breach since it was opened or last reopened: what GET /escalations shows beside its queue entry. */
export interface LatestEscalation {
  readonly escalationReason: EscalationReason | null;
  /** When that escalation happened (its occurredAt). */
  readonly escalatedAt: string | null;
  /** When the SLA watcher recorded the breach. */
  readonly breachedAt: string | null;
}

export const NO_ESCALATION: LatestEscalation = { escalationReason: null, escalatedAt: null, breachedAt: null };

/**
 * Folds one event: an escalation or a breach is the latest of its kind; an opening or a reopening
 * starts a cycle without either; every other event returns `latest` itself. The projection, the
 * in-memory replay and migration 6's backfill all fold with it.
 */
export function latestEscalationAfter(latest: LatestEscalation, event: StampedTicketEvent): LatestEscalation {
  switch (event.type) {
    case 'TicketEscalated':
      return { ...latest, escalationReason: event.data.reason, escalatedAt: event.metadata.occurredAt };
    case 'SlaBreached':
      return { ...latest, breachedAt: event.metadata.occurredAt };
    case 'TicketOpened':
    case 'TicketReopened':
      return NO_ESCALATION;
    default:
      return latest;
  }
}

/** Reads it back from a tickets row. */
export function latestEscalationOfRow(row: { escalation_reason: string | null; escalated_at: string | null; breached_at: string | null }): LatestEscalation {
  return { escalationReason: row.escalation_reason as EscalationReason | null, escalatedAt: row.escalated_at, breachedAt: row.breached_at };
}
