import { SwapOutlined } from '@ant-design/icons';
import { Table, Typography, type TableProps } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { pickPageState } from '../pageState';
import { useIsPhone } from '../responsive';
import { PageState } from './PageState';

export interface DataTableProps<T> extends Omit<TableProps<T>, 'locale'> {
  /** The load error of the rows: shown instead of the empty state, never with it. */
  error?: unknown;
  onRetry?: () => void;
  /** Why this user cannot use the list now: then only that is shown, no table. */
  blocked?: string | null;
  /** The empty state, shown inside the table once it loaded without rows. */
  empty?: ReactNode;
}

/** Whether the table's scrolling box is wider inside than on screen, kept up to date on resize. */
function useOverflows(box: React.RefObject<HTMLDivElement | null>, deps: unknown[]): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const scroller = el.querySelector<HTMLElement>('.ant-table-content, .ant-table-body');
      const overflows = !!scroller && scroller.scrollWidth > scroller.clientWidth + 1;
      // A box that scrolls must be reachable by keyboard (arrow keys scroll it once focused),
      // even when it holds no link or button of its own, e.g. an empty table (WCAG 2.1.1).
      if (scroller && overflows) {
        scroller.tabIndex = 0;
        scroller.setAttribute('role', 'region');
        scroller.setAttribute('aria-label', '表格，可左右滚动');
      } else if (scroller) {
        scroller.removeAttribute('tabindex');
        scroller.removeAttribute('role');
        scroller.removeAttribute('aria-label');
      }
      setWide(overflows);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-measured when the rows change
  }, deps);
  return wide;
}

/**
 * Every list page's table. One state message at a time (blocked, load error, empty: see
 * pageState.ts). On a phone the table keeps its columns and scrolls sideways inside its own box,
 * with a visible hint above it when it is wider than the screen; the page itself never scrolls
 * sideways, and pagination is the compact kind.
 */
export function DataTable<T extends object>({ error, onRetry, blocked, empty, scroll, pagination, size, ...rest }: DataTableProps<T>) {
  const phone = useIsPhone();
  const box = useRef<HTMLDivElement>(null);
  const rows = rest.dataSource?.length ?? 0;
  const state = pickPageState({ blocked, error, count: rows });
  const wide = useOverflows(box, [rows, phone, state]);
  if (state === 'blocked' || (state === 'error' && rows === 0)) return <PageState blocked={blocked} error={error} onRetry={onRetry} />;
  return (
    <div ref={box} style={{ minWidth: 0 }}>
      {state === 'error' && <PageState error={error} onRetry={onRetry} />}
      {phone && wide && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }} data-testid="table-scroll-hint">
          <SwapOutlined /> 表格较宽，可左右滑动查看其余列
        </Typography.Text>
      )}
      <Table<T>
        {...rest}
        size={phone ? 'small' : size}
        scroll={phone ? { ...scroll, x: scroll?.x ?? 'max-content' } : scroll}
        pagination={phone && pagination ? { ...pagination, size: 'small', showSizeChanger: false } : pagination}
        locale={{ emptyText: state === 'error' ? ' ' : empty }}
      />
    </div>
  );
}
