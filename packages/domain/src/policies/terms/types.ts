/**
 * A quantitative term of a policy measure (政策条款中的量化条件), normalised as the policy
 * hub stores, highlights and computes with it: money in 万元, shares in %, dates ISO.
 * The types follow the national reading of policy texts: a cap is an upper limit, the plain type
 * is a target, a fact, a fixed value or a lower bound.
 */
export const POLICY_TERM_TYPES = [
  'ratio_cap',
  'amount_cap',
  'amount',
  'ratio',
  'count_cap',
  'count',
  'time_limit',
  'period',
  'target_year',
  'date',
  'age_limit',
] as const;
export type PolicyTermType = (typeof POLICY_TERM_TYPES)[number];

export interface PolicyTerm {
  type: PolicyTermType;
  /** A number in digits; for `date`, an ISO date (YYYY-MM-DD, YYYY-MM or --MM-DD). */
  value: number | string;
  /** 万元, %, 年, 月, 日, 工作日, 周岁, date, or a count's measure word as written (家, 项, 片/月 …). */
  unit: string;
  /** What the number is about, or `tier:LOW-HIGH` (万元) for one tier of a tiered rule. */
  qualifier?: string;
  /** Where it is stated: [start, end) in UTF-16 code units of the text it was extracted from. */
  span: { start: number; end: number };
}
