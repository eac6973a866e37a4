import type { EventStore } from '@switchboard/event-store';
import { type LoadedTicket, loadTicket } from '@switchboard/command-handling';
import { isValidTicketId, ticketIdOfStream, ticketStreamName } from '@switchboard/ticketing';
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
  arguments: '<ticket-id|ticket-stream>',
  options: {
    'as-of': { type: 'string', value: '<time>', description: 'show only what had happened by then (by when it occurred; a date means the end of that day)' },
    format: FORMAT_OPTION,
  },
  usesStore: true,
  usesCatalog: true,
  examples: [
    'switchboard audit ticket K7M-4QX2',
    'switchboard audit ticket ticket-K7M-4QX2',
    'switchboard audit ticket 101004113298 --as-of 2022-01-05',
    'switchboard audit ticket K7M-4QX2 --format json',
  ],
  run: async (args, io: CliIo) => {
    const named = args.positionals[0];
    const candidates = ticketIdsNamedBy(named);
    if (candidates.length === 0)
      throw new UsageError(`"${named}" is neither a ticket id (letters, digits, - and _, at most 40) nor a ticket's stream name (ticket-<id>).`, NAME);
    const timeZone = loadCatalog(args, io).config.calendar.timeZone;
    const asOf = asOfOption(args, timeZone, io, NAME);
    const format = choiceOption(args, 'format', AUDIT_FORMATS, 'table', NAME);
    return withStore(args, io, async (store) => {
      const { ticketId, ticket } = await loadNamedTicket(store, candidates);
      const rows = ticket.records.map((record) => auditRow(ticketId, record, timeZone)).filter((row) => occurredBy(row, asOf));
      if (rows.length === 0) {
        const tried = candidates.map((id) => `ticket ${id} (stream ${ticketStreamName(id)})`).join(' or ');
        say(
          io,
          ticket.records.length > 0
            ? `${NAME}: ticket ${ticketId} has no history in this store by that time.`
            : `${NAME}: no history in this store for ${tried}.`,
        );
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

/**
 * The ticket ids an argument can name: itself when it is a ticket id, and the id inside it when it
 * is a ticket's stream name (`ticket-<id>`, as the log and the docs write it), in that order.
 */
export function ticketIdsNamedBy(argument: string): string[] {
  const ids = isValidTicketId(argument) ? [argument] : [];
  const inStreamName = ticketIdOfStream(argument);
  if (inStreamName !== undefined && isValidTicketId(inStreamName)) ids.push(inStreamName);
  return ids;
}

/** The first of the candidate ids with a history in the store (an exact ticket id wins over a stream name); else the first, empty. */
async function loadNamedTicket(store: EventStore, candidates: readonly string[]): Promise<{ ticketId: string; ticket: LoadedTicket }> {
  let first: { ticketId: string; ticket: LoadedTicket } | undefined;
  for (const ticketId of candidates) {
    const ticket = await loadTicket(store, ticketId);
    if (ticket.records.length > 0) return { ticketId, ticket };
    first ??= { ticketId, ticket };
  }
  return first!;
}
