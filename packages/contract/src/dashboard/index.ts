/**
 * The outcome dashboard (成果看板, docs/dashboard.md): annual targets against actuals, the funnel
 * from a published need to a registered contract, 技术合同成交额 by type / field / district /
 * seller kind / month, review throughput and stage durations, stale listings and dormant deals.
 * Amounts are integers in 分 (`…Fen`); dates YYYY-MM-DD (Asia/Shanghai); instants ISO.
 *
 * Routes (all under /api/v1):
 * - GET  /dashboard?year= | ?from=&to=  [&batchId=&staleDays=]  → dashboard (everything at once)
 * - GET  /dashboard/funnel?year=|from=&to= [&batchId=]           → funnelChart
 * - GET  /dashboard/targets?year=                                → annualTargets
 * - PUT  /dashboard/targets?year=  body targetsInput             → annualTargets (operator; audited)
 * - GET  /dashboard/export.xlsx?year=|from=&to= [&batchId=]      → one workbook, a sheet per chart
 * - GET  /dashboard/report.xlsx?year=|from=&to=                  → 技术合同登记统计表 (type × region, 万元)
 * Readers: operator, registrar and broker (anyone else 403). Writers of targets: operator.
 */
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';
import { DASHBOARD_LIMITS, FUNNEL_STAGES, TARGET_METRICS } from '@scenebridge/domain/dashboard';

export {
  DASHBOARD_LIMITS,
  DEAL_STAGE_STEPS,
  FUNNEL_STAGES,
  FUNNEL_STAGE_LABELS,
  LISTING_STAGE_STEPS,
  TARGET_METRICS,
  TARGET_METRIC_LABELS,
  fenToWanYuan,
  monthYearBefore,
  periodMonths,
  targetMetricUnit,
  type FunnelStage,
  type TargetMetric,
  type TargetUnit,
} from '@scenebridge/domain/dashboard';

const civilDate = z.string().describe('YYYY-MM-DD, a day in Asia/Shanghai');
const month = z.string().describe('YYYY-MM');
const fen = z.number().int().describe('分');

// ---- request shapes (the routes validate with these; the web may use them for its forms) ----

const yearParam = z.coerce
  .number()
  .int('年份须为整数')
  .min(DASHBOARD_LIMITS.minYear, `年份须在 ${DASHBOARD_LIMITS.minYear} 至 ${DASHBOARD_LIMITS.maxYear} 之间`)
  .max(DASHBOARD_LIMITS.maxYear, `年份须在 ${DASHBOARD_LIMITS.minYear} 至 ${DASHBOARD_LIMITS.maxYear} 之间`);
const dateParam = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');

/** ?year= or ?from=&to= (both dates included); with neither, the current Shanghai year. */
export const dashboardPeriodQuery = z.object({
  year: yearParam.optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
});
export type DashboardPeriodQuery = z.infer<typeof dashboardPeriodQuery>;

/** The charts whose data can be exported on their own (GET /dashboard/export.xlsx?chart=…). */
export const DASHBOARD_CHARTS = [
  'targets',
  'funnel',
  'turnover-type',
  'turnover-field',
  'turnover-district',
  'turnover-seller-kind',
  'turnover-month',
  'review-throughput',
  'stage-durations',
  'stale-listings',
  'dormant-deals',
] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

export const dashboardQuery = dashboardPeriodQuery.extend({
  /** The funnel of one published batch (of scenario needs) instead of the period's publications. */
  batchId: z.uuid('批次编号无效').optional(),
  /** Stale listings: no interest and no deal for this many days (default 60). */
  staleDays: z.coerce
    .number()
    .int()
    .min(DASHBOARD_LIMITS.minStaleDays, `天数须在 ${DASHBOARD_LIMITS.minStaleDays} 至 ${DASHBOARD_LIMITS.maxStaleDays} 之间`)
    .max(DASHBOARD_LIMITS.maxStaleDays, `天数须在 ${DASHBOARD_LIMITS.minStaleDays} 至 ${DASHBOARD_LIMITS.maxStaleDays} 之间`)
    .optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The export takes one chart's data (its own workbook) or, without `chart`, every chart's. */
export const dashboardExportQuery = dashboardQuery.extend({
  chart: z.enum(DASHBOARD_CHARTS, { error: '未知的图表' }).optional(),
});
export type DashboardExportQuery = z.infer<typeof dashboardExportQuery>;

export const targetsQuery = z.object({ year: yearParam });
export type TargetsQuery = z.infer<typeof targetsQuery>;

/**
 * PUT /dashboard/targets?year= — the year's targets, metric by metric; null (or a metric left
 * out) clears that metric's target. Money in 分, counts as counts; never negative.
 */
export const targetsInput = z.object({
  targets: z.partialRecord(
    z.enum(TARGET_METRICS),
    z.number().int('目标须为整数').min(0, '目标不能为负数').max(Number.MAX_SAFE_INTEGER, '目标过大').nullable(),
  ),
  reason: z.string().trim().max(500, '说明不能超过500个字').optional(),
});
export type TargetsInput = z.infer<typeof targetsInput>;

// ---- answers ----

export const dashboardPeriod = z.object({
  from: civilDate,
  to: civilDate,
  /** Set when the period is exactly one calendar year. */
  year: z.number().int().nullable(),
});
export type DashboardPeriodDto = z.infer<typeof dashboardPeriod>;

export const targetRow = z.object({
  metric: z.enum(TARGET_METRICS),
  label: z.string(),
  unit: z.enum(['fen', 'count']),
  /** The actual over the period (分 for money). */
  value: z.number().int(),
  /** The target of the period's year; null when none is set or the period spans several years. */
  target: z.number().int().nullable(),
  /** value / target (1 = reached, 4 decimals); null without a positive target. */
  ratio: z.number().nullable(),
});
export type TargetRow = z.infer<typeof targetRow>;

/** GET/PUT /dashboard/targets?year= */
export const annualTargets = z.object({
  year: z.number().int(),
  items: z.array(
    targetRow.extend({
      setAt: isoDateTime.nullable(),
      setByName: z.string().nullable(),
    }),
  ),
});
export type AnnualTargets = z.infer<typeof annualTargets>;

export const funnelRow = z.object({
  stage: z.enum(FUNNEL_STAGES),
  label: z.string(),
  /** Distinct scenario needs that reached this stage. */
  count: z.number().int(),
  /** count / published (4 decimals); null when nothing was published. */
  shareOfPublished: z.number().nullable(),
});
export type FunnelRow = z.infer<typeof funnelRow>;

export const batchOption = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  publishedAt: isoDateTime,
  entryCount: z.number().int(),
});
export type BatchOption = z.infer<typeof batchOption>;

