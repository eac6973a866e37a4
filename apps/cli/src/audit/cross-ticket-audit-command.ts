import type { RecordedEvent } from '@switchboard/event-store';
import { type CliIo, say, writeOut } from '../cli-io';
import type { Command, ParsedArgs } from '../command';
import { loadCatalog, withStore } from '../environment';
import { EXIT } from '../exit-codes';
import { choiceOption } from '../parse-command-line';
import { timeOption } from '../time/time-option';
import { auditAcrossTickets, occurredWithin } from './audit-across-tickets';
import { FORMAT_OPTION, WINDOW_OPTIONS } from './audit-options';
import { AUDIT_FORMATS, renderAudit } from './render-audit';

/** What distinguishes one cross-ticket audit from another. */
export interface CrossTicketAudit extends Pick<Command, 'name' | 'summary' | 'arguments' | 'examples'> {
  /** Which events (already within the time window) belong in the audit. */
  selects(args: ParsedArgs): (event: RecordedEvent) => boolean;
  /** The summary line, e.g. `3 escalations.` */
  counted(rows: number, args: ParsedArgs): string;
}

/** A command auditing events across all tickets in a `--from`/`--to` window. */
export function crossTicketAuditCommand(audit: CrossTicketAudit): Command {
  return {
    ...audit,
    options: { ...WINDOW_OPTIONS, format: FORMAT_OPTION },
    usesStore: true,
    usesCatalog: true,
    run: async (args, io: CliIo) => {
      const timeZone = loadCatalog(args, io).config.calendar.timeZone;
      const from = timeOption(args, 'from', timeZone, 'start', audit.name);
      const to = timeOption(args, 'to', timeZone, 'end', audit.name);
      const format = choiceOption(args, 'format', AUDIT_FORMATS, 'table', audit.name);
      const selects = audit.selects(args);
      return withStore(args, io, async (store) => {
        const rows = await auditAcrossTickets(store, timeZone, (event) => occurredWithin(event, from, to) && selects(event));
        await writeOut(io.stdout, renderAudit(rows, format, timeZone, true));
        say(io, `${audit.name}: ${audit.counted(rows.length, args)}`);
        return EXIT.ok;
      });
    },
  };
}
