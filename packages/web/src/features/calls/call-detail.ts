/**
 * What the call detail page (征集详情) derives from the API's answers, kept pure so it is tested
 * without a browser: the stages of the call's lifecycle (contract `calls/lifecycle`) with their
 * dates, and the operator's review progress from the call's ranking.
 */
import type { CallState } from '@scenebridge/contract/calls/lifecycle';
import type { Ranking } from '@scenebridge/contract/review';
import { reviewCounts, type ReviewCounts } from '../review/review-counts';

export type StageStatus = 'finish' | 'process' | 'wait' | 'error';

export interface CallStage {
  key: 'prepare' | 'open' | 'closed' | 'reviewing' | 'results_published' | 'cancelled';
  title: string;
  status: StageStatus;
  /** Dates and notes under the title, already in words. */
  lines: string[];
}

export interface StageCall {
  status: CallState;
  opensAt: string;
  /** The planned deadline, as announced. */
  closesAt: string;
  /** When it actually closed; earlier than closesAt when the operator closed it early. */
  closedAt: string | null;
  statusReason: string | null;
}

/** The order of a call that runs its course; draft and scheduled are both "before it opens". */
const ORDER: CallState[] = ['scheduled', 'open', 'closed', 'reviewing', 'results_published'];
const positionOf = (s: CallState) => (s === 'draft' ? 0 : ORDER.indexOf(s));

/** Closed before its planned deadline (by an operator): the actual close is worth saying. */
export const closedEarly = (c: Pick<StageCall, 'closesAt' | 'closedAt'>) => !!c.closedAt && Date.parse(c.closedAt) < Date.parse(c.closesAt);

export function callStages(call: StageCall, fmt: (iso: string) => string): CallStage[] {
  const prepare: CallStage = {
    key: 'prepare',
    title: '征集准备',
    status: 'finish',
    lines: call.status === 'draft' ? ['草稿，尚未对外公布'] : call.status === 'scheduled' ? [`已公布，计划 ${fmt(call.opensAt)} 开放`] : [],
  };
  if (call.status === 'cancelled') {
    return [
      { ...prepare, lines: [] },
      { key: 'cancelled', title: '已取消', status: 'error', lines: call.statusReason ? [`原因：${call.statusReason}`] : [] },
    ];
  }
  const at = positionOf(call.status);
  const statusOf = (i: number): StageStatus => (i < at ? 'finish' : i === at ? 'process' : 'wait');
  const opened = at >= 1;
  const closed = at >= 2;
  const closeLines = [`${closed ? '' : '计划'}截止：${fmt(call.closesAt)}`];
  if (closed && closedEarly(call)) closeLines.push(`已于 ${fmt(call.closedAt!)} 提前截止`);
  return [
    { ...prepare, status: statusOf(0) },
    { key: 'open', title: '开放征集', status: statusOf(1), lines: [`${opened ? '' : '计划'}开始：${fmt(call.opensAt)}`] },
    { key: 'closed', title: '征集截止', status: statusOf(2), lines: closeLines },
    { key: 'reviewing', title: '评审遴选', status: statusOf(3), lines: [] },
    // The last stage is done once reached: nothing follows it.
    { key: 'results_published', title: '结果发布', status: at === 4 ? 'finish' : statusOf(4), lines: [] },
  ];
}

/** The stage the call is in (in process, or the cancellation), else the last one reached: antd's `current`. */
export function currentStage(stages: readonly CallStage[]): number {
  const at = stages.findIndex((s) => s.status === 'process' || s.status === 'error');
  if (at >= 0) return at;
  const done = stages.map((s) => s.status).lastIndexOf('finish');
  return Math.max(done, 0);
}

export interface ReviewProgress extends ReviewCounts {
  /** Items in the ranking (everything that entered review). */
  items: number;
  /** Items with a rank, i.e. at least one submitted score. */
  ranked: number;
  /** Assignments scored and submitted, of all active ones (declared conflicts left out). */
  scored: number;
  assignments: number;
  overdue: number;
  reviewers: number;
}

export function reviewProgress(ranking: Pick<Ranking, 'items' | 'reviewers' | 'call'>): ReviewProgress {
  const sum = (f: (r: Ranking['reviewers'][number]) => number) => ranking.reviewers.reduce((a, r) => a + f(r), 0);
  return {
    ...reviewCounts(ranking.items, ranking.call.reviewScheme.reviewersPerItem),
    items: ranking.items.length,
    ranked: ranking.items.filter((i) => i.rank != null).length,
    scored: sum((r) => r.submitted),
    assignments: sum((r) => r.assigned),
    overdue: sum((r) => r.overdue),
    reviewers: ranking.reviewers.filter((r) => r.assigned > 0).length,
  };
}
