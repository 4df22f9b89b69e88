import { insertProgrammeAward, schema } from '@scenebridge/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const { auditEvents, organizationQualifications, organizationDishonestyFlags, eligibilityOverrides } = schema;

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2025-07-01T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

const auditOf = (organizationId: string) =>
  ctx.handle.db
    .select({
      action: auditEvents.action,
      reason: auditEvents.reason,
      data: auditEvents.data,
      fromState: auditEvents.fromState,
      toState: auditEvents.toState,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'organization'), eq(auditEvents.entityId, organizationId)))
    .orderBy(asc(auditEvents.seq));

const FLAG = { flagged: true, source: '信用中国', listedOn: '2025-05-20', reason: '列入严重失信主体名单（政府采购）' };

describe('organisation profile: qualifications and the 失信 flag', () => {
  it('the operator records and removes qualifications; the organisation sees them; each change is audited', async () => {
    const { org, client } = await orgUser(ctx);
    const add = await operator.post(`/api/v1/organizations/${org.id}/qualifications`, {
      code: 'high_tech_enterprise',
      certificateNo: 'GR202350001234',
      validUntil: '2026-12-31',
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ code: 'high_tech_enterprise', label: '高新技术企业', valid: true, validUntil: '2026-12-31' });
    const lapsed = await operator.post(`/api/v1/organizations/${org.id}/qualifications`, { code: 'tech_sme', validUntil: '2025-06-30' });
    expect(lapsed.json()).toMatchObject({ valid: false });

    const again = await operator.post(`/api/v1/organizations/${org.id}/qualifications`, { code: 'high_tech_enterprise' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('QUALIFICATION_EXISTS');

    const own = await client.get(`/api/v1/organizations/${org.id}/profile`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ canEdit: false, dishonesty: null });
    expect(own.json().qualifications.map((q: { code: string; valid: boolean }) => [q.code, q.valid])).toEqual([
      ['high_tech_enterprise', true],
      ['tech_sme', false],
    ]);
    expect((await operator.get(`/api/v1/organizations/${org.id}/profile`)).json().canEdit).toBe(true);

    const del = await operator.delete(`/api/v1/organizations/${org.id}/qualifications/${lapsed.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await operator.delete(`/api/v1/organizations/${org.id}/qualifications/${lapsed.json().id}`)).statusCode).toBe(404);

    expect((await auditOf(org.id)).map((e) => e.action)).toEqual([
      'organization.qualification_added',
      'organization.qualification_added',
      'organization.qualification_removed',
    ]);
    expect((await auditOf(org.id))[2]!.data).toMatchObject({ code: 'tech_sme', validUntil: '2025-06-30' });
  });

  it('the operator sets and clears the 失信 flag with source and reason, audited with the state before and after', async () => {
    const { org, client } = await orgUser(ctx);
    const set = await operator.request('PUT', `/api/v1/organizations/${org.id}/dishonesty`, FLAG);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ flagged: true, source: '信用中国', listedOn: '2025-05-20' });
    expect((await client.get(`/api/v1/organizations/${org.id}/profile`)).json().dishonesty).toMatchObject({
      flagged: true,
      reason: FLAG.reason,
    });

    const clear = await operator.request('PUT', `/api/v1/organizations/${org.id}/dishonesty`, {
      flagged: false,
      source: '信用中国信用修复公告',
      reason: '已完成信用修复，移出名单',
    });
    expect(clear.json()).toMatchObject({ flagged: false, listedOn: null });
    expect(await auditOf(org.id)).toEqual([
      {
        action: 'organization.dishonesty_flagged',
        reason: FLAG.reason,
        data: { source: '信用中国', listedOn: '2025-05-20' },
        fromState: 'clear',
        toState: 'dishonest',
      },
      {
        action: 'organization.dishonesty_cleared',
        reason: '已完成信用修复，移出名单',
        data: { source: '信用中国信用修复公告', listedOn: null },
        fromState: 'dishonest',
        toState: 'clear',
      },
    ]);
  });

  it('only the operator edits; the organisation gets 403, another organisation and the anonymous 404/401, and nothing changes', async () => {
    const { org, client } = await orgUser(ctx);
    const member = (await orgUser(ctx, { roles: ['org_member'] })).client;
    const outsider = (await orgUser(ctx)).client;
    const reviewer = (await platformUser(ctx, ['reviewer'])).client;
    const q = { code: 'software_enterprise' };
    expect((await client.post(`/api/v1/organizations/${org.id}/qualifications`, q)).statusCode).toBe(403);
    expect((await client.request('PUT', `/api/v1/organizations/${org.id}/dishonesty`, { ...FLAG, flagged: false })).statusCode).toBe(403);
    for (const other of [outsider, reviewer, member]) {
      expect((await other.post(`/api/v1/organizations/${org.id}/qualifications`, q)).statusCode).toBe(404);
      expect((await other.request('PUT', `/api/v1/organizations/${org.id}/dishonesty`, FLAG)).statusCode).toBe(404);
      expect((await other.get(`/api/v1/organizations/${org.id}/profile`)).statusCode).toBe(404);
    }
    expect((await anonymous(ctx.app).get(`/api/v1/organizations/${org.id}/profile`)).statusCode).toBe(401);
    expect(
      await ctx.handle.db.select().from(organizationQualifications).where(eq(organizationQualifications.organizationId, org.id)),
    ).toEqual([]);
    expect(
      await ctx.handle.db.select().from(organizationDishonestyFlags).where(eq(organizationDishonestyFlags.organizationId, org.id)),
    ).toEqual([]);
    expect(await auditOf(org.id)).toEqual([]);
  });

  it('refuses bad input, naming the field, and stores nothing', async () => {
    const { org } = await orgUser(ctx);
    for (const [body, path] of [
      [{ code: 'nobel_prize' }, 'code'],
      [{ code: 'tech_sme', validUntil: '2025-02-30' }, 'validUntil'],
      [{ code: 'tech_sme', validUntil: '31/12/2026' }, 'validUntil'],
      [{ code: 'tech_sme', certificateNo: 'x'.repeat(101) }, 'certificateNo'],
    ] as const) {
      const res = await operator.post(`/api/v1/organizations/${org.id}/qualifications`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    for (const body of [
      { ...FLAG, reason: '' },
      { ...FLAG, source: undefined },
      { ...FLAG, flagged: 'yes' },
    ]) {
      expect((await operator.request('PUT', `/api/v1/organizations/${org.id}/dishonesty`, body)).statusCode).toBe(400);
    }
    expect((await operator.get(`/api/v1/organizations/${org.id}/profile`)).json()).toMatchObject({ qualifications: [], dishonesty: null });
    expect(await auditOf(org.id)).toEqual([]);
  });
});

describe('POST /eligibility/check', () => {
  const RULES = {
    organizationKinds: ['private_enterprise', 'ai_company'],
    regionCodes: ['500000'],
    qualifications: ['high_tech_enterprise'],
    notWinnerWithinYears: 3,
    maxOpenApplicationsPerOrganization: 3,
    excludeDishonest: true,
  };

  it('tells the organisation, rule by rule, why it may not apply yet, and that it may once the profile is complete', async () => {
    const { org, client } = await orgUser(ctx);
    const before = await client.post('/api/v1/eligibility/check', { rules: RULES });
    expect(before.statusCode).toBe(200);
    const r = before.json();
    expect(r).toMatchObject({ organizationId: org.id, eligible: false, screenedEligible: false, override: null });
    expect(r.checks.map((c: { rule: string; passed: boolean }) => [c.rule, c.passed])).toEqual([
      ['organizationKinds', true],
      ['regionCodes', true],
      ['qualifications', false],
      ['notWinnerWithinYears', true],
      ['maxOpenApplicationsPerOrganization', true],
      ['excludeDishonest', true],
    ]);
    expect(r.checks[2].reason).toBe('要求具备资质：高新技术企业；本机构缺少：高新技术企业');
    // Counted from real applications (none yet for this organisation), no longer a placeholder.
    expect(r.checks[4].reason).toContain('本机构已有0项');
    expect(r.checks[4].reason).not.toContain('暂计');

    await operator.post(`/api/v1/organizations/${org.id}/qualifications`, { code: 'high_tech_enterprise', validUntil: '2027-12-31' });
    expect((await client.post('/api/v1/eligibility/check', { rules: RULES })).json().eligible).toBe(true);

    // An award recorded in programme_awards within the window refuses; a revoked one does not count.
    await insertProgrammeAward(ctx.handle.db, {
      organizationId: org.id,
      programme: 'challenges',
      sourceRef: 'c-1',
      awardedAt: new Date('2024-03-01T00:00:00Z'),
    });
    const won = (await client.post('/api/v1/eligibility/check', { rules: RULES })).json();
    expect(won.eligible).toBe(false);
    expect(won.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { rule: string }) => c.rule)).toEqual(['notWinnerWithinYears']);

    await operator.request('PUT', `/api/v1/organizations/${org.id}/dishonesty`, FLAG);
    const flagged = (await client.post('/api/v1/eligibility/check', { rules: { ...RULES, notWinnerWithinYears: undefined } })).json();
    expect(flagged.checks.at(-1)).toEqual({ rule: 'excludeDishonest', passed: false, reason: '要求未被列入失信名单；本机构有失信记录' });
  });

  it('answers for another organisation only to the operator (others 404), and validates the rules', async () => {
    const { org } = await orgUser(ctx, { kind: 'university' });
    const outsider = (await orgUser(ctx)).client;
    const byOperator = await operator.post('/api/v1/eligibility/check', {
      rules: { organizationKinds: ['soe'], excludeDishonest: false },
      organizationId: org.id,
    });
    expect(byOperator.statusCode).toBe(200);
    expect(byOperator.json().checks).toEqual([
      { rule: 'organizationKinds', passed: false, reason: '要求机构类型为：国有企业；本机构为：高等院校' },
    ]);
    expect(
      (await outsider.post('/api/v1/eligibility/check', { rules: { excludeDishonest: false }, organizationId: org.id })).statusCode,
    ).toBe(404);
    expect(
      (
        await operator.post('/api/v1/eligibility/check', {
          rules: { excludeDishonest: false },
          organizationId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
    expect((await anonymous(ctx.app).post('/api/v1/eligibility/check', { rules: { excludeDishonest: false } })).statusCode).toBe(401);
    const bad = await outsider.post('/api/v1/eligibility/check', { rules: { qualifications: ['made_up'], notWinnerWithinYears: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['rules.excludeDishonest', 'rules.notWinnerWithinYears', 'rules.qualifications.0']);
  });
});

describe('operator override of a failed screening', () => {
  it('turns the refusal into eligible for that challenge, with the reason shown, once, audited; others may not', async () => {
    const { org, client } = await orgUser(ctx, { kind: 'university' });
    const rules = { organizationKinds: ['private_enterprise'], excludeDishonest: true };
    const body = { organizationId: org.id, challengeRef: 'challenge-42', reason: '高校牵头、企业参与的联合体，经专家论证同意参与' };

    for (const who of [client, (await orgUser(ctx)).client, (await platformUser(ctx, ['reviewer'])).client]) {
      expect((await who.post('/api/v1/eligibility/overrides', body)).statusCode).toBe(403);
    }
    expect(await ctx.handle.db.select().from(eligibilityOverrides).where(eq(eligibilityOverrides.organizationId, org.id))).toEqual([]);
    expect((await operator.post('/api/v1/eligibility/overrides', { ...body, reason: '' })).statusCode).toBe(400);

    const made = await operator.post('/api/v1/eligibility/overrides', body);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ organizationId: org.id, challengeRef: 'challenge-42', reason: body.reason, by: '测试用户' });
    const twice = await operator.post('/api/v1/eligibility/overrides', body);
    expect(twice.json().error.code).toBe('ELIGIBILITY_OVERRIDE_EXISTS');

    const seen = (await client.post('/api/v1/eligibility/check', { rules, challengeRef: 'challenge-42' })).json();
    expect(seen).toMatchObject({
      eligible: true,
      screenedEligible: false,
      override: { reason: body.reason, challengeRef: 'challenge-42' },
    });
    expect(seen.checks[0]).toMatchObject({ rule: 'organizationKinds', passed: false });
    // Another challenge: the override does not apply.
    expect((await client.post('/api/v1/eligibility/check', { rules, challengeRef: 'challenge-43' })).json().eligible).toBe(false);

    expect(await auditOf(org.id)).toEqual([
      {
        action: 'eligibility.override',
        reason: body.reason,
        data: { overrideId: made.json().id, challengeRef: 'challenge-42' },
        fromState: null,
        toState: null,
      },
    ]);
    expect(
      (await operator.post('/api/v1/eligibility/overrides', { ...body, organizationId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });
});
