import { auditActorCommand } from './audit/audit-actor.command';
import { auditEscalationsCommand } from './audit/audit-escalations.command';
import { auditTicketCommand } from './audit/audit-ticket.command';
import { auditCheckpointCommand, auditCheckpointsCommand, auditPublicKeyCommand } from './audit/chain/audit-checkpoint.command';
import { auditVerifyCommand } from './audit/chain/audit-verify.command';
import type { Command } from './command';
import { exportEventsCommand } from './events-backup/export-events.command';
import { importEventsCommand } from './events-backup/import-events.command';
import { rebuildCommand } from './rebuild/rebuild.command';
import { reportCompletionCommand } from './report/report-completion.command';
import { importTicketsCommand } from './ticket-import/import-tickets.command';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  reportCompletionCommand,
  rebuildCommand,
  auditTicketCommand,
  auditActorCommand,
  auditEscalationsCommand,
  auditVerifyCommand,
  auditCheckpointCommand,
  auditCheckpointsCommand,
  auditPublicKeyCommand,
  exportEventsCommand,
  importEventsCommand,
  importTicketsCommand,
];
