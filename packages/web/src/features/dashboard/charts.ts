/**
 * The dashboard's charts as pure builders: from a part of the GET /dashboard answer to the
 * ECharts option and the data table that says the same in text. Amounts are plotted in 亿元 or
 * 万元 (whichever fits the largest value) but the tooltip and the table show the exact
 * `formatFen` text of the 分 each point carries, never a float printed back.
 */
import type { FunnelChart, StageDuration, ThroughputChart, TurnoverChart, TurnoverGroup } from '@scenebridge/contract/dashboard';
import type { ChartTable } from './ChartCard';
import type { ChartOption } from './echarts';
import { amountUnit, formatCount, formatFen, formatInUnit, formatWan, inUnit } from './money';

export interface BuiltChart {
  option: ChartOption;
  table: ChartTable;
  /** The chart's accessible name: what it shows, in one sentence. */
  label: string;
  height: number;
  /** A line above the chart (its unit). */
  note?: string;
}

/** A plotted point that remembers what it stands for, so the tooltip can say it exactly. */
interface Point {
  value: number;
  /** The exact text of the value (an amount in 分 formatted, a count, days), for the tooltip. */
  text: string;
  /** A shorter text in the chart's own unit, for a label on the bar. */
  short?: string;
  name?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface TooltipParam {
  name: string;
  seriesName?: string;
  marker?: unknown;
  data: unknown;
  percent?: number;
}
const textOf = (data: unknown): string =>
  data && typeof data === 'object' && 'text' in data
    ? String((data as Point).text)
    : data === null || data === undefined
      ? '—'
      : String(data);

const shortOf = (data: unknown): string =>
  data && typeof data === 'object' && 'short' in data ? String((data as Point).short) : textOf(data);

/** Axis tooltips: the category, then each series with its exact text. */
function axisTooltip(params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
  if (list.length === 0) return '';
  const head = `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(list[0]!.name)}</div>`;
  const rows = list.map(
    (p) => `<div>${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}：${escapeHtml(textOf(p.data))}</div>`,
  );
  return head + rows.join('');
}

/** Item tooltips (pie, funnel): the name, the exact text and the share. */
function itemTooltip(params: unknown): string {
  const p = params as TooltipParam;
  const share = typeof p.percent === 'number' ? `（${p.percent}%）` : '';
  return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.name)}：${escapeHtml(textOf(p.data))}${share}`;
}

const percentText = (ratio: number | null) => (ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`);

/** Shared look: legends below the plot (wrapping onto more lines on a phone, never paged), no animation on a phone. */
function base(phone: boolean): ChartOption {
  return {
    animation: !phone,
    textStyle: { fontFamily: 'inherit' },
    legend: { bottom: 0, type: 'plain', itemGap: phone ? 8 : 16, itemWidth: phone ? 18 : 25, textStyle: { fontSize: phone ? 11 : 12 } },
  };
}

function grid(phone: boolean, legend: boolean) {
  return {
    left: 4,
    right: phone ? 16 : 24,
    top: 24,
    bottom: legend ? 36 : 8,
    outerBoundsMode: 'same' as const,
    outerBoundsContain: 'axisLabel' as const,
  };
}

/** Ranked horizontal bars: largest on top, long names cut with an ellipsis (the table has them whole). */
export function rankedBars(
  groups: readonly TurnoverGroup[],
  opts: { phone: boolean; caption: string; category: string; limit?: number },
): BuiltChart {
  const rows = [...groups].sort((a, b) => b.contractAmountFen - a.contractAmountFen || a.label.localeCompare(b.label, 'zh-CN'));
  const shown = rows.slice(0, opts.limit ?? 15);
  const unit = amountUnit(shown[0]?.contractAmountFen ?? 0);
  const option: ChartOption = {
    ...base(opts.phone),
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip, confine: true },
    grid: { ...grid(opts.phone, false), right: opts.phone ? 56 : 72, top: 8 },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true, fontSize: 11 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((g) => g.label),
      axisLabel: { width: opts.phone ? 80 : 150, overflow: 'truncate', fontSize: opts.phone ? 11 : 12 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: '合同成交额',
        barMaxWidth: 22,
        data: shown.map((g) => ({
          value: inUnit(g.contractAmountFen, unit),
          text: `${formatFen(g.contractAmountFen)}（${formatCount(g.count)} 份）`,
          short: formatInUnit(g.contractAmountFen, unit),
        })),
        label: { show: true, position: 'right', fontSize: opts.phone ? 10 : 11, formatter: (p: { data: unknown }) => shortOf(p.data) },
      },
    ],
  };
  const more = rows.length > shown.length ? `，图中显示前 ${shown.length} 项，数据表列出全部 ${rows.length} 项` : '';
  return {
    option,
    note: `单位：${unit.name}`,
    height: Math.max(180, shown.length * (opts.phone ? 30 : 32) + 40),
    label: `${opts.caption}：按合同成交额从高到低排列的条形图${more}`,
    table: {
      caption: `${opts.caption}（当前有效的已登记合同）`,
      columns: [opts.category, '合同数', '合同成交额（万元）', '技术交易额（万元）'],
      numeric: [1, 2, 3],
      rows: rows.map((g) => [g.label, formatCount(g.count), formatWan(g.contractAmountFen), formatWan(g.technologyAmountFen)]),
    },
  };
}

