import { type ReactNode, useMemo, useState } from 'react';
import { TableRegion } from './table-region';

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  /** The value sorted by; null sorts last. */
  readonly value: (row: Row) => number | string | null;
  readonly render?: (row: Row) => ReactNode;
  readonly numeric?: boolean;
}

/** A table sorted by clicking (or pressing Enter on) a column header; the sorted column says so to screen readers. */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  testId,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; descending: boolean };
  testId?: string;
}) {
  const [sort, setSort] = useState(initialSort ?? { key: columns[0].key, descending: false });
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0];
    const direction = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction;
    });
  }, [rows, columns, sort]);
  return (
    <TableRegion label={caption}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.key === sort.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort({ key: column.key, descending: active ? !sort.descending : column.numeric === true })}
                  >
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={columns.length}>Nothing to show.</td>
            </tr>
          )}
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-row={rowKey(row)}>
              {columns.map((column, index) => {
                const content = column.render ? column.render(row) : (column.value(row) ?? '—');
                return index === 0 ? (
                  <th key={column.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
