/**
 * 验收 outcome of one delivery round, from every acceptor's verdict (the owner and k experts).
 * A majority of `fail` fails it; otherwise any `fail` or `pass_with_conditions` passes it with
 * conditions (the opinions of those acceptors are the conditions); all `pass` passes it.
 * The mean score is rounded to two decimals.
 */
export const ACCEPTANCE_VERDICTS = ['pass', 'pass_with_conditions', 'fail'] as const;
export type AcceptanceVerdict = (typeof ACCEPTANCE_VERDICTS)[number];

export interface AcceptanceOpinion {
  verdict: AcceptanceVerdict;
  score: number;
  opinion: string;
}

export interface AcceptanceOutcome {
  outcome: 'passed' | 'passed_with_conditions' | 'failed';
  meanScore: number;
  /** For pass_with_conditions and failed: the opinions that ask for something, joined. */
  reason: string | null;
}

export function acceptanceOutcome(opinions: readonly AcceptanceOpinion[]): AcceptanceOutcome {
  if (opinions.length === 0) throw new Error('acceptanceOutcome needs at least one opinion');
  const meanScore = Math.round((opinions.reduce((s, o) => s + o.score, 0) / opinions.length) * 100) / 100;
  const fails = opinions.filter((o) => o.verdict === 'fail');
  const reservations = opinions.filter((o) => o.verdict !== 'pass');
  const reason =
    reservations
      .map((o) => o.opinion.trim())
      .filter(Boolean)
      .join('；') || null;
  if (fails.length * 2 > opinions.length) return { outcome: 'failed', meanScore, reason: reason ?? '验收未通过' };
  if (reservations.length > 0) return { outcome: 'passed_with_conditions', meanScore, reason: reason ?? '有条件通过' };
  return { outcome: 'passed', meanScore, reason: null };
}

/**
 * Each milestone's share of an award in 分: percent of the amount, rounded down, the remainder
 * on the last milestone, so the shares always add up to the amount exactly.
 */
export function milestoneAmounts(amountFen: number, percents: readonly number[]): number[] {
  const shares = percents.map((p) => Math.floor((amountFen * p) / 100));
  const rest = amountFen - shares.reduce((s, x) => s + x, 0);
  if (shares.length > 0) shares[shares.length - 1]! += rest;
  return shares;
}
