import { type CliIo, say, writeOut } from '../cli-io';
import type { Command } from '../command';
import { loadCatalog, withStore } from '../environment';
import { EXIT } from '../exit-codes';
import { choiceOption } from '../parse-command-line';
import { timeOption } from '../time/time-option';
import { auditAcrossTickets, occurredWithin } from './audit-across-tickets';
import { FORMAT_OPTION, WINDOW_OPTIONS } from './audit-options';
import { AUDIT_FORMATS, renderAudit } from './render-audit';

const NAME = 'audit actor';

/** `switchboard audit actor <id>`: everything one person (or system) did, across tickets. */
export const auditActorCommand: Command = {
  name: NAME,
  summary: 'Everything one actor (user id, or e.g. import:boston311) did across all tickets in a time window.',
  arguments: '<actor-id>',
  positionals: { min: 1, max: 1 },
  options: { ...WINDOW_OPTIONS, format: FORMAT_OPTION },
  usesStore: true,
  usesCatalog: true,
  examples: ['switchboard audit actor dpw-bo --from 2026-01-01 --to 2026-01-31', 'switchboard audit actor sla-watcher --from 2026-01-05 --format json'],
  run: async (args, io: CliIo) => {
    const actorId = args.positionals[0];
    const timeZone = loadCatalog(args, io).config.calendar.timeZone;
    const from = timeOption(args, 'from', timeZone, 'start', NAME);
    const to = timeOption(args, 'to', timeZone, 'end', NAME);
    const format = choiceOption(args, 'format', AUDIT_FORMATS, 'table', NAME);
    return withStore(args, io, async (store) => {
      const rows = await auditAcrossTickets(
        store,
        timeZone,
        (event) => (event.metadata as { actor?: { id?: unknown } }).actor?.id === actorId && occurredWithin(event, from, to),
      );
      await writeOut(io.stdout, renderAudit(rows, format, timeZone, true));
      say(io, `${NAME}: ${rows.length} events by ${actorId}.`);
      return EXIT.ok;
    });
  },
};
