import { randomBytes } from 'node:crypto';
import { insertOrganizationQualification, schema } from '@scenebridge/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../xlsx-download.testing.js';
import { createTestContext, login, makeOrganization, makeUser, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-03-02T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
}, 120_000);
afterAll(async () => ctx?.close());

const db = () => ctx.services.db;
const putJson = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

/** A policy in `status` with one measure per rule list (written directly: reading texts is not what is tested here). */
async function policyWith(measures: { heading: string; conditions: unknown[]; deadlineOn?: string }[], status = 'published') {
  const text = `矩阵外测试政策${randomBytes(4).toString('hex')}\n${measures.map((m, i) => `${i + 1}. ${m.heading}。`).join('\n')}`;
  const [p] = await db()
    .insert(schema.policies)
    .values({
      title: `关于支持企业发展的若干措施${randomBytes(2).toString('hex')}`,
      sourceText: text,
      sourceFormat: 'paste',
      sourceSha256: randomBytes(32).toString('hex'),
      status,
    })
    .returning();
  const rows = await db()
    .insert(schema.policyMeasures)
    .values(
      measures.map((m, i) => ({
        policyId: p!.id,
        seq: i,
        path: String(i + 1),
        depth: 1,
        marker: `${i + 1}.`,
        heading: m.heading,
        spanStart: 0,
        spanEnd: 5,
        conditions: m.conditions,
        deadlineOn: m.deadlineOn ?? null,
      })),
    )
    .returning();
  return { policyId: p!.id, measureIds: rows.map((r) => r.id) };
}

const auditOf = (entityId: string) =>
  db()
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.entityId, entityId))
    .then((rows) => rows.map((r) => r.action));

