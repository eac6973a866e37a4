import type { TicketHistoryStep } from '@switchboard/command-handling';
import type { Actor, TicketStatus } from '@switchboard/ticketing';
import { formatLocalTime } from '../time/city-time';
import { describeEvent } from './describe-event';

/** One line of an audit: who did what to which ticket, when, and what it changed. */
export interface AuditRow {
  readonly ticketId: string;
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor?: Actor;
  readonly stateBefore: TicketStatus;
  readonly stateAfter: TicketStatus;
  readonly details: string;
  readonly data: unknown;
  readonly imported?: { readonly source: string; readonly originalId: string };
}

/** The audit row of one loaded ticket event; times in the details read in `timeZone`. */
export function auditRow(ticketId: string, record: TicketHistoryStep, timeZone: string): AuditRow {
  const metadata = (record.event?.metadata ?? record.stored.metadata) as { occurredAt?: string; actor?: Actor; imported?: AuditRow['imported'] };
  return {
    ticketId,
    revision: record.stored.revision,
    position: record.stored.globalPosition,
    eventId: record.stored.id,
    type: record.stored.type,
    occurredAt: metadata.occurredAt ?? record.stored.recordedAt.toISOString(),
    actor: metadata.actor,
    stateBefore: record.stateBefore.status,
    stateAfter: record.stateAfter.status,
    details: describeEvent(record.event, (iso) => formatLocalTime(iso, timeZone)),
    data: record.event?.data ?? record.stored.data,
    ...(metadata.imported ? { imported: metadata.imported } : {}),
  };
}

/** Whether an event happened at or before `asOf` (history as it was known then). */
export const occurredBy = (row: Pick<AuditRow, 'occurredAt'>, asOf: Date): boolean => Date.parse(row.occurredAt) <= asOf.getTime();
