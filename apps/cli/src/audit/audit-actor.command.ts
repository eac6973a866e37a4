import { crossTicketAuditCommand } from './cross-ticket-audit-command';

/** `switchboard audit actor <id>`: everything one person (or system) did, across tickets. */
export const auditActorCommand = crossTicketAuditCommand({
  name: 'audit actor',
  summary: 'Everything one actor (user id, or e.g. import:boston311) did across all tickets in a time window.',
  arguments: '<actor-id>',
  examples: ['switchboard audit actor dpw-bo --from 2026-01-01 --to 2026-01-31', 'switchboard audit actor sla-watcher --from 2026-01-05 --format json'],
  selects: (args) => (event) => (event.metadata as { actor?: { id?: unknown } }).actor?.id === args.positionals[0],
  counted: (rows, args) => `${rows} events by ${args.positionals[0]}.`,
});
