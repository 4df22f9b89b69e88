import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../regions.js';
import { ORGANIZATION_KINDS } from '../../roles.js';
import { SECTOR_CODES } from '../../taxonomy.js';
import { combineOutcomes, evaluateConditions, type ConditionOutcome } from './evaluate.js';
import { POLICY_QUALIFICATION_CODES, REVENUE_BAND_CODES, type PolicyProfile, type PolicyProfileField } from './profile.js';
import { policyConditionSchema, policyConditionsSchema, type PolicyCondition } from './rules.js';

const asOf = new Date('2026-03-15T02:00:00Z'); // 2026-03-15 in Shanghai
const parse = (c: unknown[]) => policyConditionsSchema.parse(c);

const yubeiFirm: PolicyProfile = { kind: 'private_enterprise', regionCode: '500112', qualifications: [] };

describe('evaluateConditions: reasons', () => {
  it('says per condition what is met, not met, and what to fill in', () => {
    const rules = parse([
      { kind: 'region', regionCodes: ['500112'] },
      { kind: 'qualification', codes: ['high_tech_enterprise'] },
      { kind: 'rd_share', minPercent: 3 },
    ]);
    const r = evaluateConditions(rules, yubeiFirm, asOf);
    expect(r.checks.map((c) => c.reason)).toEqual([
      '满足：注册地在重庆市渝北区',
      '不满足：未认定高新技术企业',
      '无法判断：未填写研发投入占比',
    ]);
    expect(r.checks[2]!.missingField).toBe('rdSharePercent');
    expect(r.outcome).toBe('not_met');
  });

  it('a city-wide region covers its districts; a lapsed qualification is named with its date', () => {
    const p: PolicyProfile = {
      ...yubeiFirm,
      qualifications: [{ code: 'high_tech_enterprise', validUntil: '2026-03-14' }, { code: 'gazelle' }],
    };
    const r = evaluateConditions(
      parse([
        { kind: 'region', regionCodes: ['500000'] },
        { kind: 'qualification', codes: ['high_tech_enterprise', 'gazelle'] },
      ]),
      p,
      asOf,
    );
    expect(r.checks.map((c) => c.outcome)).toEqual(['met', 'not_met']);
    expect(r.checks[1]!.reason).toBe('不满足：高新技术企业认定已于2026-03-14到期');
  });

  it('any-of qualifications: one valid one is enough; operator-added codes use the labels given', () => {
    const rules = parse([{ kind: 'qualification', codes: ['unicorn', 'x_demo_factory'], match: 'any' }]);
    const p: PolicyProfile = { ...yubeiFirm, qualifications: [{ code: 'x_demo_factory', validUntil: '2026-03-15' }] };
    const r = evaluateConditions(rules, p, asOf, { qualificationLabels: { x_demo_factory: '智能工厂' } });
    expect(r.checks[0]).toEqual({ kind: 'qualification', outcome: 'met', reason: '满足：已认定智能工厂' });
    expect(evaluateConditions(rules, yubeiFirm, asOf).checks[0]!.reason).toBe(
      '不满足：未认定独角兽企业、未认定x_demo_factory（须具备其中之一）',
    );
  });

  it('inclusive bounds on employees and R&D share', () => {
    const rules = parse([
      { kind: 'employees', max: 300 },
      { kind: 'rd_share', minPercent: 3 },
    ]);
    expect(evaluateConditions(rules, { ...yubeiFirm, employees: 300, rdSharePercent: 3 }, asOf).outcome).toBe('met');
    const r = evaluateConditions(rules, { ...yubeiFirm, employees: 301, rdSharePercent: 2.9 }, asOf);
    expect(r.checks.map((c) => c.reason)).toEqual(['不满足：职工人数301人，要求不超过300人', '不满足：研发投入占比2.9%，要求不低于3%']);
  });

  it('founded within N years: the year settles it unless the limit day falls in that year', () => {
    const rules = parse([{ kind: 'founded_within_years', years: 5 }]); // limit 2021-03-15
    const outcome = (p: Partial<PolicyProfile>) => evaluateConditions(rules, { ...yubeiFirm, ...p }, asOf).checks[0]!;
    expect(outcome({ foundedYear: 2022 }).outcome).toBe('met');
    expect(outcome({ foundedYear: 2020 }).outcome).toBe('not_met');
    expect(outcome({ foundedYear: 2021 })).toMatchObject({ outcome: 'unknown', missingField: 'foundedOn' });
    expect(outcome({ foundedYear: 2021, foundedOn: '2021-03-15' }).outcome).toBe('met');
    expect(outcome({ foundedYear: 2021, foundedOn: '2021-03-14' }).outcome).toBe('not_met');
    expect(outcome({})).toMatchObject({ outcome: 'unknown', reason: '无法判断：未填写成立年份', missingField: 'foundedYear' });
  });

  it('founded before a day, the 失信 flag, sectors and revenue bands', () => {
    const rules = parse([
      { kind: 'founded_before', date: '2024-01-01' },
      { kind: 'not_dishonest' },
      { kind: 'sector', sectors: ['manufacturing'] },
      { kind: 'revenue_band', bands: ['20m_50m', '50m_100m'] },
    ]);
    const good: PolicyProfile = {
      ...yubeiFirm,
      foundedYear: 2023,
      dishonest: false,
      sectors: ['manufacturing', 'logistics'],
      revenueBand: '20m_50m',
    };
    expect(evaluateConditions(rules, good, asOf).checks.map((c) => c.outcome)).toEqual(['met', 'met', 'met', 'met']);
    const bad = evaluateConditions(
      rules,
      { ...good, foundedYear: 2024, dishonest: true, sectors: ['finance'], revenueBand: 'below_3m' },
      asOf,
    );
    expect(bad.checks.map((c) => c.reason)).toEqual([
      '不满足：成立于2024年，要求在2024-01-01前成立',
      '不满足：有失信记录',
      '不满足：所属行业为金融，要求为制造',
      '不满足：营业收入300万元以下，要求2000万—5000万元、5000万—1亿元',
    ]);
    const blank = evaluateConditions(rules, { ...yubeiFirm, sectors: [] }, asOf);
    expect(blank.checks.map((c) => c.missingField)).toEqual(['foundedYear', 'dishonest', 'sectors', 'revenueBand']);
    expect(blank.outcome).toBe('unknown');
  });

  it('a date window is read on the Shanghai day, both ends included', () => {
    const rules = parse([{ kind: 'date_window', from: '2026-03-01', to: '2026-03-15' }]);
    expect(evaluateConditions(rules, yubeiFirm, new Date('2026-03-15T15:59:59Z')).outcome).toBe('met');
    expect(evaluateConditions(rules, yubeiFirm, new Date('2026-03-15T16:00:00Z')).checks[0]!.reason).toBe(
      '不满足：申报时间为2026-03-01至2026-03-15，已截止',
    );
    expect(evaluateConditions(rules, yubeiFirm, new Date('2026-02-28T15:59:59Z')).outcome).toBe('not_met');
  });

  it('the schema refuses empty lists, unknown codes and inverted bounds', () => {
    expect(policyConditionSchema.safeParse({ kind: 'region', regionCodes: [] }).success).toBe(false);
    expect(policyConditionSchema.safeParse({ kind: 'region', regionCodes: ['999999'] }).success).toBe(false);
    expect(policyConditionSchema.safeParse({ kind: 'employees', min: 10, max: 5 }).success).toBe(false);
    expect(policyConditionSchema.safeParse({ kind: 'employees' }).success).toBe(false);
    expect(policyConditionSchema.safeParse({ kind: 'date_window', from: '2026-05-01', to: '2026-04-01' }).success).toBe(false);
    expect(policyConditionSchema.safeParse({ kind: 'qualification', codes: ['高新'] }).success).toBe(false);
  });
});