/** 合同成交额 by contract type: a pie (legend below) or ranked bars. */
export function turnoverByType(groups: readonly TurnoverGroup[], opts: { phone: boolean; kind: 'pie' | 'bar' }): BuiltChart {
  const caption = '技术合同成交额 · 按合同类型';
  if (opts.kind === 'bar') return rankedBars(groups, { phone: opts.phone, caption, category: '合同类型' });
  const bars = rankedBars(groups, { phone: opts.phone, caption, category: '合同类型' });
  const rows = [...groups].filter((g) => g.contractAmountFen > 0).sort((a, b) => b.contractAmountFen - a.contractAmountFen);
  const unit = amountUnit(rows[0]?.contractAmountFen ?? 0);
  const option: ChartOption = {
    ...base(opts.phone),
    tooltip: { trigger: 'item', formatter: itemTooltip, confine: true },
    series: [
      {
        type: 'pie',
        name: '合同成交额',
        radius: opts.phone ? ['26%', '50%'] : ['35%', '65%'],
        center: ['50%', opts.phone ? '40%' : '45%'],
        avoidLabelOverlap: true,
        label: opts.phone ? { show: false } : { formatter: '{b}\n{d}%', fontSize: 12 },
        labelLine: { show: !opts.phone },
        data: rows.map((g) => ({ name: g.label, value: inUnit(g.contractAmountFen, unit), text: formatFen(g.contractAmountFen) })),
      },
    ],
  };
  return {
    option,
    height: opts.phone ? 320 : 340,
    label: `${caption}：各合同类型所占份额的环形图`,
    table: bars.table,
  };
}

/** 合同成交额 by month against the same month a year earlier: two series. */
export function turnoverByMonth(turnover: TurnoverChart, opts: { phone: boolean }): BuiltChart {
  const months = turnover.byMonth;
  const max = Math.max(0, ...months.map((m) => Math.max(m.contractAmountFen, m.previousContractAmountFen)));
  const unit = amountUnit(max);
  const sameYear = months.length > 0 && months.every((m) => m.month.slice(0, 4) === months[0]!.month.slice(0, 4));
  const axisName = (m: string) => (sameYear ? `${Number(m.slice(5))}月` : `${m.slice(2, 4)}/${m.slice(5)}`);
  const option: ChartOption = {
    ...base(opts.phone),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip, confine: true },
    grid: grid(opts.phone, true),
    xAxis: {
      type: 'category',
      data: months.map((m) => axisName(m.month)),
      axisLabel: { hideOverlap: true, fontSize: opts.phone ? 10 : 12 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', name: unit.name, axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        name: '本期',
        barMaxWidth: 18,
        data: months.map((m) => ({ value: inUnit(m.contractAmountFen, unit), text: `${formatFen(m.contractAmountFen)}（${m.count} 份）` })),
      },
      {
        type: 'bar',
        name: '上年同期',
        barMaxWidth: 18,
        itemStyle: { color: '#bfbfbf' },
        data: months.map((m) => ({
          value: inUnit(m.previousContractAmountFen, unit),
          text: `${formatFen(m.previousContractAmountFen)}（${m.previousCount} 份）`,
        })),
      },
    ],
  };
  return {
    option,
    height: opts.phone ? 280 : 320,
    label: '技术合同成交额按月与上年同期对比的柱状图，两个系列：本期与上年同期',
    table: {
      caption: '技术合同成交额 · 按月（与上年同期对比）',
      columns: ['月份', '本期合同数', '本期合同成交额（万元）', '上年同月', '上年同期合同数', '上年同期合同成交额（万元）'],
      numeric: [1, 2, 4, 5],
      rows: months.map((m) => [
        m.month,
        formatCount(m.count),
        formatWan(m.contractAmountFen),
        m.previousMonth,
        formatCount(m.previousCount),
        formatWan(m.previousContractAmountFen),
      ]),
    },
  };
}

