import type { ReactNode } from 'react';
import { TableWrap } from './table-wrap.js';

/** A column heading; `hidden` ones are read by screen readers only (a column of row actions). */
export type Column = string | { header: string; hidden: true };

/**
 * The app's list tables, written once: the scrolling box named `label`, a caption for screen
 * readers, a heading per column, and `children` as the body's rows (each page renders its own rows).
 */
export function DataTable({ label, caption, className, columns, children }: { label: string; caption?: string; className?: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <TableWrap label={label}>
      <table className={className}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.header} scope="col">
                  <span className="visually-hidden">{column.header}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}
