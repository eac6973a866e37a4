import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, type Info, parse } from 'csv-parse';
import { DataError } from '../exit-codes';
import type { SourceRow } from './source-row';

/** A parsed CSV record and the line it began on. */
interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

const count = (fields: readonly string[], char: string): number => fields.reduce((sum, field) => sum + field.split(char).length - 1, 0);

/**
 * Line numbers as an editor shows them (a line ends at LF). csv-parse's `info.lines` also counts
 * every CR inside a field, so each CRLF in a quoted field would count twice: those CRs are taken off.
 */
class RecordLines {
  private carriageReturns = 0;
  private lastEnd = 0;
  private emptyLinesAtLastEnd = 0;

  /** The line a record begins on, from csv-parse's count at its end. */
  begins(fields: readonly string[], info: Info): number {
    this.carriageReturns += count(fields, '\r');
    this.lastEnd = info.lines - this.carriageReturns;
    this.emptyLinesAtLastEnd = info.empty_lines;
    return this.lastEnd - count(fields, '\n');
  }

  /** The line the record csv-parse refused begins on: after the last record and the empty lines since. */
  refused(error: CsvError): number {
    return this.lastEnd + 1 + (Number(error.empty_lines) || 0) - this.emptyLinesAtLastEnd;
  }
}

const REASONS: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (missing ")',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field goes on after its closing quote (a quote inside a quoted field is written "")',
};

/**
 * Streams RFC 4180 records (csv-parse): quoted fields with embedded commas, quotes ("") and line
 * breaks; LF or CRLF line ends, also mixed; a byte-order mark is skipped; a quote inside an unquoted
 * field is kept as it is. Throws DataError naming the record's line when its quoting is broken.
 */
export async function* csvRecords(file: string, label: string): AsyncGenerator<CsvRecord> {
  const records = parse({ bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] });
  // The file's errors (none such, unreadable) reach the loop below through the parser, which pipeline destroys with them.
  pipeline(createReadStream(file), records, () => undefined);
  const lines = new RecordLines();
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: Info }>) {
      yield { line: lines.begins(record, info), fields: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const reason = REASONS[error.code] ?? error.message.replace(/ (at|on) line \d+/, '');
    throw new DataError(`${label}:${lines.refused(error)}: ${reason}`);
  }
}

/** Streams a CSV file with a header row as SourceRows keyed by column name. */
export async function* csvRows(file: string, label: string): AsyncGenerator<SourceRow> {
  let header: string[] | undefined;
  for await (const record of csvRecords(file, label)) {
    if (!header) {
      header = record.fields.map((name) => name.trim());
      continue;
    }
    const values = Object.fromEntries(header.map((name, i) => [name, record.fields[i] ?? '']));
    const problem = record.fields.length === header.length ? undefined : `has ${record.fields.length} fields where the header has ${header.length}`;
    yield { line: record.line, values, ...(problem ? { problem } : {}) };
  }
}