/** The funnel, in its stage order (never re-sorted): count and share of the published. */
export function funnel(data: FunnelChart, opts: { phone: boolean }): BuiltChart {
  const stages = data.stages;
  const option: ChartOption = {
    ...base(opts.phone),
    legend: { show: false },
    tooltip: { trigger: 'item', formatter: itemTooltip, confine: true },
    series: [
      {
        type: 'funnel',
        name: '对接漏斗',
        sort: 'none',
        left: opts.phone ? 4 : '8%',
        width: opts.phone ? '52%' : '55%',
        top: 8,
        bottom: 8,
        minSize: '6%',
        gap: 2,
        label: {
          position: 'right',
          fontSize: opts.phone ? 11 : 12,
          formatter: (p: { name: string; data: unknown }) => `${p.name} ${textOf(p.data)}`,
        },
        labelLine: { show: true, length: opts.phone ? 6 : 12 },
        data: stages.map((s) => ({
          name: s.label,
          value: s.count,
          text: opts.phone ? formatCount(s.count) : `${formatCount(s.count)}（${percentText(s.shareOfPublished)}）`,
        })),
      },
    ],
  };
  const what = data.batch
    ? `第${data.batch.number}批「${data.batch.title}」`
    : `${data.period.from} 至 ${data.period.to} 首次发布的场景需求`;
  return {
    option,
    height: opts.phone ? 300 : 340,
    label: `对接漏斗：${what}，从发布到合同登记共 ${stages.length} 个阶段的条目数`,
    table: {
      caption: `对接漏斗 · ${what}`,
      columns: ['阶段', '条目数', '占发布条目比例'],
      numeric: [1, 2],
      rows: stages.map((s) => [s.label, formatCount(s.count), percentText(s.shareOfPublished)]),
    },
  };
}

/** Review decisions per month (selected and not, stacked) with publications as a line. */
export function reviewThroughput(data: ThroughputChart, opts: { phone: boolean }): BuiltChart {
  const months = data.byMonth;
  const count = (n: number) => ({ value: n, text: formatCount(n) });
  const option: ChartOption = {
    ...base(opts.phone),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip, confine: true },
    grid: grid(opts.phone, true),
    xAxis: {
      type: 'category',
      data: months.map((m) => `${m.month.slice(2, 4)}/${m.month.slice(5)}`),
      axisLabel: { hideOverlap: true, fontSize: opts.phone ? 10 : 12 },
    },
    yAxis: { type: 'value', name: '条', minInterval: 1, axisLabel: { fontSize: 11 } },
    series: [
      { type: 'bar', name: '评审入选', stack: 'reviewed', barMaxWidth: 18, data: months.map((m) => count(m.selected)) },
      { type: 'bar', name: '评审未入选', stack: 'reviewed', barMaxWidth: 18, data: months.map((m) => count(m.rejected)) },
      { type: 'line', name: '发布', symbolSize: 6, data: months.map((m) => count(m.published)) },
    ],
  };
  return {
    option,
    height: opts.phone ? 280 : 320,
    label: '评审吞吐：每月评审结论数（入选与未入选堆叠）及发布条目数折线',
    table: {
      caption: '评审吞吐 · 按月',
      columns: ['月份', '评审结论', '入选', '未入选', '发布'],
      numeric: [1, 2, 3, 4],
      rows: months.map((m) => [
        m.month,
        formatCount(m.reviewed),
        formatCount(m.selected),
        formatCount(m.rejected),
        formatCount(m.published),
      ]),
    },
  };
}

/** Median days of each listing and deal stage, as horizontal bars; a stage nobody went through shows “—”. */
export function stageDurations(data: ThroughputChart, opts: { phone: boolean }): BuiltChart {
  const rows: (StageDuration & { group: string })[] = [
    ...data.listingStages.map((s) => ({ ...s, group: '清单条目' })),
    ...data.dealStages.map((s) => ({ ...s, group: '对接项目' })),
  ];
  const days = (s: StageDuration) => (s.medianDays === null ? '—' : `${s.medianDays} 天（${s.count} 项）`);
  const option: ChartOption = {
    ...base(opts.phone),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip, confine: true },
    grid: grid(opts.phone, true),
    xAxis: { type: 'value', name: '天', axisLabel: { fontSize: 11 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((s) => s.label),
      axisLabel: { width: opts.phone ? 96 : 160, overflow: 'truncate', fontSize: opts.phone ? 11 : 12 },
      axisTick: { show: false },
    },
    series: (['清单条目', '对接项目'] as const).map((group) => ({
      type: 'bar' as const,
      name: `${group}（中位天数）`,
      stack: 'days',
      barMaxWidth: 20,
      data: rows.map((s) =>
        s.group === group ? { value: s.medianDays ?? 0, text: days(s), short: s.medianDays === null ? '—' : `${s.medianDays} 天` } : null,
      ),
      label: {
        show: !opts.phone,
        position: 'right' as const,
        fontSize: 11,
        formatter: (p: { data: unknown }) => (p.data ? shortOf(p.data) : ''),
      },
    })),
  };
  return {
    option,
    height: Math.max(220, rows.length * 34 + 64),
    label: '各环节耗时：清单条目与对接项目每个环节的中位天数条形图',
    table: {
      caption: '各环节耗时（中位天数）',
      columns: ['环节', '类别', '中位天数', '样本数'],
      numeric: [2, 3],
      rows: rows.map((s) => [s.label, s.group, s.medianDays === null ? '—' : String(s.medianDays), formatCount(s.count)]),
    },
  };
}
