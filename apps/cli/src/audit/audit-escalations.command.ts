import { type CliIo, say, writeOut } from '../cli-io';
import type { Command } from '../command';
import { loadCatalog, withStore } from '../environment';
import { EXIT } from '../exit-codes';
import { choiceOption } from '../parse-command-line';
import { timeOption } from '../time/time-option';
import { auditAcrossTickets, occurredWithin } from './audit-across-tickets';
import { FORMAT_OPTION, WINDOW_OPTIONS } from './audit-options';
import { AUDIT_FORMATS, renderAudit } from './render-audit';

const NAME = 'audit escalations';

/** `switchboard audit escalations`: every escalation across tickets in a time window. */
export const auditEscalationsCommand: Command = {
  name: NAME,
  summary: 'Every escalation across all tickets in a time window: who raised it, the tier, reason and notes.',
  arguments: '',
  positionals: { min: 0, max: 0 },
  options: { ...WINDOW_OPTIONS, format: FORMAT_OPTION },
  usesStore: true,
  usesCatalog: true,
  examples: ['switchboard audit escalations --from 2026-01-01 --to 2026-01-31', 'switchboard audit escalations --from 2026-01-01 --format json'],
  run: async (args, io: CliIo) => {
    const timeZone = loadCatalog(args, io).config.calendar.timeZone;
    const from = timeOption(args, 'from', timeZone, 'start', NAME);
    const to = timeOption(args, 'to', timeZone, 'end', NAME);
    const format = choiceOption(args, 'format', AUDIT_FORMATS, 'table', NAME);
    return withStore(args, io, async (store) => {
      const rows = await auditAcrossTickets(store, timeZone, (event) => event.type === 'TicketEscalated' && occurredWithin(event, from, to));
      await writeOut(io.stdout, renderAudit(rows, format, timeZone, true));
      say(io, `${NAME}: ${rows.length} escalations.`);
      return EXIT.ok;
    });
  },
};
