/**
 * The outcome dashboard's vocabulary and arithmetic (docs/dashboard.md): the target metrics, the
 * funnel stages, the reporting period (a year or a span of Shanghai dates) and its months, and the
 * exact 分 → 万元 conversion of the statistical report. Pure and browser-safe
 * (`@scenebridge/domain/dashboard`).
 */
import { addCivilDays, civilDaysBetween, isCivilDate, startOfShanghaiDay, type CivilDate } from '../calendar/dates.js';

/** The metrics the operator sets annual targets for; `…_fen` metrics are money in 分, the others counts. */
export const TARGET_METRICS = [
  'contract_turnover_fen',
  'entries_published',
  'challenges_awarded',
  'deals_signed',
  'active_brokers',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  contract_turnover_fen: '技术合同成交额',
  entries_published: '场景清单发布条目',
  challenges_awarded: '揭榜挂帅成功揭榜',
  deals_signed: '对接项目签约',
  active_brokers: '活跃技术经理人',
};

export type TargetUnit = 'fen' | 'count';
export const targetMetricUnit = (metric: TargetMetric): TargetUnit => (metric.endsWith('_fen') ? 'fen' : 'count');
export const isTargetMetric = (value: string): value is TargetMetric => (TARGET_METRICS as readonly string[]).includes(value);

/**
 * The funnel, counted in distinct scenario needs (listings of list type scenario_need): published
 * in the period (or in the batch) → viewed (≥1 public page view) → interest (≥1 interest) → deal
 * intent / meeting / signed (a deal on the need reached that stage) → registered (a current
 * registered contract names the need, directly or through its deal).
 */
export const FUNNEL_STAGES = ['published', 'viewed', 'interest', 'intent', 'meeting', 'signed', 'registered'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  published: '发布',
  viewed: '被浏览',
  interest: '收到意向',
  intent: '达成对接意向',
  meeting: '洽谈会面',
  signed: '签约',
  registered: '合同登记',
};

/** The stages of a listing and of a deal whose median duration the dashboard shows. */
export const LISTING_STAGE_STEPS = [
  { key: 'submitted_reviewed', from: 'submitted', to: 'reviewed', label: '提交 → 进入评审' },
  { key: 'reviewed_selected', from: 'reviewed', to: 'selected', label: '进入评审 → 入选' },
  { key: 'selected_published', from: 'selected', to: 'published', label: '入选 → 发布' },
] as const;
export const DEAL_STAGE_STEPS = [
  { key: 'intent_meeting', from: 'intent', to: 'meeting', label: '对接意向 → 洽谈会面' },
  { key: 'meeting_negotiating', from: 'meeting', to: 'negotiating', label: '洽谈会面 → 谈判' },
  { key: 'negotiating_signed', from: 'negotiating', to: 'signed', label: '谈判 → 签约' },
] as const;

export const DASHBOARD_LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  /** The longest from/to span, in days (about five years). */
  maxPeriodDays: 366 * 5,
  /** Stale listings: published needs with no interest and no deal for this many days (default). */
  defaultStaleDays: 60,
  minStaleDays: 1,
  maxStaleDays: 3650,
  /** Rows of stale listings and dormant deals the dashboard answers (their totals are exact). */
  attentionItems: 50,
} as const;

/** A reporting period: Shanghai dates, both ends included. */
export interface DashboardPeriod {
  from: CivilDate;
  to: CivilDate;
  /** The year when the period is exactly one calendar year. */
  year: number | null;
  /** 00:00 Asia/Shanghai of `from`. */
  startsAt: Date;
  /** 24:00 Asia/Shanghai of `to` (exclusive). */
  endsAt: Date;
}

export type PeriodProblem = { code: 'year_out_of_range' | 'bad_date' | 'from_after_to' | 'too_long' | 'missing'; message: string };

/** The period of a year or of from/to; a problem (for a 400) when it is not a sensible one. */
export function resolvePeriod(input: { year?: number; from?: string; to?: string }): DashboardPeriod | PeriodProblem {
  const { minYear, maxYear, maxPeriodDays } = DASHBOARD_LIMITS;
  if (input.from !== undefined || input.to !== undefined) {
    if (input.from === undefined || input.to === undefined) return { code: 'missing', message: '请同时填写起止日期' };
    if (!isCivilDate(input.from) || !isCivilDate(input.to)) return { code: 'bad_date', message: '日期格式须为 YYYY-MM-DD' };
    const fy = Number(input.from.slice(0, 4));
    const ty = Number(input.to.slice(0, 4));
    if (fy < minYear || ty > maxYear) return { code: 'year_out_of_range', message: `年份须在 ${minYear} 至 ${maxYear} 之间` };
    if (input.from > input.to) return { code: 'from_after_to', message: '开始日期不能晚于结束日期' };
    if (civilDaysBetween(input.from, input.to) + 1 > maxPeriodDays) return { code: 'too_long', message: '统计期间不能超过五年' };
    const whole = input.from.endsWith('-01-01') && input.to === `${input.from.slice(0, 4)}-12-31`;
    return periodOf(input.from, input.to, whole ? fy : null);
  }
  if (input.year === undefined) return { code: 'missing', message: '请选择年份或起止日期' };
  if (!Number.isInteger(input.year) || input.year < minYear || input.year > maxYear)
    return { code: 'year_out_of_range', message: `年份须在 ${minYear} 至 ${maxYear} 之间` };
  return yearPeriod(input.year);
}

export function isPeriodProblem(p: DashboardPeriod | PeriodProblem): p is PeriodProblem {
  return 'code' in p;
}

function periodOf(from: CivilDate, to: CivilDate, year: number | null): DashboardPeriod {
  return { from, to, year, startsAt: startOfShanghaiDay(from), endsAt: startOfShanghaiDay(addCivilDays(to, 1)) };
}

export function yearPeriod(year: number): DashboardPeriod {
  return periodOf(`${year}-01-01`, `${year}-12-31`, year);
}

/** The same dates one year earlier (29 February falls back to the 28th). */
export function previousYearPeriod(p: DashboardPeriod): DashboardPeriod {
  const back = (d: CivilDate) => {
    const candidate = `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
    return isCivilDate(candidate) ? candidate : `${Number(d.slice(0, 4)) - 1}${d.slice(4, 8)}28`;
  };
  return periodOf(back(p.from), back(p.to), p.year === null ? null : p.year - 1);
}

/** The months (YYYY-MM) the period touches, in order. */
export function periodMonths(p: Pick<DashboardPeriod, 'from' | 'to'>): string[] {
  const months: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const endY = Number(p.to.slice(0, 4));
  const endM = Number(p.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The month a year earlier: 2026-03 → 2025-03. */
export const monthYearBefore = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/** The actual as a share of the target (1 = reached), or null without a (positive) target. */
export function targetRatio(value: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.round((value / target) * 10_000) / 10_000;
}

/**
 * 分 → 万元 with two decimals, exactly: 1 万元 = 1,000,000 分, rounded half away from zero on the
 * integer (123,456,789 分 → "123.46"). Computed in BigInt so no float ever touches the amount.
 */
export function fenToWanYuan(fen: number | bigint): string {
  const f = BigInt(fen);
  const negative = f < 0n;
  const abs = negative ? -f : f;
  // hundredths of 万元 = 10,000 分 each
  const hundredths = (abs + 5_000n) / 10_000n;
  const whole = hundredths / 100n;
  const cents = hundredths % 100n;
  return `${negative && hundredths > 0n ? '-' : ''}${whole}.${cents.toString().padStart(2, '0')}`;
}

/** The median of whole or fractional day counts, one decimal; null for none. */
export function medianDays(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}
