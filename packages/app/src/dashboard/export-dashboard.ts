/**
 * Every chart's data to XLSX (GET /dashboard/export.xlsx): one workbook, a sheet per chart, the
 * same figures the dashboard answers (read fresh, not from the cache), amounts in 万元 with two
 * decimals computed exactly from 分 and in 分 as well. Text cells are neutralised like every
 * export (docs/exports.md).
 */
import type {
  AttentionLists,
  DashboardChart,
  DashboardExportQuery,
  DormantDeal,
  FunnelRow,
  StageDuration,
  StaleListing,
  TargetRow,
  TurnoverGroup,
  TurnoverMonth,
} from '@scenebridge/contract/dashboard';
import { fenToWanYuan } from '@scenebridge/domain/dashboard';
import type { Actor, Services } from '../context.js';
import {
  dataSheet,
  exportFileName,
  exporterName,
  timeCell,
  writeListWorkbook,
  type DataSheet,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { readDashboard } from './get-dashboard.js';
import { periodOf } from './period.js';
import { authorizeDashboard } from './policy.js';

const BASE = '成果看板数据';

async function* once<T>(rows: readonly T[]) {
  yield rows;
}

const wan = (fen: number) => Number(fenToWanYuan(fen));
const percent = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);

const TARGET_COLUMNS: ListColumn<TargetRow>[] = [
  { header: '指标', width: 22, value: (r) => r.label },
  { header: '单位', width: 8, value: (r) => (r.unit === 'fen' ? '万元' : '项') },
  { header: '实际', width: 16, value: (r) => (r.unit === 'fen' ? wan(r.value) : r.value) },
  { header: '年度目标', width: 16, value: (r) => (r.target === null ? null : r.unit === 'fen' ? wan(r.target) : r.target) },
  { header: '完成率', width: 10, value: (r) => percent(r.ratio) },
];
const FUNNEL_COLUMNS: ListColumn<FunnelRow>[] = [
  { header: '阶段', width: 16, value: (r) => r.label },
  { header: '需求条目数', width: 12, value: (r) => r.count },
  { header: '占发布数', width: 10, value: (r) => percent(r.shareOfPublished) },
];
const groupColumns = (title: string): ListColumn<TurnoverGroup>[] => [
  { header: title, width: 30, value: (r) => r.label },
  { header: '代码', width: 16, value: (r) => r.key },
  { header: '合同项数', width: 10, value: (r) => r.count },
  { header: '合同成交额（万元）', width: 18, value: (r) => wan(r.contractAmountFen) },
  { header: '技术交易额（万元）', width: 18, value: (r) => wan(r.technologyAmountFen) },
  { header: '合同成交额（分）', width: 18, value: (r) => r.contractAmountFen },
];
const MONTH_COLUMNS: ListColumn<TurnoverMonth>[] = [
  { header: '月份', width: 10, value: (r) => r.month },
  { header: '合同项数', width: 10, value: (r) => r.count },
  { header: '合同成交额（万元）', width: 18, value: (r) => wan(r.contractAmountFen) },
  { header: '技术交易额（万元）', width: 18, value: (r) => wan(r.technologyAmountFen) },
  { header: '上年同月', width: 10, value: (r) => r.previousMonth },
  { header: '上年同月项数', width: 12, value: (r) => r.previousCount },
  { header: '上年同月成交额（万元）', width: 20, value: (r) => wan(r.previousContractAmountFen) },
];
const DURATION_COLUMNS: ListColumn<StageDuration>[] = [
  { header: '环节', width: 24, value: (r) => r.label },
  { header: '中位用时（天）', width: 14, value: (r) => r.medianDays },
  { header: '统计条目数', width: 12, value: (r) => r.count },
];
const STALE_COLUMNS: ListColumn<StaleListing>[] = [
  { header: '场景需求', width: 36, value: (r) => r.title },
  { header: '发布单位', width: 28, value: (r) => r.organizationName },
  { header: '首次发布', width: 17, value: (r) => timeCell(new Date(r.publishedAt)) },
  { header: '最近意向/对接', width: 17, value: (r) => (r.lastActivityAt ? timeCell(new Date(r.lastActivityAt)) : null) },
  { header: '无进展天数', width: 12, value: (r) => r.idleDays },
  { header: '条目编号', width: 38, value: (r) => r.submissionId },
];
const DORMANT_COLUMNS: ListColumn<DormantDeal>[] = [
  { header: '项目编号', width: 16, value: (r) => r.code },
  { header: '对接项目', width: 36, value: (r) => r.title },
  { header: '阶段', width: 10, value: (r) => r.status },
  { header: '技术经理人', width: 16, value: (r) => r.brokerName },
  { header: '最近活动', width: 17, value: (r) => timeCell(new Date(r.lastActivityAt)) },
  { header: '休眠天数', width: 10, value: (r) => r.idleDays },
];