// ---- properties ----

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const REGION_CODES = REGIONS.map((r) => r.code);

const conditionArb: fc.Arbitrary<PolicyCondition> = fc.oneof(
  fc.record({
    kind: fc.constant('organization_kind' as const),
    kinds: fc.uniqueArray(fc.constantFrom(...ORGANIZATION_KINDS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('region' as const),
    regionCodes: fc.uniqueArray(fc.constantFrom(...REGION_CODES), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('qualification' as const),
    codes: fc.uniqueArray(fc.constantFrom(...POLICY_QUALIFICATION_CODES), { minLength: 1, maxLength: 3 }),
    match: fc.constantFrom('all' as const, 'any' as const),
  }),
  fc.record({ kind: fc.constant('employees' as const), min: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ kind: fc.constant('employees' as const), max: fc.integer({ min: 0, max: 500 }) }),
  fc.record({
    kind: fc.constant('revenue_band' as const),
    bands: fc.uniqueArray(fc.constantFrom(...REVENUE_BAND_CODES), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('rd_share' as const), minPercent: fc.integer({ min: 0, max: 20 }) }),
  fc.record({
    kind: fc.constant('sector' as const),
    sectors: fc.uniqueArray(fc.constantFrom(...SECTOR_CODES), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('founded_within_years' as const), years: fc.integer({ min: 1, max: 15 }) }),
  fc.record({
    kind: fc.constant('founded_before' as const),
    date: fc.integer({ min: 0, max: 6000 }).map((d) => dayOf(asOf.getTime() - d * DAY)),
  }),
  fc.constant({ kind: 'not_dishonest' as const }),
  fc.record({
    kind: fc.constant('date_window' as const),
    from: fc.integer({ min: 0, max: 60 }).map((d) => dayOf(asOf.getTime() - d * DAY)),
  }),
);

/** A profile with every field filled in. */
const fullProfileArb: fc.Arbitrary<Required<PolicyProfile>> = fc
  .record({
    kind: fc.constantFrom(...ORGANIZATION_KINDS),
    regionCode: fc.constantFrom(...REGION_CODES),
    qualifications: fc.array(
      fc.record({
        code: fc.constantFrom(...POLICY_QUALIFICATION_CODES),
        validUntil: fc.option(
          fc.integer({ min: -400, max: 400 }).map((d) => dayOf(asOf.getTime() + d * DAY)),
          { nil: null },
        ),
      }),
      { maxLength: 4 },
    ),
    employees: fc.integer({ min: 0, max: 600 }),
    revenueBand: fc.constantFrom(...REVENUE_BAND_CODES),
    rdSharePercent: fc.integer({ min: 0, max: 300 }).map((n) => n / 10),
    sectors: fc.uniqueArray(fc.constantFrom(...SECTOR_CODES), { minLength: 1, maxLength: 3 }),
    // Within the years the age conditions look at, so a limit often falls inside the founding year.
    foundedOn: fc.integer({ min: 0, max: 6000 }).map((d) => dayOf(asOf.getTime() - d * DAY)),
    dishonest: fc.boolean(),
  })
  .map((p) => ({ ...p, foundedYear: Number(p.foundedOn.slice(0, 4)) }));

const OPTIONAL_FIELDS: PolicyProfileField[] = [
  'employees',
  'revenueBand',
  'rdSharePercent',
  'sectors',
  'foundedYear',
  'foundedOn',
  'dishonest',
];

/** The profile with some fields left out (the year only when the day is left out too). */
function withHoles(full: Required<PolicyProfile>, holes: readonly PolicyProfileField[]): PolicyProfile {
  const p: PolicyProfile = { ...full };
  for (const f of holes) delete p[f];
  if (holes.includes('foundedYear')) delete p.foundedOn;
  return p;
}

const caseArb = fc.record({
  rules: fc.array(conditionArb, { maxLength: 6 }),
  full: fullProfileArb,
  holes: fc.subarray(OPTIONAL_FIELDS),
});

const PREFIX: Record<ConditionOutcome, string> = { met: '满足：', not_met: '不满足：', unknown: '无法判断：' };

describe('evaluateConditions: properties', () => {
  it('one check per condition; the outcome is the combination rule; each reason starts with its outcome', () => {
    fc.assert(
      fc.property(caseArb, ({ rules, full, holes }) => {
        const r = evaluateConditions(rules, withHoles(full, holes), asOf);
        expect(r.checks.map((c) => c.kind)).toEqual(rules.map((c) => c.kind));
        const outcomes = r.checks.map((c) => c.outcome);
        const expected = outcomes.some((o) => o === 'not_met') ? 'not_met' : outcomes.some((o) => o === 'unknown') ? 'unknown' : 'met';
        expect(r.outcome).toBe(expected);
        expect(combineOutcomes(outcomes)).toBe(expected);
        for (const c of r.checks) expect(c.reason.startsWith(PREFIX[c.outcome])).toBe(true);
      }),
    );
  });

  it('an unknown check names a field the profile lacks; a full profile leaves nothing unknown', () => {
    fc.assert(
      fc.property(caseArb, ({ rules, full, holes }) => {
        const partial = withHoles(full, holes);
        for (const c of evaluateConditions(rules, partial, asOf).checks) {
          if (c.outcome === 'unknown') expect(partial[c.missingField!]).toBeUndefined();
          else expect(c.missingField).toBeUndefined();
        }
        expect(evaluateConditions(rules, full, asOf).checks.every((c) => c.outcome !== 'unknown')).toBe(true);
      }),
    );
  });

  it('filling missing fields only settles unknown checks: met stays met, not met stays not met', () => {
    fc.assert(
      fc.property(caseArb, ({ rules, full, holes }) => {
        const before = evaluateConditions(rules, withHoles(full, holes), asOf);
        const after = evaluateConditions(rules, full, asOf);
        before.checks.forEach((c, i) => {
          if (c.outcome !== 'unknown') expect(after.checks[i]!.outcome).toBe(c.outcome);
        });
        if (before.outcome !== 'unknown') expect(after.outcome).toBe(before.outcome);
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a condition never turns not met into met', () => {
    fc.assert(
      fc.property(caseArb, conditionArb, ({ rules, full, holes }, extra) => {
        const p = withHoles(full, holes);
        const before = evaluateConditions(rules, p, asOf).outcome;
        const after = evaluateConditions([...rules, extra], p, asOf).outcome;
        if (before === 'not_met') expect(after).toBe('not_met');
        if (after === 'met') expect(before).toBe('met');
      }),
    );
  });
});