describe('policy profiles', () => {
  it('refuses bad values and changes nothing; an org member may read but not write', async () => {
    const { client: admin, org } = await orgUser(ctx);
    const member = await login(ctx.app, (await makeUser(ctx.services, org.id, ['org_member'])).email);
    const good = await putJson(admin, '/api/v1/organizations/me/policy-profile', {
      employees: 120,
      revenueBand: '20m_50m',
      sectors: ['manufacturing'],
    });
    expect(good.statusCode, good.body).toBe(200);
    const before = (await admin.get('/api/v1/organizations/me/policy-profile')).json();
    expect(before).toMatchObject({
      organizationId: org.id,
      employees: 120,
      revenueBand: '20m_50m',
      sectors: ['manufacturing'],
      dishonest: null,
    });

    for (const bad of [
      { employees: -1 },
      { employees: 1.5 },
      { rdSharePercent: 3.456 },
      { rdSharePercent: 101 },
      { revenueBand: 'huge' },
      { sectors: ['not_a_sector'] },
      { sectors: ['manufacturing', 'manufacturing'] },
      { foundedOn: '2026-02-30' },
      { foundedOn: '2026-03-03' },
    ]) {
      const res = await putJson(admin, '/api/v1/organizations/me/policy-profile', bad);
      expect([res.statusCode, res.json().error.code], JSON.stringify(bad)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await putJson(member, '/api/v1/organizations/me/policy-profile', { employees: 5 })).statusCode).toBe(403);
    expect((await member.get('/api/v1/organizations/me/policy-profile')).json()).toEqual(before);
    expect(await auditOf(org.id)).toEqual(['policy_profile.updated']);
  });

  it('an operator confirms it; the organisation changing it clears the confirmation', async () => {
    const { client: admin, org } = await orgUser(ctx);
    await putJson(admin, '/api/v1/organizations/me/policy-profile', { rdSharePercent: 4.25, foundedOn: '2019-06-01' });
    const confirmed = await operator.post(`/api/v1/organizations/${org.id}/policy-profile/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().confirmedAt).not.toBeNull();
    expect(confirmed.json().rdSharePercent).toBe(4.25);

    const changed = (await putJson(admin, '/api/v1/organizations/me/policy-profile', { employees: 40 })).json();
    expect(changed).toMatchObject({ confirmedAt: null, confirmedBy: null, employees: 40, rdSharePercent: 4.25, foundedOn: '2019-06-01' });
    expect(await auditOf(org.id)).toEqual(['policy_profile.updated', 'policy_profile.confirmed', 'policy_profile.updated']);
  });
});

describe('measures for me', () => {
  it('lists met and unknown measures with reasons and missing fields; not met on request; never one without conditions', async () => {
    const { client: admin, org } = await orgUser(ctx);
    await putJson(admin, '/api/v1/organizations/me/policy-profile', { employees: 120 });
    const { measureIds } = await policyWith([
      {
        heading: '支持中小企业稳岗',
        conditions: [
          { kind: 'region', regionCodes: ['500000'] },
          { kind: 'employees', max: 300 },
        ],
      },
      { heading: '支持高新技术企业', conditions: [{ kind: 'qualification', codes: ['high_tech_enterprise'] }] },
      { heading: '支持研发投入', conditions: [{ kind: 'rd_share', minPercent: 3 }] },
      { heading: '营造良好环境', conditions: [] },
    ]);
    const [met, notMet, unknown, none] = measureIds as [string, string, string, string];
    const mine = async (q = '') => {
      const body = (await admin.get(`/api/v1/policies/measures/for-me${q}`)).json();
      return { ...body, items: body.items.filter((i: { measure: { id: string } }) => measureIds.includes(i.measure.id)) };
    };

    const first = await mine();
    expect(first.items.map((i: { measure: { id: string } }) => i.measure.id)).toEqual([met, unknown]);
    expect(first.profileComplete).toBe(false);
    expect(first.items[0]).toMatchObject({ outcome: 'met', missingFields: [], hasCalculator: false });
    expect(first.items[0].checks.map((c: { reason: string }) => c.reason)).toEqual([
      '满足：注册地在重庆市渝北区',
      '满足：职工人数120人（要求不超过300人）',
    ]);
    expect(first.items[1]).toMatchObject({ outcome: 'unknown', missingFields: ['研发投入占比'] });
    expect(first.items[1].checks[0]).toMatchObject({ reason: '无法判断：未填写研发投入占比', missingField: 'rdSharePercent' });

    const refused = await mine('?outcome=not_met');
    expect(refused.items.map((i: { measure: { id: string } }) => i.measure.id)).toEqual([notMet]);
    expect(refused.items[0].checks[0].reason).toBe('不满足：未认定高新技术企业');
    expect((await mine('?outcome=all')).items.map((i: { measure: { id: string } }) => i.measure.id)).not.toContain(none);

    // Filling the field and holding the qualification settle both; a measure published since is seen.
    await putJson(admin, '/api/v1/organizations/me/policy-profile', { rdSharePercent: 3 });
    await insertOrganizationQualification(db(), { organizationId: org.id, code: 'high_tech_enterprise', validUntil: '2027-12-31' });
    const later = await policyWith([
      { heading: '支持新建企业', conditions: [{ kind: 'organization_kind', kinds: ['private_enterprise'] }] },
    ]);
    measureIds.push(later.measureIds[0]!);
    const after = await mine('?outcome=met');
    expect(after.items.map((i: { measure: { id: string } }) => i.measure.id).sort()).toEqual(
      [met, notMet, unknown, later.measureIds[0]!].sort(),
    );
  });

  it('leaves out drafts and measures past their deadline; only organisation users ask', async () => {
    const { client: admin } = await orgUser(ctx);
    const draft = await policyWith([{ heading: '草稿措施', conditions: [{ kind: 'region', regionCodes: ['500000'] }] }], 'draft');
    const late = await policyWith([
      { heading: '已截止措施', conditions: [{ kind: 'region', regionCodes: ['500000'] }], deadlineOn: '2026-03-01' },
    ]);
    const ids = (await admin.get('/api/v1/policies/measures/for-me?outcome=all&pageSize=100'))
      .json()
      .items.map((i: { measure: { id: string } }) => i.measure.id);
    expect(ids).not.toContain(draft.measureIds[0]);
    expect(ids).not.toContain(late.measureIds[0]);
    expect((await operator.get('/api/v1/policies/measures/for-me')).statusCode).toBe(403);
  });
});

describe('免申即享', () => {
  const code = `x_run_${randomBytes(3).toString('hex')}`;
  let policyId: string;
  let measureId: string;
  let eligible: { org: { id: string; name: string }; client: Client };
  let unknownOrg: { org: { id: string }; client: Client };

  beforeAll(async () => {
    const made = await policyWith([
      {
        heading: '智能工厂奖励',
        conditions: [
          { kind: 'qualification', codes: [code] },
          { kind: 'employees', max: 100 },
        ],
      },
    ]);
    policyId = made.policyId;
    measureId = made.measureIds[0]!;
    const org = await makeOrganization(ctx.services, { name: '=HYPERLINK("http://x")测试工厂' });
    eligible = { org, client: await login(ctx.app, (await makeUser(ctx.services, org.id, ['org_admin'])).email) };
    unknownOrg = await orgUser(ctx);
    const tooBig = await orgUser(ctx);
    for (const o of [eligible.org, unknownOrg.org, tooBig.org]) await insertOrganizationQualification(db(), { organizationId: o.id, code });
    await putJson(eligible.client, '/api/v1/organizations/me/policy-profile', { employees: 50 });
    await putJson(tooBig.client, '/api/v1/organizations/me/policy-profile', { employees: 500 });
  });

  const run = () => operator.post(`/api/v1/policies/${policyId}/measures/${measureId}/redemption-runs`);
  const rows = async () => (await operator.get(`/api/v1/policies/${policyId}/measures/${measureId}/redemptions`)).json();

  it('adds the met organisations once, counts the unknown ones, tells the matched, and a second run adds none', async () => {
    const approved = (
      await db()
        .select()
        .from(schema.organizations)
        .where(and(eq(schema.organizations.status, 'approved'), eq(schema.organizations.isPlatformOperator, false)))
    ).length;
    const first = await run();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ organizations: approved, eligible: 1, unknown: 1, added: 1 });
    const second = (await run()).json();
    expect(second).toMatchObject({ eligible: 1, unknown: 1, added: 0 });
    expect(second.runId).not.toBe(first.json().runId);

    const list = await rows();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ organization: { id: eligible.org.id }, stage: 'matched', amountFen: null });
    expect(list.items[0].checks.map((c: { outcome: string }) => c.outcome)).toEqual(['met', 'met']);
    const notes = (await eligible.client.get('/api/v1/notifications')).json().items as { kind: string }[];
    expect(notes.map((n) => n.kind)).toContain('policy.redemption_matched');
    const runs = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, measureId));
    expect(runs.map((e) => [e.action, (e.data as { added: number }).added])).toEqual([
      ['policy.redemption_run', 1],
      ['policy.redemption_run', 0],
    ]);

    const sheet = await readExport(await operator.get(`/api/v1/policies/${policyId}/measures/${measureId}/redemptions/export.xlsx`));
    expect(sheet.rows[0]![0]).toBe(`'${eligible.org.name}`);
  });

  it('refuses a draft policy and a measure without conditions', async () => {
    const draft = await policyWith([{ heading: '草稿', conditions: [{ kind: 'region', regionCodes: ['500000'] }] }], 'draft');
    const res = await operator.post(`/api/v1/policies/${draft.policyId}/measures/${draft.measureIds[0]}/redemption-runs`);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'POLICY_NOT_PUBLISHED']);
    const bare = await policyWith([{ heading: '无条件', conditions: [] }]);
    const res2 = await operator.post(`/api/v1/policies/${bare.policyId}/measures/${bare.measureIds[0]}/redemption-runs`);
    expect([res2.statusCode, res2.json().error.code]).toEqual([409, 'MEASURE_HAS_NO_CONDITIONS']);
    expect(
      await db().select().from(schema.policyRedemptionRuns).where(eq(schema.policyRedemptionRuns.measureId, bare.measureIds[0]!)),
    ).toEqual([]);
  });

  it('confirm, then redeem, each audited and refused out of order; others cannot see the row', async () => {
    const id = (await rows()).items[0].id as string;
    const early = await operator.post(`/api/v1/policy-redemptions/${id}/redeem`, { amountFen: 100 });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await unknownOrg.client.post(`/api/v1/policy-redemptions/${id}/confirm`)).statusCode).toBe(404);
    expect((await unknownOrg.client.get('/api/v1/policy-redemptions/mine')).json().items).toEqual([]);

    const ok = await eligible.client.post(`/api/v1/policy-redemptions/${id}/confirm`);
    expect([ok.statusCode, ok.json().stage]).toEqual([200, 'confirmed']);
    const again = await eligible.client.post(`/api/v1/policy-redemptions/${id}/decline`, { reason: '不需要' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const paid = await operator.post(`/api/v1/policy-redemptions/${id}/redeem`, { amountFen: 50_000_000, note: '已拨付' });
    expect(paid.json()).toMatchObject({ stage: 'redeemed', amountFen: 50_000_000, note: '已拨付' });
    expect((await eligible.client.get('/api/v1/policy-redemptions/mine')).json().items[0]).toMatchObject({
      id,
      stage: 'redeemed',
      policy: { id: policyId },
    });
    expect(await auditOf(id)).toEqual(['policy_redemption.confirm', 'policy_redemption.redeem']);
    const opNotes = (await operator.get('/api/v1/notifications')).json().items as { kind: string }[];
    expect(opNotes.map((n) => n.kind)).toContain('policy.redemption_decided');
  });

  it('decline needs a reason and ends the row', async () => {
    await putJson(unknownOrg.client, '/api/v1/organizations/me/policy-profile', { employees: 10 });
    expect((await run()).json()).toMatchObject({ eligible: 2, unknown: 0, added: 1 });
    const row = (await unknownOrg.client.get('/api/v1/policy-redemptions/mine')).json().items[0];
    const blank = await unknownOrg.client.post(`/api/v1/policy-redemptions/${row.id}/decline`, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    const declined = await unknownOrg.client.post(`/api/v1/policy-redemptions/${row.id}/decline`, { reason: '本年度已享受同类支持' });
    expect(declined.json()).toMatchObject({ stage: 'declined', note: '本年度已享受同类支持' });
    const late = await unknownOrg.client.post(`/api/v1/policy-redemptions/${row.id}/confirm`);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(await auditOf(row.id)).toEqual(['policy_redemption.decline']);
  });
});
