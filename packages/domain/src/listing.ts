/** Facet bands and visibility groups shared by search, matching and the portal. */
import type { SubmissionState } from './lifecycles.js';

/** States in which an item is public: it sits in a published batch. */
export const PUBLISHED_STATES: readonly SubmissionState[] = [
  'published',
  'matching',
  'awarded',
  'in_delivery',
  'accepted',
  'benchmark_case',
];
export const isPublishedState = (s: string) => (PUBLISHED_STATES as readonly string[]).includes(s);

/** Budget bands in 万元 (each includes its upper bound), by the upper end of the stated range (the lower end when only it is given). */
export const BUDGET_BANDS = [
  { code: 'upto50', label: '50万元及以下', max: 50 },
  { code: '50to200', label: '50–200万元', max: 200 },
  { code: '200to500', label: '200–500万元', max: 500 },
  { code: '500to1000', label: '500–1000万元', max: 1000 },
  { code: 'over1000', label: '1000万元以上', max: Infinity },
] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number]['code'] | 'unknown';
export const BUDGET_BAND_CODES = [
  'upto50',
  '50to200',
  '200to500',
  '500to1000',
  'over1000',
  'unknown',
] as const satisfies readonly BudgetBand[];

export function budgetBand(min: number | null | undefined, max: number | null | undefined): BudgetBand {
  const v = max ?? min;
  if (v === null || v === undefined) return 'unknown';
  return BUDGET_BANDS.find((b) => v <= b.max)!.code;
}

/** Technology readiness in the three stages these users speak of. */
export const MATURITY_BANDS = [
  { code: 'research', label: '研发阶段（TRL 1–3）', max: 3 },
  { code: 'pilot', label: '中试验证（TRL 4–6）', max: 6 },
  { code: 'deployable', label: '可规模应用（TRL 7–9）', max: 9 },
] as const;
export type MaturityBand = (typeof MATURITY_BANDS)[number]['code'] | 'unknown';
export const MATURITY_BAND_CODES = ['research', 'pilot', 'deployable', 'unknown'] as const satisfies readonly MaturityBand[];

export function maturityBand(trl: number | null | undefined): MaturityBand {
  if (trl === null || trl === undefined) return 'unknown';
  return MATURITY_BANDS.find((b) => trl <= b.max)?.code ?? 'deployable';
}
