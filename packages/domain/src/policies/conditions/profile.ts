/**
 * What the policy hub reads of an organisation to say which measures may apply to it. Unlike
 * challenge eligibility, most of it is optional: a field left out makes a condition on it
 * "无法判断" (unknown) rather than failed, and the answer names the field to fill in.
 */
import { QUALIFICATION_LABELS } from '../../glossary.js';
import { QUALIFICATION_CODES, type HeldQualification } from '../../eligibility/qualifications.js';
import type { OrganizationKind } from '../../roles.js';
import type { SectorCode } from '../../taxonomy.js';

/**
 * Recognitions policies name that challenges do not, kept here so eligibility's list stays the
 * challenges' own. Operators may add more at run time under any other snake_case code (labels
 * passed to the evaluator).
 */
export const POLICY_EXTRA_QUALIFICATION_CODES = ['gazelle', 'unicorn'] as const;
export const POLICY_QUALIFICATION_CODES = [...QUALIFICATION_CODES, ...POLICY_EXTRA_QUALIFICATION_CODES] as const;
export type PolicyQualificationCode = (typeof POLICY_QUALIFICATION_CODES)[number];

export const POLICY_QUALIFICATION_LABELS: Record<PolicyQualificationCode, string> = {
  ...QUALIFICATION_LABELS,
  gazelle: '瞪羚企业',
  unicorn: '独角兽企业',
};

/** A code an operator added: lower-case snake_case, like the built-in ones. */
export const QUALIFICATION_CODE_PATTERN = /^[a-z][a-z0-9_]{1,47}$/;

/** One qualification held, as eligibility's HeldQualification but with any policy code. */
export type PolicyHeldQualification = Omit<HeldQualification, 'code'> & { code: string };

/** Annual revenue (营业收入) bands in 万元, [low, high): the profile asks for a band, not a figure. */
export const REVENUE_BANDS = [
  { code: 'below_3m', label: '300万元以下', lowWan: 0, highWan: 300 },
  { code: '3m_20m', label: '300万—2000万元', lowWan: 300, highWan: 2000 },
  { code: '20m_50m', label: '2000万—5000万元', lowWan: 2000, highWan: 5000 },
  { code: '50m_100m', label: '5000万—1亿元', lowWan: 5000, highWan: 10000 },
  { code: '100m_400m', label: '1亿—4亿元', lowWan: 10000, highWan: 40000 },
  { code: '400m_plus', label: '4亿元以上', lowWan: 40000, highWan: null },
] as const;
export type RevenueBand = (typeof REVENUE_BANDS)[number]['code'];
export const REVENUE_BAND_CODES = REVENUE_BANDS.map((b) => b.code) as [RevenueBand, ...RevenueBand[]];
export const revenueBandLabel = (code: string) => REVENUE_BANDS.find((b) => b.code === code)?.label ?? code;

export interface PolicyProfile {
  kind: OrganizationKind;
  /** GB/T 2260 code of the registered address. */
  regionCode: string;
  /** Everything held; an empty list means none held (not unknown). */
  qualifications: readonly PolicyHeldQualification[];
  /** 职工人数. */
  employees?: number;
  revenueBand?: RevenueBand;
  /** 研发投入占营业收入的比例, in % (3.5 means 3.5%). */
  rdSharePercent?: number;
  /** Left out or empty: not filled in. */
  sectors?: readonly SectorCode[];
  foundedYear?: number;
  /** YYYY-MM-DD; decides age conditions the year alone cannot. */
  foundedOn?: string;
  /** 失信 flag; left out when nobody has checked. */
  dishonest?: boolean;
}

/** The profile fields an unknown condition can point at. */
export const POLICY_PROFILE_FIELD_LABELS = {
  employees: '职工人数',
  revenueBand: '营业收入区间',
  rdSharePercent: '研发投入占比',
  sectors: '所属行业',
  foundedYear: '成立年份',
  foundedOn: '成立日期',
  dishonest: '失信记录核查结果',
} as const;
export type PolicyProfileField = keyof typeof POLICY_PROFILE_FIELD_LABELS;