/** GET /dashboard/funnel */
export const funnelChart = z.object({
  period: dashboardPeriod,
  /** The batch the funnel is of; null: the needs first published in the period. */
  batch: batchOption.nullable(),
  stages: z.array(funnelRow),
  /** Published batches of scenario needs, newest first (the batch selector), at most 100. */
  batches: z.array(batchOption),
});
export type FunnelChart = z.infer<typeof funnelChart>;

/** One bar of a turnover breakdown: 合同成交额 and 技术交易额 (分) of current registered contracts. */
export const turnoverGroup = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  contractAmountFen: fen,
  technologyAmountFen: fen,
});
export type TurnoverGroup = z.infer<typeof turnoverGroup>;

export const turnoverMonth = z.object({
  month,
  count: z.number().int(),
  contractAmountFen: fen,
  technologyAmountFen: fen,
  /** The same month a year earlier. */
  previousMonth: month,
  previousCount: z.number().int(),
  previousContractAmountFen: fen,
});
export type TurnoverMonth = z.infer<typeof turnoverMonth>;

export const turnoverChart = z.object({
  total: z.object({ count: z.number().int(), contractAmountFen: fen, technologyAmountFen: fen }),
  /** The same dates a year earlier. */
  previousTotal: z.object({ count: z.number().int(), contractAmountFen: fen, technologyAmountFen: fen }),
  byType: z.array(turnoverGroup),
  byField: z.array(turnoverGroup),
  /** Seller's region (GB/T 2260, 区县 level as registered), largest 合同成交额 first. */
  byDistrict: z.array(turnoverGroup),
  /** Seller's legal-entity nature code. */
  bySellerKind: z.array(turnoverGroup),
  byMonth: z.array(turnoverMonth),
});
export type TurnoverChart = z.infer<typeof turnoverChart>;

export const throughputMonth = z.object({
  month,
  /** Review decisions taken in the month (selected + rejected). */
  reviewed: z.number().int(),
  selected: z.number().int(),
  rejected: z.number().int(),
  /** Items published in the month. */
  published: z.number().int(),
});
export const stageDuration = z.object({
  key: z.string(),
  label: z.string(),
  /** Median of the days between the two stages, one decimal; null when no item went through both. */
  medianDays: z.number().nullable(),
  /** Items (or deals) measured. */
  count: z.number().int(),
});
export type StageDuration = z.infer<typeof stageDuration>;

export const throughputChart = z.object({
  byMonth: z.array(throughputMonth),
  /** Listings that reached the later stage in the period: submitted → in review → selected → published. */
  listingStages: z.array(stageDuration),
  /** Deals that reached the later stage in the period: intent → meeting → negotiating → signed. */
  dealStages: z.array(stageDuration),
});
export type ThroughputChart = z.infer<typeof throughputChart>;

export const staleListing = z.object({
  submissionId: z.uuid(),
  title: z.string(),
  organizationName: z.string(),
  status: z.string(),
  /** First publication. */
  publishedAt: isoDateTime,
  /** The last interest or deal change on it, if any (older than the threshold). */
  lastActivityAt: isoDateTime.nullable(),
  idleDays: z.number().int(),
});
export type StaleListing = z.infer<typeof staleListing>;

export const dormantDeal = z.object({
  dealId: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  brokerUserId: z.uuid().nullable(),
  brokerName: z.string().nullable(),
  lastActivityAt: isoDateTime,
  dormantSince: isoDateTime.nullable(),
  idleDays: z.number().int(),
});
export type DormantDeal = z.infer<typeof dormantDeal>;

/** Now, not over the period: what needs a follow-up today. */
export const attentionLists = z.object({
  staleDays: z.number().int(),
  staleTotal: z.number().int(),
  stale: z.array(staleListing),
  dormantTotal: z.number().int(),
  dormant: z.array(dormantDeal),
});
export type AttentionLists = z.infer<typeof attentionLists>;

/** GET /dashboard */
export const dashboard = z.object({
  period: dashboardPeriod,
  previousPeriod: dashboardPeriod,
  generatedAt: isoDateTime,
  /** The answer may be up to this many seconds old (a short cache; docs/dashboard.md). */
  maxStaleSeconds: z.number().int(),
  targets: z.array(targetRow),
  funnel: funnelChart,
  turnover: turnoverChart,
  throughput: throughputChart,
  attention: attentionLists,
});
export type Dashboard = z.infer<typeof dashboard>;
