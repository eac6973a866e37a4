/** A column of a text table: its heading and how to read a row's cell. */
export interface Column<Row> {
  readonly heading: string;
  readonly cell: (row: Row) => string;
  readonly align?: 'left' | 'right';
}

/** Lays rows out as an aligned plain-text table (one line per row; newlines in cells become spaces). */
export function textTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row).replace(/\s*\n\s*/g, ' ')));
  const widths = columns.map((column, i) => Math.max(column.heading.length, ...cells.map((line) => line[i].length)));
  const layout = (line: readonly string[]): string =>
    line
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [layout(columns.map((column) => column.heading)), layout(widths.map((width) => '-'.repeat(width))), ...cells.map(layout)]
    .map((line) => `${line}\n`)
    .join('');
}
