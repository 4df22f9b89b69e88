import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../regions.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../roles.js';
import { checkEligibility, isRuleSet, shanghaiDay, yearsBefore, type EligibilityContext, type EligibilityProfile } from './check.js';
import { QUALIFICATION_CODES, type HeldQualification } from './qualifications.js';
import { regionCovers } from './region-match.js';
import { ELIGIBILITY_RULE_NAMES, eligibilityRulesSchema, type EligibilityRuleName, type EligibilityRules } from './rules.js';

const DAY = 86_400_000;
const REGION_CODES = REGIONS.map((r) => r.code);
const asOfArb = fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

const rulesArb: fc.Arbitrary<EligibilityRules> = fc.record(
  {
    organizationKinds: fc.uniqueArray(fc.constantFrom(...ORGANIZATION_KINDS), { maxLength: 4 }),
    regionCodes: fc.uniqueArray(fc.constantFrom(...REGION_CODES), { maxLength: 3 }),
    qualifications: fc.uniqueArray(fc.constantFrom(...QUALIFICATION_CODES), { maxLength: 3 }),
    notWinnerWithinYears: fc.integer({ min: 1, max: 10 }),
    maxOpenApplicationsPerOrganization: fc.integer({ min: 1, max: 20 }),
    excludeDishonest: fc.boolean(),
  },
  { requiredKeys: ['excludeDishonest'] },
);

const qualificationArb = (asOf: Date): fc.Arbitrary<HeldQualification> =>
  fc.record({
    code: fc.constantFrom(...QUALIFICATION_CODES),
    validUntil: fc.option(
      fc.integer({ min: -800, max: 800 }).map((d) => shanghaiDay(new Date(asOf.getTime() + d * DAY))),
      { nil: null },
    ),
  });

const caseArb = asOfArb.chain((asOf) =>
  fc.record({
    rules: rulesArb,
    profile: fc.record({
      kind: fc.constantFrom(...ORGANIZATION_KINDS),
      regionCode: fc.constantFrom(...REGION_CODES, '500000', '500112', '320506', '110108'),
      qualifications: fc.array(qualificationArb(asOf), { maxLength: 6 }),
      dishonest: fc.boolean(),
    }) as fc.Arbitrary<EligibilityProfile>,
    ctx: fc.record({
      asOf: fc.constant(asOf),
      pastAwards: fc.array(
        fc.record({
          ref: fc.constant('challenges'),
          at: fc.integer({ min: -12 * 366, max: 30 }).map((d) => new Date(asOf.getTime() + d * DAY)),
        }),
        { maxLength: 3 },
      ),
      openApplications: fc.integer({ min: 0, max: 25 }),
    }) as fc.Arbitrary<EligibilityContext>,
  }),
);

/** An independent statement of each rule: whether this organisation breaks it. */
function breaks(rule: EligibilityRuleName, r: EligibilityRules, p: EligibilityProfile, c: EligibilityContext): boolean {
  const today = shanghaiDay(c.asOf);
  switch (rule) {
    case 'organizationKinds':
      return !r.organizationKinds!.includes(p.kind);
    case 'regionCodes':
      // Parent-child by the GB/T 2260 digit structure, spelled out.
      return !r.regionCodes!.some((code) =>
        code === p.regionCode
          ? true
          : code.endsWith('0000')
            ? p.regionCode.slice(0, 2) === code.slice(0, 2)
            : code.endsWith('00') && p.regionCode.slice(0, 4) === code.slice(0, 4),
      );
    case 'qualifications':
      return r.qualifications!.some(
        (code) => !p.qualifications.some((q) => q.code === code && (q.validUntil == null || q.validUntil >= today)),
      );
    case 'notWinnerWithinYears':
      return c.pastAwards.some((a) => a.at >= yearsBefore(c.asOf, r.notWinnerWithinYears!));
    case 'maxOpenApplicationsPerOrganization':
      return c.openApplications + 1 > r.maxOpenApplicationsPerOrganization!;
    case 'excludeDishonest':
      return p.dishonest;
  }
}

/** An organisation and context that meet every rule that is set. */
function compliant(r: EligibilityRules, asOf: Date): { profile: EligibilityProfile; ctx: EligibilityContext } {
  const region = r.regionCodes?.[0] ?? '500112';
  return {
    profile: {
      kind: (r.organizationKinds?.[0] ?? 'private_enterprise') as OrganizationKind,
      // A child of the first region when it has one in the table, else the region itself.
      regionCode: REGIONS.find((x) => x.parent === region)?.code ?? region,
      qualifications: (r.qualifications ?? []).map((code, i) => ({
        code,
        validUntil: i % 2 ? null : shanghaiDay(asOf),
      })),
      dishonest: false,
    },
    ctx: {
      asOf,
      pastAwards: r.notWinnerWithinYears
        ? [{ ref: 'challenges', at: new Date(yearsBefore(asOf, r.notWinnerWithinYears).getTime() - DAY) }]
        : [],
      openApplications: r.maxOpenApplicationsPerOrganization ? r.maxOpenApplicationsPerOrganization - 1 : 99,
    },
  };
}

