import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  /** The value sorted on; a column without one cannot be sorted. */
  sort?(row: T): string | number | null | undefined;
  /** Figures: right-aligned. */
  num?: boolean;
  className?: string;
  /** A class of one row's cell, e.g. `bad` for a figure below nothing. */
  cellClass?(row: T): string | undefined;
}

/** Rows drawn at once above this many: only those in view (plus a margin) are in the page. */
const VIRTUAL_FROM = 200;
const ROW_HEIGHT = 41;
const VISIBLE_ROWS = 16;

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en-GB', { numeric: true });
}

/**
 * Up and Down move between rows, to the first link or button of the next one; not from a field
 * in a row (a date, a number or a choice), where the keys change its value.
 */
function moveBetweenRows(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  if ((e.target as HTMLElement).matches('input:not([type="checkbox"]):not([type="radio"]), select, textarea')) return;
  const row = (e.target as HTMLElement).closest('tr');
  const next = e.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
  const target = next?.querySelector<HTMLElement>('a, button, input, select');
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/**
 * A table of records: its columns, sorting by a column's header, an empty state, moving between
 * rows with the arrow keys, and — on long lists — only the rows in view drawn (issue 19: a page
 * stays small however many rows there are).
 */
export function DataTable<T>(props: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey(row: T): string | number;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  caption?: ReactNode;
  label?: string;
  className?: string;
  rowClassName?(row: T): string | undefined;
  /** Rows after the body's rows (totals). */
  footer?: ReactNode;
}) {
  const [sort, setSort] = useState<{ column: number; descending: boolean }>();
  const scroller = useRef<HTMLDivElement>(null);
  const by = sort && props.columns[sort.column]?.sort;
  const rows = by ? [...props.rows].sort((a, b) => compare(by(a), by(b)) * (sort.descending ? -1 : 1)) : props.rows;
  const virtual = rows.length > VIRTUAL_FROM;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  if (props.rows.length === 0 && props.empty !== undefined) return <>{props.empty}</>;

  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual ? items.map((i) => ({ row: rows[i.index], index: i.index })) : rows.map((row, index) => ({ row, index }));
  const padTop = virtual && items.length ? items[0].start : 0;
  const padBottom = virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const width = props.columns.length;

  const table = (
    <table className={props.className} aria-label={props.label} aria-rowcount={virtual ? rows.length + 1 : undefined}>
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((c, i) => {
            const cls = [c.num && 'num', c.className].filter(Boolean).join(' ') || undefined;
            if (!c.sort) {
              return (
                <th key={i} scope="col" className={cls}>
                  {c.header}
                </th>
              );
            }
            const active = sort?.column === i;
            return (
              <th key={i} scope="col" className={cls} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button
                  type="button"
                  className="sort"
                  onClick={() => setSort(active && !sort.descending ? { column: i, descending: true } : active ? undefined : { column: i, descending: false })}
                >
                  {c.header}
                  <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody onKeyDown={moveBetweenRows}>
        {padTop > 0 && (
          <tr aria-hidden="true">
            <td colSpan={width} style={{ height: padTop, padding: 0, border: 0 }} />
          </tr>
        )}
        {shown.map(({ row, index }) => (
          <tr key={props.rowKey(row)} className={props.rowClassName?.(row)} aria-rowindex={virtual ? index + 2 : undefined}>
            {props.columns.map((c, i) => (
              <td key={i} className={[c.num && 'num', c.className, c.cellClass?.(row)].filter(Boolean).join(' ') || undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {padBottom > 0 && (
          <tr aria-hidden="true">
            <td colSpan={width} style={{ height: padBottom, padding: 0, border: 0 }} />
          </tr>
        )}
      </tbody>
      {props.footer && <tfoot>{props.footer}</tfoot>}
    </table>
  );
  return virtual ? (
    <div ref={scroller} className="table-scroll" style={{ maxHeight: ROW_HEIGHT * VISIBLE_ROWS }}>
      {table}
    </div>
  ) : (
    table
  );
}
