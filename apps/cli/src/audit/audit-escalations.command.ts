import { crossTicketAuditCommand } from './cross-ticket-audit-command';

/** `switchboard audit escalations`: every escalation across tickets in a time window. */
export const auditEscalationsCommand = crossTicketAuditCommand({
  name: 'audit escalations',
  summary: 'Every escalation across all tickets in a time window: who raised it, the tier, reason and notes.',
  arguments: '',
  examples: ['switchboard audit escalations --from 2026-01-01 --to 2026-01-31', 'switchboard audit escalations --from 2026-01-01 --format json'],
  selects: () => (event) => event.type === 'TicketEscalated',
  counted: (rows) => `${rows} escalations.`,
});
