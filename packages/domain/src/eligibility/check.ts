/**
 * The eligibility screening of an organisation against a challenge's rules: pure, so the web can
 * show the same answer the server gives and property tests can hold it to its promise — every
 * rule that is set yields one check with a Chinese reason, a rule that is not set yields none,
 * and the organisation is eligible exactly when every check passed.
 */
import { ORGANIZATION_KIND_LABELS, QUALIFICATION_LABELS } from '../glossary.js';
import { regionFullName } from '../regions.js';
import type { OrganizationKind } from '../roles.js';
import { PLATFORM_TIME_ZONE } from '../time.js';
import { isQualificationValidOn, type HeldQualification } from './qualifications.js';
import { regionCovers } from './region-match.js';
import type { EligibilityRuleName, EligibilityRules } from './rules.js';

/** What the screening reads of the organisation. */
export interface EligibilityProfile {
  kind: OrganizationKind;
  regionCode: string;
  qualifications: readonly HeldQualification[];
  /** Whether the organisation carries a 失信 flag (set by the operator from an official list). */
  dishonest: boolean;
}

export interface PastAward {
  /** The programme or challenge the award came from. */
  ref: string;
  at: Date;
}

export interface EligibilityContext {
  /** The moment screened; dates (validity, look-back) are read in Asia/Shanghai. */
  asOf: Date;
  /** The organisation's awards in the programme concerned. */
  pastAwards: readonly PastAward[];
  /** The organisation's applications now open across challenges, not counting the one screened. */
  openApplications: number;
}

export interface EligibilityCheck {
  rule: EligibilityRuleName;
  passed: boolean;
  reason: string;
}

export interface EligibilityResult {
  eligible: boolean;
  checks: EligibilityCheck[];
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** YYYY-MM-DD of the moment in Asia/Shanghai. */
export const shanghaiDay = (at: Date): string => dayFormat.format(at);

/** The start of the look-back window: the same calendar day N years earlier (29 February → 28 February). */
export function yearsBefore(at: Date, years: number): Date {
  const d = new Date(at.getTime());
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return d;
}

const list = (items: readonly string[]) => items.join('、');
const kindLabel = (k: string) => ORGANIZATION_KIND_LABELS[k as OrganizationKind] ?? k;
const qualificationLabel = (c: string) => QUALIFICATION_LABELS[c as keyof typeof QUALIFICATION_LABELS] ?? c;

/** Whether a rule is set: a list with entries, a number, or excludeDishonest true. */
export function isRuleSet(rules: EligibilityRules, rule: EligibilityRuleName): boolean {
  const v = rules[rule];
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return true;
  return v === true;
}

export function checkEligibility(rules: EligibilityRules, org: EligibilityProfile, ctx: EligibilityContext): EligibilityResult {
  const checks: EligibilityCheck[] = [];
  const today = shanghaiDay(ctx.asOf);

  if (rules.organizationKinds?.length) {
    const passed = rules.organizationKinds.includes(org.kind);
    checks.push({
      rule: 'organizationKinds',
      passed,
      reason: `要求机构类型为：${list(rules.organizationKinds.map(kindLabel))}；本机构为：${kindLabel(org.kind)}`,
    });
  }
  if (rules.regionCodes?.length) {
    const passed = rules.regionCodes.some((r) => regionCovers(r, org.regionCode));
    checks.push({
      rule: 'regionCodes',
      passed,
      reason: `要求注册地在：${list(rules.regionCodes.map(regionFullName))}；本机构注册地为：${regionFullName(org.regionCode)}`,
    });
  }
  if (rules.qualifications?.length) {
    const missing: string[] = [];
    for (const code of rules.qualifications) {
      const held = org.qualifications.filter((q) => q.code === code);
      if (held.some((q) => isQualificationValidOn(q, today))) continue;
      const lapsed = held.map((q) => q.validUntil).filter((d): d is string => !!d);
      missing.push(lapsed.length ? `${qualificationLabel(code)}（已于${lapsed.sort().at(-1)}到期）` : qualificationLabel(code));
    }
    checks.push({
      rule: 'qualifications',
      passed: missing.length === 0,
      reason: `要求具备资质：${list(rules.qualifications.map(qualificationLabel))}；${missing.length ? `本机构缺少：${list(missing)}` : '本机构均具备且在有效期内'}`,
    });
  }
  if (rules.notWinnerWithinYears !== undefined) {
    const n = rules.notWinnerWithinYears;
    const since = yearsBefore(ctx.asOf, n);
    const recent = ctx.pastAwards.filter((a) => a.at.getTime() >= since.getTime()).sort((a, b) => b.at.getTime() - a.at.getTime());
    checks.push({
      rule: 'notWinnerWithinYears',
      passed: recent.length === 0,
      reason: recent.length
        ? `要求近${n}年内未在本专项中获得立项支持；本机构于${shanghaiDay(recent[0]!.at)}获得支持（共${recent.length}项）`
        : `要求近${n}年内未在本专项中获得立项支持；本机构近${n}年内无获支持记录`,
    });
  }
  if (rules.maxOpenApplicationsPerOrganization !== undefined) {
    const m = rules.maxOpenApplicationsPerOrganization;
    const passed = ctx.openApplications < m;
    checks.push({
      rule: 'maxOpenApplicationsPerOrganization',
      passed,
      reason: `每个机构同时在审的申报不超过${m}项（含本次）；本机构已有${ctx.openApplications}项${passed ? '' : '，已达上限'}`,
    });
  }
  if (rules.excludeDishonest) {
    checks.push({
      rule: 'excludeDishonest',
      passed: !org.dishonest,
      reason: org.dishonest ? '要求未被列入失信名单；本机构有失信记录' : '要求未被列入失信名单；本机构无失信记录',
    });
  }
  return { eligible: checks.every((c) => c.passed), checks };
}
