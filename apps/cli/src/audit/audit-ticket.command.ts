import { loadTicket } from '@switchboard/ticket-service';
import { isValidTicketId } from '@switchboard/ticketing';
import { type CliIo, say, writeOut } from '../cli-io';
import type { Command } from '../command';
import { loadCatalog, withStore } from '../environment';
import { EXIT, UsageError } from '../exit-codes';
import { choiceOption } from '../parse-command-line';
import { formatLocalTime } from '../time/city-time';
import { asOfOption } from '../time/time-option';
import { auditRow, occurredBy } from './audit-row';
import { FORMAT_OPTION } from './audit-options';
import { AUDIT_FORMATS, renderAudit } from './render-audit';

const NAME = 'audit ticket';

/** `switchboard audit ticket <id>`: a ticket's whole history, or as it was known at a moment. */
export const auditTicketCommand: Command = {
  name: NAME,
  summary: "A ticket's full history: who did what, when, the state before → after, and the reasons and notes.",
  arguments: '<ticket-id>',
  positionals: { min: 1, max: 1 },
  options: {
    'as-of': { type: 'string', value: '<time>', description: 'show only what had happened by then (by when it occurred; a date means the end of that day)' },
    format: FORMAT_OPTION,
  },
  usesStore: true,
  usesCatalog: true,
  examples: ['switchboard audit ticket K7M-4QX2', 'switchboard audit ticket 101004113298 --as-of 2022-01-05', 'switchboard audit ticket K7M-4QX2 --format json'],
  run: async (args, io: CliIo) => {
    const ticketId = args.positionals[0];
    if (!isValidTicketId(ticketId)) throw new UsageError(`"${ticketId}" is not a ticket id (letters, digits, - and _, at most 40).`, NAME);
    const timeZone = loadCatalog(args, io).config.calendar.timeZone;
    const asOf = asOfOption(args, timeZone, io, NAME);
    const format = choiceOption(args, 'format', AUDIT_FORMATS, 'table', NAME);
    return withStore(args, io, async (store) => {
      const ticket = await loadTicket(store, ticketId);
      const rows = ticket.records.map((record) => auditRow(ticketId, record, timeZone)).filter((row) => occurredBy(row, asOf));
      if (rows.length === 0) {
        say(io, `${NAME}: ticket ${ticketId} has no history in this store${ticket.records.length > 0 ? ' by that time' : ''}.`);
        return EXIT.failure;
      }
      if (format === 'table') {
        const status = rows[rows.length - 1].stateAfter;
        await writeOut(io.stdout, `Ticket ${ticketId}: ${status} as of ${formatLocalTime(asOf.toISOString(), timeZone)}\n\n`);
      }
      await writeOut(io.stdout, renderAudit(rows, format, timeZone, false));
      return EXIT.ok;
    });
  },
};
