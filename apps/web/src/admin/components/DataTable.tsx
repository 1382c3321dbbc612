import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { focusableIn } from './focusable';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned figures (amounts, counts). */
  numeric?: boolean;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: string;
  /** The caption repeats a visible heading: screen readers keep it, the eye is spared it. */
  captionHidden?: boolean;
}

/**
 * A table whose rows are one Tab stop: Arrow Up/Down, Home and End move between rows,
 * Enter follows the row's first link or button. The row keeps its table semantics, so a
 * screen reader still reads headers with each cell.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  captionHidden = false,
}: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const focusRow = (index: number) => {
    const row = body.current?.rows.item(index);
    if (!row) return;
    setActive(index);
    row.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(index + 1, rows.length - 1),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: rows.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusRow(next);
    } else if (event.key === 'Enter') {
      const target = focusableIn(event.currentTarget)[0];
      if (target) {
        event.preventDefault();
        target.click();
      }
    }
  };

  return (
    <div className="admin-table-wrap">
      <table className="admin-table">
        <caption
          className={
            captionHidden ? 'admin-table__caption admin-visually-hidden' : 'admin-table__caption'
          }
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={column.numeric ? 'admin-table__numeric' : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="admin-table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr
                key={rowKey(row)}
                tabIndex={index === current ? 0 : -1}
                className="admin-table__row"
                onFocus={() => setActive(index)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {columns.map((column) => (
                  <td
                    key={column.header}
                    className={column.numeric ? 'admin-table__numeric' : undefined}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
