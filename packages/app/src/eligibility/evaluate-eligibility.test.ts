import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeOrganization, type AppTestContext } from '../testing.js';
import { evaluateEligibility } from './evaluate-eligibility.js';
import type { EligibilitySources } from './sources.js';

let ctx: AppTestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-03-01T04:00:00Z') });
});
afterAll(async () => {
  await ctx?.close();
});

describe('evaluateEligibility with injected sources', () => {
  it('reads awards and open applications from the sources it is given, and asks only for what the rules need', async () => {
    const org = await makeOrganization(ctx.services);
    const asked: string[] = [];
    const sources: EligibilitySources = {
      async pastAwards(_db, organizationId, programme, since) {
        asked.push(`awards:${programme}:${since.toISOString().slice(0, 10)}`);
        expect(organizationId).toBe(org.id);
        return [{ ref: 'challenge-7', at: new Date('2025-01-10T00:00:00Z') }];
      },
      async openApplications() {
        asked.push('open');
        return 3;
      },
      openApplicationsTracked: true,
    };
    const r = await evaluateEligibility({
      services: ctx.services,
      organizationId: org.id,
      rules: { notWinnerWithinYears: 2, maxOpenApplicationsPerOrganization: 3, excludeDishonest: true },
      sources,
    });
    expect(asked).toEqual(['awards:challenges:2024-03-01', 'open']);
    expect(r.eligible).toBe(false);
    expect(r.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['notWinnerWithinYears', false],
      ['maxOpenApplicationsPerOrganization', false],
      ['excludeDishonest', true],
    ]);
    // A tracked count is reported as it is, with no note about applications not existing yet.
    expect(r.checks[1]!.reason).toBe('每个机构同时在审的申报不超过3项（含本次）；本机构已有3项，已达上限');

    asked.length = 0;
    expect(
      (await evaluateEligibility({ services: ctx.services, organizationId: org.id, rules: { excludeDishonest: false }, sources })).checks,
    ).toEqual([]);
    expect(asked).toEqual([]);
  });
});
