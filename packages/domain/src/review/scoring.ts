import { DomainError } from '../errors.js';
import type { StoredReviewAssignmentState } from '../lifecycles.js';

/** One weighted criterion of a call's review scheme; weights sum to 100 (reviewSchemeSchema). */
export interface Criterion {
  key: string;
  name: string;
  weight: number;
}

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
/** Reviewers whose scores for one item differ by more than this are flagged for the operator. */
export const DEFAULT_SPREAD_THRESHOLD = 20;
/** From this many scores on, the highest and the lowest are dropped before averaging. */
export const TRIM_FROM = 5;

/**
 * Rounds to 2 decimals, half up. `toPrecision(12)` first removes binary noise such as
 * 80.115 * 100 = 8011.499999999999, which would otherwise round down.
 */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

function checkScore(score: unknown, label: string): number {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < SCORE_MIN || score > SCORE_MAX) {
    throw new DomainError('INVALID_SCORE', `${label}的分数须在${SCORE_MIN}到${SCORE_MAX}之间`);
  }
  return score;
}

/** One reviewer's score for one item: Σ weight · score / 100, to 2 decimals. */
export function weightedScore(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  const missing = criteria.filter((c) => !Object.hasOwn(scores, c.key));
  if (missing.length > 0) {
    throw new DomainError('INCOMPLETE_SCORES', `请为以下评审指标打分：${missing.map((c) => c.name).join('、')}`, 400, {
      missing: missing.map((c) => c.key),
    });
  }
  const known = new Set(criteria.map((c) => c.key));
  const unknown = Object.keys(scores).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    // A score for a criterion the scheme does not have means the form and the scheme disagree.
    throw new DomainError('UNKNOWN_CRITERION', `评审指标不存在：${unknown.join('、')}`, 400, { unknown });
  }
  let sum = 0;
  for (const c of criteria) sum += c.weight * checkScore(scores[c.key], c.name);
  return round2(sum / 100);
}

export interface Aggregate {
  /** Mean after trimming, 2 decimals; null without scores. */
  mean: number | null;
  /** Whether the highest and lowest score were dropped (count ≥ 5). */
  trimmed: boolean;
  count: number;
  min: number | null;
  max: number | null;
  /** max − min over all scores, trimmed or not: how far reviewers disagree. */
  spread: number;
}

/** Combines the weighted scores of one item's reviewers. */
export function aggregate(scores: readonly number[]): Aggregate {
  for (const s of scores) checkScore(s, '加权得分');
  const count = scores.length;
  if (count === 0) return { mean: null, trimmed: false, count, min: null, max: null, spread: 0 };
  const sorted = [...scores].sort((a, b) => a - b);
  const trimmed = count >= TRIM_FROM;
  const kept = trimmed ? sorted.slice(1, -1) : sorted;
  const mean = round2(kept.reduce((a, b) => a + b, 0) / kept.length);
  const min = sorted[0]!;
  const max = sorted[count - 1]!;
  return { mean, trimmed, count, min, max, spread: round2(max - min) };
}

export interface RankedItem extends Aggregate {
  id: string;
  /** Standard competition ranking (1, 2, 2, 4); null for items without scores. */
  rank: number | null;
  /** Another item has the same (2-decimal) mean. */
  tied: boolean;
  /** The spread exceeds the threshold. */
  spreadFlag: boolean;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The operator's ranking: by mean descending, ties share a rank and are listed by id; items
 * without scores come last, unranked. Means are compared as rounded, which is what people see.
 */
export function rankItems(
  items: readonly { id: string; scores: readonly number[] }[],
  opts: { spreadThreshold?: number } = {},
): RankedItem[] {
  const threshold = opts.spreadThreshold ?? DEFAULT_SPREAD_THRESHOLD;
  const rows = items.map((item) => ({ id: item.id, ...aggregate(item.scores) }));
  const scored = rows.filter((r) => r.mean !== null).sort((a, b) => b.mean! - a.mean! || byId(a, b));
  const unscored = rows.filter((r) => r.mean === null).sort(byId);
  const counts = new Map<number, number>();
  for (const r of scored) counts.set(r.mean!, (counts.get(r.mean!) ?? 0) + 1);

  const out: RankedItem[] = [];
  scored.forEach((r, pos) => {
    const previous = out[pos - 1];
    const rank = previous && previous.mean === r.mean ? previous.rank : pos + 1;
    out.push({ ...r, rank, tied: counts.get(r.mean!)! > 1, spreadFlag: r.spread > threshold });
  });
  for (const r of unscored) out.push({ ...r, rank: null, tied: false, spreadFlag: false });
  return out;
}

/** What an assignment row can hold; the transitions are `reviewAssignmentMachine`'s. */
export type AssignmentStatus = StoredReviewAssignmentState;

export interface ReviewerProgress {
  /** Items the reviewer is responsible for: assigned or submitted (declared conflicts excluded). */
  assigned: number;
  submitted: number;
  /** Still to score: assigned − submitted. */
  pending: number;
  conflicts: number;
  /** Not yet submitted and past the due time. */
  overdue: number;
}

/** Progress keyed by reviewer id, in order of first appearance. */
export function reviewerProgress(
  assignments: readonly { reviewerId: string; status: AssignmentStatus; dueAt?: Date | null }[],
  now: Date,
): Record<string, ReviewerProgress> {
  const byReviewer = new Map<string, ReviewerProgress>();
  for (const a of assignments) {
    let p = byReviewer.get(a.reviewerId);
    if (!p) {
      p = { assigned: 0, submitted: 0, pending: 0, conflicts: 0, overdue: 0 };
      byReviewer.set(a.reviewerId, p);
    }
    if (a.status === 'conflict_declared') {
      p.conflicts++;
      continue;
    }
    p.assigned++;
    if (a.status === 'submitted') p.submitted++;
    else {
      p.pending++;
      if (a.dueAt && a.dueAt.getTime() < now.getTime()) p.overdue++;
    }
  }
  // A Map first, then an object: ids such as "__proto__" cannot reach the prototype.
  return Object.fromEntries(byReviewer);
}