/** The same organisation made to break exactly this rule. */
function breakOne(rule: EligibilityRuleName, r: EligibilityRules, profile: EligibilityProfile, ctx: EligibilityContext) {
  const p = { ...profile, qualifications: [...profile.qualifications] };
  const c = { ...ctx, pastAwards: [...ctx.pastAwards] };
  switch (rule) {
    case 'organizationKinds':
      p.kind = ORGANIZATION_KINDS.find((k) => !r.organizationKinds!.includes(k))!;
      break;
    case 'regionCodes':
      p.regionCode = '999999';
      break;
    case 'qualifications': {
      // The first required one lapsed yesterday.
      const code = r.qualifications![0]!;
      p.qualifications = p.qualifications.filter((q) => q.code !== code);
      p.qualifications.push({ code, validUntil: shanghaiDay(new Date(ctx.asOf.getTime() - DAY)) });
      break;
    }
    case 'notWinnerWithinYears':
      c.pastAwards.push({ ref: 'challenges', at: yearsBefore(ctx.asOf, r.notWinnerWithinYears!) });
      break;
    case 'maxOpenApplicationsPerOrganization':
      c.openApplications = r.maxOpenApplicationsPerOrganization!;
      break;
    case 'excludeDishonest':
      p.dishonest = true;
      break;
  }
  return { p, c };
}

