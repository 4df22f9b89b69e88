/**
 * Judging a measure's conditions against an organisation's profile, with a Chinese reason per
 * condition (满足：… / 不满足：… / 无法判断：未填写…). Three outcomes, so a half-filled profile is
 * told what to fill in rather than turned away: the measure is not met when any condition is
 * not met, else unknown when any is unknown, else met. Filling a missing field can only settle
 * an unknown condition; it never changes one already met or not met.
 */
import { ORGANIZATION_KIND_LABELS } from '../../glossary.js';
import { shanghaiDay } from '../../eligibility/check.js';
import { isQualificationValidOn, type HeldQualification } from '../../eligibility/qualifications.js';
import { regionCovers } from '../../eligibility/region-match.js';
import { regionFullName } from '../../regions.js';
import { sectorName } from '../../taxonomy.js';
import {
  POLICY_PROFILE_FIELD_LABELS,
  POLICY_QUALIFICATION_LABELS,
  revenueBandLabel,
  type PolicyHeldQualification,
  type PolicyProfile,
  type PolicyProfileField,
} from './profile.js';
import type { PolicyCondition, PolicyConditionKind } from './rules.js';

export type ConditionOutcome = 'met' | 'not_met' | 'unknown';

export interface ConditionCheck {
  kind: PolicyConditionKind;
  outcome: ConditionOutcome;
  reason: string;
  /** For unknown: the profile field to fill in. */
  missingField?: PolicyProfileField;
}

export interface ConditionsResult {
  outcome: ConditionOutcome;
  checks: ConditionCheck[];
}

export interface EvaluateOptions {
  /** Chinese names of qualification codes an operator added. */
  qualificationLabels?: Readonly<Record<string, string>>;
}

const list = (items: readonly string[]) => items.join('、');
const met = (kind: PolicyConditionKind, text: string): ConditionCheck => ({ kind, outcome: 'met', reason: `满足：${text}` });
const notMet = (kind: PolicyConditionKind, text: string): ConditionCheck => ({ kind, outcome: 'not_met', reason: `不满足：${text}` });
const judged = (kind: PolicyConditionKind, ok: boolean, yes: string, no: string) => (ok ? met(kind, yes) : notMet(kind, no));
const missing = (
  kind: PolicyConditionKind,
  field: PolicyProfileField,
  text = `未填写${POLICY_PROFILE_FIELD_LABELS[field]}`,
): ConditionCheck => ({
  kind,
  outcome: 'unknown',
  reason: `无法判断：${text}`,
  missingField: field,
});

/** not_met beats unknown beats met. */
export function combineOutcomes(outcomes: readonly ConditionOutcome[]): ConditionOutcome {
  if (outcomes.includes('not_met')) return 'not_met';
  return outcomes.includes('unknown') ? 'unknown' : 'met';
}

// Eligibility's validity rule reads only validUntil; its parameter type names the challenge codes.
const validOn = (q: PolicyHeldQualification, day: string) => isQualificationValidOn(q as HeldQualification, day);

function qualificationCheck(
  c: Extract<PolicyCondition, { kind: 'qualification' }>,
  p: PolicyProfile,
  day: string,
  opts: EvaluateOptions,
): ConditionCheck {
  const name = (code: string) =>
    POLICY_QUALIFICATION_LABELS[code as keyof typeof POLICY_QUALIFICATION_LABELS] ?? opts.qualificationLabels?.[code] ?? code;
  const held = c.codes.filter((code) => p.qualifications.some((q) => q.code === code && validOn(q, day)));
  const lacking = c.codes
    .filter((code) => !held.includes(code))
    .map((code) => {
      const lapsed = p.qualifications
        .filter((q) => q.code === code && q.validUntil)
        .map((q) => q.validUntil!)
        .sort()
        .at(-1);
      return lapsed ? `${name(code)}认定已于${lapsed}到期` : `未认定${name(code)}`;
    });
  if (c.match === 'any') return judged(c.kind, held.length > 0, `已认定${list(held.map(name))}`, `${list(lacking)}（须具备其中之一）`);
  return judged(c.kind, lacking.length === 0, `已认定${list(held.map(name))}`, list(lacking));
}

function rangeText(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `${min}${unit}至${max}${unit}`;
  return min !== undefined ? `不少于${min}${unit}` : `不超过${max}${unit}`;
}

/** The same calendar day `years` earlier (29 February → 28 February). */
function dayYearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/**
 * Whether the founding day is on or after `limit` ('since') or before it ('before'). The year alone
 * settles it unless the limit falls inside that year; then the day is needed.
 */
function foundedRelation(p: PolicyProfile, limit: string, relation: 'since' | 'before'): boolean | PolicyProfileField {
  const cmp = (first: string, last: string) => {
    if (relation === 'since') return first >= limit ? true : last < limit ? false : undefined;
    return last < limit ? true : first >= limit ? false : undefined;
  };
  if (p.foundedOn) return cmp(p.foundedOn, p.foundedOn)!;
  if (p.foundedYear === undefined) return 'foundedYear';
  return cmp(`${p.foundedYear}-01-01`, `${p.foundedYear}-12-31`) ?? 'foundedOn';
}

