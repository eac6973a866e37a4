import type { Actor } from '@switchboard/ticketing';
import { type Column, textTable } from '../output/text-table';
import { formatLocalTime } from '../time/city-time';
import type { AuditRow } from './audit-row';

export const AUDIT_FORMATS = ['table', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

const who = (actor: Actor | undefined): string => (actor ? `${actor.id} (${actor.role}${actor.department ? ` ${actor.department}` : ''})` : '(unknown)');

/** Audit rows as a readable table (times in the city's zone) or as JSON. */
export function renderAudit(rows: readonly AuditRow[], format: AuditFormat, timeZone: string, withTicket: boolean): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const columns: Column<AuditRow>[] = [
    ...(withTicket ? [{ heading: 'ticket', cell: (row: AuditRow) => row.ticketId }] : []),
    { heading: '#', cell: (row) => String(row.revision), align: 'right' },
    { heading: 'when', cell: (row) => formatLocalTime(row.occurredAt, timeZone) },
    { heading: 'who', cell: (row) => who(row.actor) },
    { heading: 'what', cell: (row) => row.type },
    { heading: 'state', cell: (row) => (row.stateBefore === row.stateAfter ? row.stateAfter : `${row.stateBefore} → ${row.stateAfter}`) },
    { heading: 'details', cell: (row) => row.details },
  ];
  return textTable(columns, rows);
}