export async function exportDashboard({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: DashboardExportQuery;
}): Promise<PreparedExport> {
  authorizeDashboard(actor, 'export');
  const period = periodOf(query, services.now());
  const exportedAt = services.now();
  const { chart, ...rest } = query;
  const d = await readDashboard(services, { ...rest, year: undefined, from: period.from, to: period.to });
  const attention: AttentionLists = d.attention;
  const throughputRows = d.throughput.byMonth;
  type Row = (typeof throughputRows)[number];
  // One sheet per chart, named as the dashboard's cards are; `chart` keeps only that one.
  const sheets: Record<DashboardChart, DataSheet<never>> = {
    targets: dataSheet({ name: '目标完成情况', columns: TARGET_COLUMNS, pages: once(d.targets) }),
    funnel: dataSheet({ name: '转化漏斗', columns: FUNNEL_COLUMNS, pages: once(d.funnel.stages) }),
    'turnover-type': dataSheet({ name: '成交额按合同类型', columns: groupColumns('合同类型'), pages: once(d.turnover.byType) }),
    'turnover-field': dataSheet({ name: '成交额按技术领域', columns: groupColumns('技术领域'), pages: once(d.turnover.byField) }),
    'turnover-district': dataSheet({ name: '成交额按地区', columns: groupColumns('卖方所在地区'), pages: once(d.turnover.byDistrict) }),
    'turnover-seller-kind': dataSheet({
      name: '成交额按卖方性质',
      columns: groupColumns('卖方法人性质'),
      pages: once(d.turnover.bySellerKind),
    }),
    'turnover-month': dataSheet({ name: '成交额按月', columns: MONTH_COLUMNS, pages: once(d.turnover.byMonth) }),
    'review-throughput': dataSheet({
      name: '评审吞吐',
      columns: [
        { header: '月份', width: 10, value: (r: Row) => r.month },
        { header: '评审完成', width: 10, value: (r: Row) => r.reviewed },
        { header: '入选', width: 8, value: (r: Row) => r.selected },
        { header: '未入选', width: 8, value: (r: Row) => r.rejected },
        { header: '发布', width: 8, value: (r: Row) => r.published },
      ],
      pages: once(throughputRows),
    }),
    'stage-durations': dataSheet({
      name: '各环节用时',
      columns: DURATION_COLUMNS,
      pages: once([...d.throughput.listingStages, ...d.throughput.dealStages]),
    }),
    'stale-listings': dataSheet({ name: '长期无进展清单', columns: STALE_COLUMNS, pages: once(attention.stale) }),
    'dormant-deals': dataSheet({ name: '休眠对接项目', columns: DORMANT_COLUMNS, pages: once(attention.dormant) }),
  };
  const [first, ...more] = chart ? [sheets[chart]] : Object.values(sheets);
  return {
    fileName: exportFileName(chart ? `${BASE}_${first!.name}` : BASE, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: first!.name,
          columns: first!.columns as ListColumn<unknown>[],
          pages: first!.pages as AsyncIterable<readonly unknown[]>,
          moreSheets: more,
          filters: [
            { label: '统计期间', value: `${d.period.from} 至 ${d.period.to}` },
            ...(d.funnel.batch ? [{ label: '漏斗批次', value: d.funnel.batch.title }] : []),
            { label: '长期无进展', value: `${attention.staleDays} 天` },
          ],
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
