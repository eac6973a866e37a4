import { resolve } from 'node:path';
import { type CliIo, say } from '../cli-io';
import type { Command } from '../command';
import { loadCatalog, withStoreAndKeys } from '../environment';
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

/** What became of one source row, and what to say about it. */
interface RowReport {
  readonly outcome: 'imported' | 'already_present' | 'bad';
  readonly messages: readonly string[];
}
/** Appends in flight at once: enough for the SQLite store's group commit to share fsyncs. */
const IN_FLIGHT = 64;

/** `switchboard import tickets`: history from another 311 system as ordinary ticket streams. */
export const importTicketsCommand: Command = {
  name: NAME,
  summary: 'Import cases from another 311 system (open-data CSV or Open311 GeoReport v2 JSON) as ticket histories; safe to re-run.',
  arguments: '<file.csv|file.json>',
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
    return withStoreAndKeys(args, io, async (store, keys) => {
      const head = await headPosition(store);
      const count = { imported: 0, already_present: 0, bad: 0, noted: 0 };
      const firstLine = new Map<string, number>();
      // Each row's outcome and messages, in file order: appends finish in any order, messages never do.
      let rowsInFlight: Promise<RowReport>[] = [];
      const report = async (): Promise<void> => {
        for (const { outcome, messages } of await Promise.all(rowsInFlight)) {
          count[outcome] += 1;
          if (outcome !== 'bad' && messages.length > 0) count.noted += 1;
          for (const message of messages) say(io, message);
        }
        rowsInFlight = [];
      };
      const bad = (line: number, reason: string): RowReport => ({ outcome: 'bad', messages: [`${label}:${line}: ${reason}; row skipped`] });
      for await (const row of rows) {
        const ticket = importedTicket(row, context);
        if ('bad' in ticket) {
          rowsInFlight.push(Promise.resolve(bad(row.line, ticket.bad)));
          continue;
        }
        const seen = firstLine.get(ticket.ticketId);
        if (seen !== undefined) {
          rowsInFlight.push(Promise.resolve(bad(row.line, `case ${ticket.ticketId} appears again (first at line ${seen})`)));
          continue;
        }
        firstLine.set(ticket.ticketId, row.line);
        rowsInFlight.push(
          appendImportedTicket(store, ticket, head, keys).then((outcome) =>
            typeof outcome === 'string' ? { outcome, messages: ticket.notes.map((note) => `${label}:${row.line}: ${note}`) } : bad(row.line, outcome.refused),
          ),
        );
        if (rowsInFlight.length >= IN_FLIGHT) await report();
      }
      await report();
      // Rows taken with a value dropped or cut (each named above): imported, or already present from an earlier run.
      const noted = count.noted > 0 ? `, ${count.noted} with notes` : '';
      say(io, `${NAME}: ${count.imported} imported, ${count.already_present} already present, ${count.bad} bad${noted} (${label}).`);
      return count.bad > 0 ? EXIT.dataErrors : EXIT.ok;
    });
  },
};
