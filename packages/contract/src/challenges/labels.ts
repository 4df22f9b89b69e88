/**
 * Chinese words of 揭榜挂帅 challenges, and the money helpers the web and the portal share
 * (zod-free, so the web loads it). Money is an integer of 分 everywhere; 万元 is only how it is
 * typed and shown, converted on the digits of the text, never through a float.
 */
import type { ChallengeState } from '@scenebridge/domain/lifecycles';
export type { ChallengeState };
import { ORGANIZATION_KIND_LABELS, QUALIFICATION_LABELS } from '@scenebridge/domain/glossary';

export const CHALLENGE_STATE_LABELS: Record<ChallengeState, string> = {
  draft: '草稿',
  pending_review: '待审核',
  open: '揭榜中',
  closed: '已截止',
  under_review: '评审中',
  publicity: '公示中',
  awarded: '已确定揭榜方',
  in_milestones: '实施中',
  completed: '已完成',
  terminated: '已终止',
};

export const CHALLENGE_ACTION_LABELS: Record<string, string> = {
  submit_for_review: '提交审核',
  approve: '审核通过并发榜',
  return: '退回修改',
  revise: '修改后重新审核',
  close: '截止申报',
  start_review: '开始评审',
  start_publicity: '进入公示',
  reopen_review: '撤回公示重新评审',
  award: '确定揭榜方',
  start_milestones: '开始实施',
  complete: '完成',
  terminate: '终止',
};

export const CHALLENGE_MODE_LABELS = { single: '单一揭榜方', horse_race: '赛马制' } as const;

/** The steps the detail page shows, in order (terminated is shown apart). */
export const CHALLENGE_STEPS = [
  'draft',
  'pending_review',
  'open',
  'closed',
  'under_review',
  'publicity',
  'awarded',
  'in_milestones',
  'completed',
] as const;

/** Field names, for the change summary of an edited open challenge. */
export const CHALLENGE_FIELD_LABELS: Record<string, string> = {
  title: '榜单名称',
  problem: '问题描述',
  sourceNeedId: '来源需求',
  indicators: '考核指标',
  rewardFen: '榜单金额',
  milestones: '里程碑与支付',
  deliveryPeriod: '实施周期',
  mode: '揭榜方式',
  applicationDeadline: '申报截止时间',
  reviewScheme: '评审办法',
  eligibility: '申报条件',
};

const FEN_PER_WAN = 1_000_000;
const FEN_PER_CENTI_WAN = 10_000;
/** What a reward field accepts: 万元 with at most 2 decimals (100元). */
export const WAN_PATTERN = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/;

/** "500.25" (万元) → 500250000 (分), or null if the text is not such a number. Exact: integer arithmetic only. */
export function parseWanToFen(text: string): number | null {
  const m = WAN_PATTERN.exec(text);
  if (!m) return null;
  return Number(m[1]) * FEN_PER_WAN + Number((m[2] ?? '').padEnd(2, '0')) * FEN_PER_CENTI_WAN;
}

/** 500250000 → "500.25" (万元): at least two decimals, more only if the amount has them. */
export function fenToWanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_WAN);
  let frac = String(abs % FEN_PER_WAN).padStart(6, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${sign}${whole.toLocaleString('en-US')}.${frac}`;
}

export const formatReward = (fen: number) => `${fenToWanText(fen)}万元`;

/** The eligibility rules as the shape stored with each challenge (domain eligibilityRulesSchema). */
export interface EligibilityRulesView {
  organizationKinds?: readonly string[];
  regionCodes?: readonly string[];
  qualifications?: readonly string[];
  notWinnerWithinYears?: number;
  maxOpenApplicationsPerOrganization?: number;
  excludeDishonest?: boolean;
}

/** One line per rule, in Chinese, for the detail page and the portal. */
export function eligibilitySummary(rules: EligibilityRulesView, regionName: (code: string) => string = (c) => c): string[] {
  const lines: string[] = [];
  const kinds = rules.organizationKinds ?? [];
  lines.push(
    kinds.length
      ? `单位类型：${kinds.map((k) => ORGANIZATION_KIND_LABELS[k as keyof typeof ORGANIZATION_KIND_LABELS] ?? k).join('、')}`
      : '单位类型：不限',
  );
  const regions = rules.regionCodes ?? [];
  lines.push(regions.length ? `所在地区：${regions.map(regionName).join('、')}` : '所在地区：不限');
  if (rules.qualifications?.length)
    lines.push(
      `资质要求：${rules.qualifications.map((q) => QUALIFICATION_LABELS[q as keyof typeof QUALIFICATION_LABELS] ?? q).join('、')}`,
    );
  if (rules.notWinnerWithinYears) lines.push(`近${rules.notWinnerWithinYears}年内未在本计划中揭榜`);
  lines.push(`每单位同时申报不超过${rules.maxOpenApplicationsPerOrganization ?? 3}个榜单`);
  lines.push('无失信记录');
  return lines;
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** "距截止还有 N 天" at the moment given (server-rendered: no script counts down). */
export function deadlineCountdown(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return '已截止';
  if (left >= DAY_MS) return `距截止还有 ${Math.floor(left / DAY_MS)} 天`;
  if (left >= HOUR_MS) return `距截止还有 ${Math.floor(left / HOUR_MS)} 小时`;
  return '距截止不足 1 小时';
}

/** The delivery period in words. */
export function deliveryPeriodText(p: { kind: 'months'; months: number } | { kind: 'dates'; start: string; end: string }): string {
  return p.kind === 'months' ? `${p.months}个月` : `${p.start} 至 ${p.end}`;
}

export function modeText(m: { kind: 'single' } | { kind: 'horse_race'; maxTeams: number }): string {
  return m.kind === 'horse_race' ? `${CHALLENGE_MODE_LABELS.horse_race}（最多${m.maxTeams}个团队并行）` : CHALLENGE_MODE_LABELS.single;
}