describe('checkEligibility', () => {
  it('refuses exactly when a set rule is broken, and every refusal names that rule', () => {
    fc.assert(
      fc.property(caseArb, ({ rules, profile, ctx }) => {
        const result = checkEligibility(rules, profile, ctx);
        const set = ELIGIBILITY_RULE_NAMES.filter((n) => isRuleSet(rules, n));
        const broken = set.filter((n) => breaks(n, rules, profile, ctx));
        expect(result.checks.map((c) => c.rule)).toEqual(set);
        expect(result.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual(broken);
        expect(result.eligible).toBe(broken.length === 0);
        for (const c of result.checks) expect(c.reason).toMatch(/^要求|^每个机构/);
      }),
      { numRuns: 500 },
    );
  });

  it('finds an organisation meeting every rule eligible', () => {
    fc.assert(
      fc.property(rulesArb, asOfArb, (rules, asOf) => {
        const { profile, ctx } = compliant(rules, asOf);
        const result = checkEligibility(rules, profile, ctx);
        expect(result.eligible).toBe(true);
        expect(result.checks.every((c) => c.passed)).toBe(true);
      }),
    );
  });

  it('refuses an organisation that breaks any one set rule, naming that rule and only it', () => {
    const withRule = rulesArb.chain((rules) => {
      const set = ELIGIBILITY_RULE_NAMES.filter(
        (n) => isRuleSet(rules, n) && !(n === 'organizationKinds' && rules.organizationKinds!.length === ORGANIZATION_KINDS.length),
      );
      return set.length ? fc.tuple(fc.constant(rules), fc.constantFrom(...set)) : fc.constant(null);
    });
    fc.assert(
      fc.property(withRule, asOfArb, (pair, asOf) => {
        if (!pair) return;
        const [rules, rule] = pair;
        const { profile, ctx } = compliant(rules, asOf);
        const { p, c } = breakOne(rule, rules, profile, ctx);
        const result = checkEligibility(rules, p, c);
        expect(result.eligible).toBe(false);
        expect(result.checks.filter((x) => !x.passed).map((x) => x.rule)).toEqual([rule]);
      }),
    );
  });

  it('never refuses on rules that are not set', () => {
    fc.assert(
      fc.property(caseArb, ({ profile, ctx }) => {
        const empty: EligibilityRules = { organizationKinds: [], regionCodes: [], qualifications: [], excludeDishonest: false };
        expect(checkEligibility(empty, profile, ctx)).toEqual({ eligible: true, checks: [] });
        expect(checkEligibility({ excludeDishonest: false }, profile, ctx)).toEqual({ eligible: true, checks: [] });
      }),
    );
  });

  const asOf = new Date('2025-06-30T16:30:00Z'); // 2025-07-01 00:30 in Shanghai
  const org: EligibilityProfile = { kind: 'university', regionCode: '500112', qualifications: [], dishonest: false };
  const ctx: EligibilityContext = { asOf, pastAwards: [], openApplications: 0 };

  it('says in Chinese what was required and what the organisation is', () => {
    const r = checkEligibility({ organizationKinds: ['private_enterprise', 'soe'], excludeDishonest: false }, org, ctx);
    expect(r.checks).toEqual([
      { rule: 'organizationKinds', passed: false, reason: '要求机构类型为：民营企业、国有企业；本机构为：高等院校' },
    ]);
  });

  it('does not count an expired qualification, read on the Shanghai calendar day', () => {
    const rules: EligibilityRules = { qualifications: ['high_tech_enterprise'], excludeDishonest: false };
    const lapsed = { ...org, qualifications: [{ code: 'high_tech_enterprise' as const, validUntil: '2025-06-30' }] };
    const r = checkEligibility(rules, lapsed, ctx);
    expect(r.eligible).toBe(false);
    expect(r.checks[0]!.reason).toContain('高新技术企业（已于2025-06-30到期）');
    // The same certificate still counts on its last day.
    expect(
      checkEligibility(rules, { ...lapsed, qualifications: [{ code: 'high_tech_enterprise', validUntil: '2025-07-01' }] }, ctx).eligible,
    ).toBe(true);
    // One renewed certificate among lapsed ones counts.
    expect(
      checkEligibility(
        rules,
        { ...lapsed, qualifications: [...lapsed.qualifications, { code: 'high_tech_enterprise', validUntil: null }] },
        ctx,
      ).eligible,
    ).toBe(true);
  });

  it('lets a region cover its children but not its siblings or parents', () => {
    expect(regionCovers('500000', '500112')).toBe(true);
    expect(regionCovers('500000', '500000')).toBe(true);
    expect(regionCovers('500112', '500000')).toBe(false);
    expect(regionCovers('500112', '500113')).toBe(false);
    expect(regionCovers('320000', '320506')).toBe(true);
    expect(regionCovers('320500', '320506')).toBe(true);
    expect(regionCovers('320500', '320106')).toBe(false);
    expect(regionCovers('510000', '500112')).toBe(false);
    const r = checkEligibility({ regionCodes: ['500000'], excludeDishonest: false }, org, ctx);
    expect(r.checks[0]).toEqual({ rule: 'regionCodes', passed: true, reason: '要求注册地在：重庆市；本机构注册地为：重庆市渝北区' });
  });

  it('counts awards inside the look-back window only', () => {
    const rules: EligibilityRules = { notWinnerWithinYears: 3, excludeDishonest: false };
    const inside = checkEligibility(rules, org, { ...ctx, pastAwards: [{ ref: 'c1', at: new Date('2022-07-01T00:00:00Z') }] });
    expect(inside.eligible).toBe(false);
    expect(inside.checks[0]!.reason).toBe('要求近3年内未在本专项中获得立项支持；本机构于2022-07-01获得支持（共1项）');
    expect(checkEligibility(rules, org, { ...ctx, pastAwards: [{ ref: 'c1', at: new Date('2022-06-29T00:00:00Z') }] }).eligible).toBe(true);
  });

  it('counts the new application against the per-organisation limit', () => {
    const rules: EligibilityRules = { maxOpenApplicationsPerOrganization: 3, excludeDishonest: true };
    expect(checkEligibility(rules, org, { ...ctx, openApplications: 2 }).eligible).toBe(true);
    const full = checkEligibility(rules, { ...org, dishonest: true }, { ...ctx, openApplications: 3 });
    expect(full.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['maxOpenApplicationsPerOrganization', false],
      ['excludeDishonest', false],
    ]);
    expect(full.checks[1]!.reason).toBe('要求未被列入失信名单；本机构有失信记录');
  });
});

describe('eligibilityRulesSchema', () => {
  it('accepts the rules and refuses unknown codes, duplicates and out-of-range numbers', () => {
    expect(
      eligibilityRulesSchema.parse({
        organizationKinds: ['soe'],
        regionCodes: ['500000'],
        qualifications: ['little_giant'],
        maxOpenApplicationsPerOrganization: 3,
        excludeDishonest: true,
      }),
    ).toMatchObject({ maxOpenApplicationsPerOrganization: 3 });
    for (const bad of [
      { excludeDishonest: 'yes' },
      {},
      { organizationKinds: ['nobody'], excludeDishonest: true },
      { regionCodes: ['999999'], excludeDishonest: true },
      { qualifications: ['tech_sme', 'tech_sme'], excludeDishonest: true },
      { notWinnerWithinYears: 0, excludeDishonest: true },
      { maxOpenApplicationsPerOrganization: 2.5, excludeDishonest: true },
    ]) {
      expect(eligibilityRulesSchema.safeParse(bad).success).toBe(false);
    }
  });
});
