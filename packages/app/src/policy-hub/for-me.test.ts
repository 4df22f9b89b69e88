import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateConditions, type PolicyCondition, type PolicyProfile } from '@scenebridge/domain/policies';
import { judgeMeasures } from './for-me.js';

const asOf = new Date('2026-05-20T04:00:00Z');

// A few conditions that repeat across measures, as region and 失信 conditions do in real notices.
const POOL: PolicyCondition[] = [
  { kind: 'region', regionCodes: ['500000'] },
  { kind: 'region', regionCodes: ['500103'] },
  { kind: 'employees', max: 200 },
  { kind: 'employees', min: 50 },
  { kind: 'rd_share', minPercent: 3 },
  { kind: 'qualification', codes: ['high_tech_enterprise', 'specialized_sme'], match: 'any' },
  { kind: 'not_dishonest' },
  { kind: 'founded_within_years', years: 5 },
];

const profileArb: fc.Arbitrary<PolicyProfile> = fc.record(
  {
    kind: fc.constant('private_enterprise' as const),
    regionCode: fc.constantFrom('500112', '500103'),
    qualifications: fc.subarray([{ code: 'high_tech_enterprise', validUntil: '2026-05-19' }, { code: 'specialized_sme' }]),
    employees: fc.integer({ min: 0, max: 400 }),
    rdSharePercent: fc.integer({ min: 0, max: 80 }).map((n) => n / 10),
    foundedYear: fc.integer({ min: 2015, max: 2026 }),
    dishonest: fc.boolean(),
  },
  { requiredKeys: ['kind', 'regionCode', 'qualifications'] },
);

describe('judgeMeasures', () => {
  it('answers what evaluateConditions answers for each measure, though it judges each distinct condition once', () => {
    const measuresArb = fc.array(fc.array(fc.constantFrom(...POOL), { maxLength: 4 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(measuresArb, profileArb, (lists, profile) => {
        const measures = lists.map((conditions) => ({ conditions, conditionKeys: conditions.map((c) => JSON.stringify(c)) }));
        const got = judgeMeasures(measures, profile, asOf);
        expect(got).toEqual(lists.map((c) => evaluateConditions(c, profile, asOf)));
      }),
    );
  });
});
