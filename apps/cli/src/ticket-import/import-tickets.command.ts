import { resolve } from 'node:path';
import { type CliIo, say } from '../cli-io';
import type { Command } from '../command';
import { loadCatalog, withStore } from '../environment';
import { EXIT } from '../exit-codes';
import { requiredOption } from '../parse-command-line';
import { headPosition } from '@switchboard/read-models';
import { appendImportedTicket } from './append-imported-tickets';
import { csvRows } from './csv-rows';
import { importedTicket } from './imported-ticket';
import { loadMapping } from './load-mapping';
import { open311Rows } from './open311-rows';
import type { SourceRow } from './source-row';
import { timestampReader } from './source-timestamps';

const NAME = 'import tickets';
/** Appends in flight at once: enough for the SQLite store's group commit to share fsyncs. */
const IN_FLIGHT = 64;

/** `switchboard import tickets`: history from another 311 system as ordinary ticket streams. */
export const importTicketsCommand: Command = {
  name: NAME,
  summary: 'Import cases from another 311 system (open-data CSV or Open311 GeoReport v2 JSON) as ticket histories; safe to re-run.',
  arguments: '<file.csv|file.json>',
  positionals: { min: 1, max: 1 },
  options: { mapping: { type: 'string', value: '<mapping.json>', description: 'which column is which and how values map onto the catalog (required)' } },
  usesStore: true,
  usesCatalog: true,
  examples: [
    'switchboard import tickets boston311.csv --mapping apps/cli/mappings/boston311.json',
    'switchboard import tickets requests.json --mapping apps/cli/mappings/open311-georeport-v2.json',
  ],
  run: async (args, io: CliIo) => {
    const label = args.positionals[0];
    const file = resolve(io.cwd, label);
    const catalog = loadCatalog(args, io);
    const mapping = loadMapping(resolve(io.cwd, requiredOption(args, 'mapping', NAME)), file, catalog, NAME);
    const context = { mapping, catalog, readTime: timestampReader(mapping.timestampFormat, mapping.timeZone) };
    const rows: AsyncIterable<SourceRow> | Iterable<SourceRow> = mapping.format === 'csv' ? csvRows(file, label) : open311Rows(file, label);
    return withStore(args, io, async (store) => {
      const head = await headPosition(store);
      const count = { imported: 0, already_present: 0, bad: 0 };
      const firstLine = new Map<string, number>();
      const bad = (line: number, reason: string): void => {
        count.bad += 1;
        say(io, `${label}:${line}: ${reason}; row skipped`);
      };
      let inFlight: Promise<void>[] = [];
      for await (const row of rows) {
        const ticket = importedTicket(row, context);
        if ('bad' in ticket) {
          bad(row.line, ticket.bad);
          continue;
        }
        const seen = firstLine.get(ticket.ticketId);
        if (seen !== undefined) {
          bad(row.line, `case ${ticket.ticketId} appears again (first at line ${seen})`);
          continue;
        }
        firstLine.set(ticket.ticketId, row.line);
        inFlight.push(
          appendImportedTicket(store, ticket, head).then((outcome) => {
            if (typeof outcome === 'string') count[outcome] += 1;
            else bad(row.line, outcome.refused);
          }),
        );
        if (inFlight.length >= IN_FLIGHT) {
          await Promise.all(inFlight);
          inFlight = [];
        }
      }
      await Promise.all(inFlight);
      say(io, `${NAME}: ${count.imported} imported, ${count.already_present} already present, ${count.bad} bad (${label}).`);
      return count.bad > 0 ? EXIT.dataErrors : EXIT.ok;
    });
  },
};