const foundedText = (p: PolicyProfile) => (p.foundedOn ? `成立于${p.foundedOn}` : `成立于${p.foundedYear}年`);

function foundedCheck(
  c: Extract<PolicyCondition, { kind: 'founded_within_years' | 'founded_before' }>,
  p: PolicyProfile,
  day: string,
): ConditionCheck {
  const within = c.kind === 'founded_within_years';
  const limit = within ? dayYearsBefore(day, c.years) : c.date;
  const r = foundedRelation(p, limit, within ? 'since' : 'before');
  const rule = within ? `成立不超过${c.years}年（${limit}及以后成立）` : `在${c.date}前成立`;
  if (r === 'foundedOn') return missing(c.kind, r, `仅填写成立年份${p.foundedYear}年，须填写成立日期才能判断是否${rule}`);
  if (typeof r === 'string') return missing(c.kind, r);
  return judged(c.kind, r, `${foundedText(p)}，${rule}`, `${foundedText(p)}，要求${rule}`);
}

function dateWindowCheck(c: Extract<PolicyCondition, { kind: 'date_window' }>, day: string): ConditionCheck {
  const window = c.from && c.to ? `${c.from}至${c.to}` : c.from ? `${c.from}起` : `${c.to}止`;
  if (c.from && day < c.from) return notMet(c.kind, `申报时间为${window}，尚未开始`);
  if (c.to && day > c.to) return notMet(c.kind, `申报时间为${window}，已截止`);
  return met(c.kind, `在申报时间内（${window}）`);
}

function checkOne(c: PolicyCondition, p: PolicyProfile, day: string, opts: EvaluateOptions): ConditionCheck {
  switch (c.kind) {
    case 'organization_kind': {
      const own = ORGANIZATION_KIND_LABELS[p.kind];
      return judged(
        c.kind,
        c.kinds.includes(p.kind),
        `机构类型为${own}`,
        `机构类型为${own}，要求为${list(c.kinds.map((k) => ORGANIZATION_KIND_LABELS[k]))}`,
      );
    }
    case 'region': {
      const own = regionFullName(p.regionCode);
      const ok = c.regionCodes.some((r) => regionCovers(r, p.regionCode));
      return judged(c.kind, ok, `注册地在${own}`, `注册地在${own}，要求在${list(c.regionCodes.map(regionFullName))}`);
    }
    case 'qualification':
      return qualificationCheck(c, p, day, opts);
    case 'employees': {
      if (p.employees === undefined) return missing(c.kind, 'employees');
      const ok = (c.min === undefined || p.employees >= c.min) && (c.max === undefined || p.employees <= c.max);
      const rule = rangeText(c.min, c.max, '人');
      return judged(c.kind, ok, `职工人数${p.employees}人（要求${rule}）`, `职工人数${p.employees}人，要求${rule}`);
    }
    case 'revenue_band': {
      if (p.revenueBand === undefined) return missing(c.kind, 'revenueBand');
      const own = revenueBandLabel(p.revenueBand);
      return judged(
        c.kind,
        c.bands.includes(p.revenueBand),
        `营业收入${own}`,
        `营业收入${own}，要求${list(c.bands.map(revenueBandLabel))}`,
      );
    }
    case 'rd_share': {
      if (p.rdSharePercent === undefined) return missing(c.kind, 'rdSharePercent');
      const ok = p.rdSharePercent >= c.minPercent;
      return judged(
        c.kind,
        ok,
        `研发投入占比${p.rdSharePercent}%（要求不低于${c.minPercent}%）`,
        `研发投入占比${p.rdSharePercent}%，要求不低于${c.minPercent}%`,
      );
    }
    case 'sector': {
      if (!p.sectors?.length) return missing(c.kind, 'sectors');
      const shared = p.sectors.filter((s) => c.sectors.includes(s));
      return judged(
        c.kind,
        shared.length > 0,
        `所属行业含${list(shared.map(sectorName))}`,
        `所属行业为${list(p.sectors.map(sectorName))}，要求为${list(c.sectors.map(sectorName))}`,
      );
    }
    case 'founded_within_years':
    case 'founded_before':
      return foundedCheck(c, p, day);
    case 'not_dishonest':
      if (p.dishonest === undefined) return missing(c.kind, 'dishonest', '尚未核查失信记录');
      return judged(c.kind, !p.dishonest, '无失信记录', '有失信记录');
    case 'date_window':
      return dateWindowCheck(c, day);
  }
}

/** One check per condition, in the conditions' order; days are read in Asia/Shanghai. */
export function evaluateConditions(
  conditions: readonly PolicyCondition[],
  profile: PolicyProfile,
  asOf: Date,
  options: EvaluateOptions = {},
): ConditionsResult {
  const day = shanghaiDay(asOf);
  const checks = conditions.map((c) => checkOne(c, profile, day, options));
  return { outcome: combineOutcomes(checks.map((c) => c.outcome)), checks };
}
