/**
 * The eligibility rules a challenge (揭榜挂帅) sets for who may apply, stored with the challenge
 * and checked by `checkEligibility`. A rule left out (or an empty list, or excludeDishonest
 * false) is not set and never refuses anyone.
 */
import { z } from 'zod';
import type { OrganizationKind } from '../roles.js';
import { ORGANIZATION_KINDS } from '../roles.js';
import { isKnownRegion } from '../regions.js';
import { QUALIFICATION_CODES, type QualificationCode } from './qualifications.js';

export interface EligibilityRules {
  /** The organisation's kind must be one of these. */
  organizationKinds?: OrganizationKind[];
  /** The organisation's region must be one of these or lie within one (500000 covers 500112). */
  regionCodes?: string[];
  /** Every one must be held and valid on the day checked. */
  qualifications?: QualificationCode[];
  /** No award of this programme in the last N years. */
  notWinnerWithinYears?: number;
  /** At most M open applications per organisation across open challenges (MIIT: 3), the new one included. */
  maxOpenApplicationsPerOrganization?: number;
  /** Organisations with a 失信 flag may not apply. */
  excludeDishonest: boolean;
}

/** The rules, in the order their checks are listed. */
export const ELIGIBILITY_RULE_NAMES = [
  'organizationKinds',
  'regionCodes',
  'qualifications',
  'notWinnerWithinYears',
  'maxOpenApplicationsPerOrganization',
  'excludeDishonest',
] as const satisfies ReadonlyArray<keyof EligibilityRules>;
export type EligibilityRuleName = (typeof ELIGIBILITY_RULE_NAMES)[number];

/** Limits on the numeric rules: a look-back of up to 10 years, up to 20 open applications. */
export const ELIGIBILITY_LIMITS = { notWinnerWithinYears: [1, 10], maxOpenApplicationsPerOrganization: [1, 20] } as const;

const distinct = <T>(list: T[]) => new Set(list).size === list.length;

/** The rules as a request body or a stored column carries them. */
export const eligibilityRulesSchema = z.object({
  organizationKinds: z
    .array(z.enum(ORGANIZATION_KINDS, { message: '机构类型不正确' }))
    .max(ORGANIZATION_KINDS.length)
    .refine(distinct, '机构类型不能重复')
    .optional(),
  regionCodes: z
    .array(z.string().trim().refine(isKnownRegion, '行政区划代码不在GB/T 2260目录中'))
    .max(50, '地区最多50个')
    .refine(distinct, '地区不能重复')
    .optional(),
  qualifications: z
    .array(z.enum(QUALIFICATION_CODES, { message: '资质类型不正确' }))
    .max(QUALIFICATION_CODES.length)
    .refine(distinct, '资质不能重复')
    .optional(),
  notWinnerWithinYears: z
    .number()
    .int('年限须为整数')
    .min(ELIGIBILITY_LIMITS.notWinnerWithinYears[0], '年限至少为1年')
    .max(ELIGIBILITY_LIMITS.notWinnerWithinYears[1], '年限最多为10年')
    .optional(),
  maxOpenApplicationsPerOrganization: z
    .number()
    .int('项数须为整数')
    .min(ELIGIBILITY_LIMITS.maxOpenApplicationsPerOrganization[0], '项数至少为1')
    .max(ELIGIBILITY_LIMITS.maxOpenApplicationsPerOrganization[1], '项数最多为20')
    .optional(),
  excludeDishonest: z.boolean({ message: '请说明是否排除失信主体' }),
}) satisfies z.ZodType<EligibilityRules>;
