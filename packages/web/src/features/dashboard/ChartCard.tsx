import { Card, Empty, Flex, Typography } from 'antd';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { ExportButton } from '../../shared/components/ExportButton';
import type { Query } from '../../shared/http';
import type { ChartOption } from './echarts';

/**
 * ECharts (with the wrapper) is its own chunk, fetched by this page only: the cards, the numbers
 * and the tables show at once, each chart's box keeps its height until the chart is drawn.
 */
const EChart = lazy(() => import('./EChart'));

/** A chart's numbers as a table: the same rows the chart draws, as text. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  /** Which columns are numbers (right-aligned). */
  numeric?: number[];
}

export interface ChartCardProps {
  /** `chart-<name>` is the card's test id; `chart-<name>-export`, `-table` follow it. */
  name: string;
  title: ReactNode;
  /** The chart in one sentence (the canvas's accessible name). */
  label: string;
  option: ChartOption;
  height?: number;
  table: ChartTable;
  /** The chart's own 导出 Excel route and filters; no button without one. */
  exportPath?: string;
  exportQuery?: Query;
  extra?: ReactNode;
  /** Controls shown above the chart inside the card (e.g. the funnel's batch on a phone). */
  toolbar?: ReactNode;
  /** A short line above the chart, e.g. its unit. */
  note?: string;
  loading?: boolean;
}

/** The data table of a chart, behind a native disclosure: reachable and opened by keyboard, read as a real table. */
export function DataTableDisclosure({ table, testId }: { table: ChartTable; testId: string }) {
  const id = useId();
  return (
    <details className="dash-data" data-testid={testId}>
      <summary>查看数据表</summary>
      <div className="dash-data-box" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <caption id={id}>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className={table.numeric?.includes(j) ? 'num' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** One chart of the dashboard: its title, 导出 Excel of its data, the chart, and its data table. */
export function ChartCard({
  name,
  title,
  label,
  option,
  height = 320,
  table,
  exportPath,
  exportQuery,
  extra,
  toolbar,
  note,
  loading,
}: ChartCardProps) {
  const empty = table.rows.length === 0;
  return (
    <Card
      title={title}
      loading={loading}
      data-testid={`chart-${name}`}
      styles={{ body: { paddingTop: 12 } }}
      extra={
        <Flex gap={8} wrap>
          {extra}
          {exportPath && <ExportButton path={exportPath} filters={exportQuery} testId={`chart-${name}-export`} />}
        </Flex>
      }
    >
      {toolbar && <div style={{ marginBottom: 8 }}>{toolbar}</div>}
      {empty ? (
        <Empty description="所选期间暂无数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          {note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {note}
            </Typography.Text>
          )}
          <Suspense fallback={<div style={{ height }} aria-busy="true" />}>
            <EChart option={option} label={label} height={height} testId={`chart-${name}-canvas`} />
          </Suspense>
          <DataTableDisclosure table={table} testId={`chart-${name}-table`} />
        </>
      )}
    </Card>
  );
}
