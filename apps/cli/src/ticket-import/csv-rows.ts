import { createReadStream } from 'node:fs';
import { DataError } from '../exit-codes';
import type { SourceRow } from './source-row';

/** A parsed CSV record and the line it began on. */
interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Streams RFC 4180 records: quoted fields with embedded commas, quotes ("") and line breaks;
 * LF or CRLF line ends; a byte-order mark is skipped. Throws DataError on an unterminated quote.
 */
export async function* csvRecords(file: string, label: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let started = false;
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>) {
    const text = first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    first = false;
    const records: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n') line += 1;
          field += c;
        }
        continue;
      }
      if (c === '"') {
        // A quote right after a closing quote is an escaped quote ("").
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
        started = true;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        started = true;
      } else if (c === '\n') {
        if (started || field !== '') records.push({ line: recordLine, fields: [...fields, field] });
        fields = [];
        field = '';
        afterQuote = false;
        started = false;
        line += 1;
        recordLine = line;
      } else if (c !== '\r') {
        field += c;
        afterQuote = false;
        started = true;
      }
    }
    yield* records;
  }
  if (quoted) throw new DataError(`${label}:${recordLine}: a quoted field is never closed (missing ")`);
  if (started || field !== '') yield { line: recordLine, fields: [...fields, field] };
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
    const problem =
      record.fields.length === header.length ? undefined : `has ${record.fields.length} fields where the header has ${header.length}`;
    yield { line: record.line, values, ...(problem ? { problem } : {}) };
  }
}
