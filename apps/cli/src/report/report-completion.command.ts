import { type CompletionFigures, GROUP_BYS, type Moment, PERIODS, replayCompletion } from '@switchboard/read-models';
import { type CliIo, say, writeOut } from '../cli-io';
import type { Command, ParsedArgs } from '../command';
import { loadCatalog, withStore } from '../environment';
import { EXIT, UsageError } from '../exit-codes';
import { type Column, textTable } from '../output/text-table';
import { choiceOption } from '../parse-command-line';
import { formatLocalTime } from '../time/city-time';
import { timeOption } from '../time/time-option';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { displayFigure, FIGURE_COLUMNS } from './report-figures';
import { type ReportParameters, reportParameters } from './report-parameters';

const NAME = 'report completion';
const FORMATS = ['table', 'csv', 'json', 'html'] as const;

/** `switchboard report completion`: completion metrics replayed from the event log, also as of (or as known at) a past moment. */
export const reportCompletionCommand: Command = {
  name: NAME,
  summary: 'Completion metrics per department, service or channel and period, replayed from the event log (also as of, or as known at, a past moment).',
  arguments: '',
  options: {
    from: { type: 'string', value: '<time>', description: "start of the report (required; a date means its start, in the city's time zone)" },
    to: { type: 'string', value: '<time>', description: 'end of the report, exclusive (required; a date means the end of that day)' },
    by: { type: 'string', value: '<group>', description: `group by ${GROUP_BYS.join(', ')} (default department)` },
    period: { type: 'string', value: '<period>', description: `${PERIODS.join(', ')} (default month)` },
    'as-of': { type: 'string', value: '<time>', description: 'replay only what had happened by then; it is also "now" for backlog and overdue (default now)' },
    'known-at': {
      type: 'string',
      value: '<time>',
      description: 'instead of --as-of: only what the system had recorded by then (what its reports showed that day, before later imports)',
    },
    format: { type: 'string', value: '<format>', description: `${FORMATS.join(', ')} (default table)` },
  },
  usesStore: true,
  usesCatalog: true,
  examples: [
    'switchboard report completion --from 2026-01-01 --to 2026-03-31',
    'switchboard report completion --from 2026-01-01 --to 2026-01-31 --by service --period week --format csv > january.csv',
    'switchboard report completion --from 2026-01-01 --to 2026-01-31 --as-of 2026-02-01 --format html > january.html',
    'switchboard report completion --from 2026-01-01 --to 2026-01-31 --known-at 2026-02-01',
  ],
  run: async (args, io: CliIo) => {
    const catalog = loadCatalog(args, io);
    const timeZone = catalog.config.calendar.timeZone;
    const from = timeOption(args, 'from', timeZone, 'start', NAME);
    const requestedTo = timeOption(args, 'to', timeZone, 'end', NAME);
    if (!from || !requestedTo) throw new UsageError('--from and --to are required.', NAME);
    const moment = momentOption(args, timeZone, io);
    const groupBy = choiceOption(args, 'by', GROUP_BYS, 'department', NAME);
    const period = choiceOption(args, 'period', PERIODS, 'month', NAME);
    const format = choiceOption(args, 'format', FORMATS, 'table', NAME);
    // Nothing is known after the moment: the report ends there, so backlog and overdue are judged at that "now".
    const to = requestedTo > moment.at ? moment.at : requestedTo;
    const flag = moment.axis === 'knownAt' ? '--known-at' : '--as-of';
    if (from >= to) throw new UsageError(`the report must start before --to and before ${flag} (${formatLocalTime(to.toISOString(), timeZone)}).`, NAME);
    if (to < requestedTo)
      say(io, `${NAME}: --to is after ${args.values[flag.slice(2)] ? flag : 'now'}; the report ends at ${formatLocalTime(to.toISOString(), timeZone)}.`);
    const parameters = reportParameters({ from, to, moment, groupBy, period, timeZone });
    return withStore(args, io, async (store) => {
      const { figures, tickets } = await replayCompletion(store, catalog, moment, { from, to, groupBy, period, timeZone });
      await writeOut(io.stdout, render(figures, format, parameters));
      say(io, `${NAME}: ${tickets} tickets in range, ${figures.length} rows.`);
      return EXIT.ok;
    });
  },
};

/** The moment the report describes: `--known-at` (what was recorded by then) or `--as-of` (what had happened by then, default now), not both. */
function momentOption(args: ParsedArgs, timeZone: string, io: CliIo): Moment {
  const knownAt = timeOption(args, 'known-at', timeZone, 'end', NAME);
  const asOf = timeOption(args, 'as-of', timeZone, 'end', NAME);
  if (knownAt && asOf) throw new UsageError('give --as-of or --known-at, not both.', NAME);
  return knownAt ? { axis: 'knownAt', at: knownAt } : { axis: 'asOf', at: asOf ?? io.now() };
}

function render(figures: CompletionFigures[], format: (typeof FORMATS)[number], parameters: ReportParameters): string {
  switch (format) {
    case 'csv':
      return renderCsv(figures);
    case 'html':
      return renderHtml(figures, parameters);
    case 'json': {
      const { from, to, moment, groupBy, period, timeZone } = parameters;
      return `${JSON.stringify({ from, to, [moment.axis]: moment.at, groupBy, period, timeZone, figures }, null, 2)}\n`;
    }
    case 'table': {
      const columns: Column<CompletionFigures>[] = FIGURE_COLUMNS.map((column) => ({
        heading: column.heading,
        cell: (f) => displayFigure(column, f),
        align: column.kind === 'text' ? 'left' : 'right',
      }));
      return `Completion report ${parameters.title}\n${parameters.description}\n\n${textTable(columns, figures)}`;
    }
  }
}
