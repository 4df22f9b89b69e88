import { policySeedText, type PolicySeedId } from '@scenebridge/demo';
import { schema } from '@scenebridge/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const seed = (prefix: string) => policySeedText(prefix.slice(0, 3) as PolicySeedId);

type Span = { start: number; end: number };
interface Measure {
  id: string;
  path: string;
  heading: string | null;
  span: Span;
  supportType: string | null;
  beneficiaries: { text: string; span: Span }[];
  edited: boolean;
  terms: { type: string; value: number | string; unit: string; qualifier: string | null; span: Span; edited: boolean }[];
  calculator: { status: string; definition: Record<string, unknown>; confirmedAt: string | null } | null;
}
interface Detail {
  id: string;
  version: number;
  sourceText: string;
  measures: Measure[];
}

let ctx: TestContext;
let operator: Client;
let member: Client;
let anon: Client;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-03-02T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
  member = (await orgUser(ctx)).client;
  anon = anonymous(ctx.app);
}, 120_000);
afterAll(async () => ctx?.close());

const ingest = async (prefix: string) => (await operator.post('/api/v1/policies', { text: seed(prefix) })).json().id as string;
const detail = async (id: string) => (await operator.get(`/api/v1/policies/${id}`)).json() as Detail;
const headed = (d: Detail, heading: string) => d.measures.find((m) => m.heading === heading)!;
const audits = async (id: string, action: string) =>
  ctx.services.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityId, id), eq(schema.auditEvents.action, action)))
    .orderBy(asc(schema.auditEvents.seq));
const transition = async (id: string, action: string, reason?: string) =>
  operator.post(`/api/v1/policies/${id}/transitions`, { action, version: (await detail(id)).version, reason });
const measureUrl = (id: string, m: Measure) => `/api/v1/policies/${id}/measures/${m.id}`;
const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

const BUDGET = '精简科研项目经费预算编制';
const INDIRECT = '提高间接费用比例';
const WAN = 1_000_000; // 分 per 万元

describe('correcting a measure', () => {
  let id: string;
  beforeAll(async () => {
    id = await ingest('000');
  });

  it('changes only what was sent, marks it edited, bumps the version and audits each change before and after', async () => {
    const d = await detail(id);
    const m = headed(d, BUDGET);
    const own = d.sourceText.slice(m.span.start, m.span.end);
    expect(own).toContain('访问学者');
    const term = m.terms[0]!;
    const res = await operator.patch(measureUrl(id, m), {
      version: d.version,
      heading: m.heading,
      supportType: 'subsidy',
      beneficiaries: ['访问学者', '本市新型研发机构'],
      deadlineOn: '2026-12-31',
      terms: [{ ...term, type: 'amount_cap', qualifier: '设备费' }],
      reason: '门槛金额误识别为补助',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Measure & { policyVersion: number };
    expect(body.policyVersion).toBe(d.version + 1);
    expect((await detail(id)).version).toBe(d.version + 1);
    expect([body.edited, body.supportType]).toEqual([true, 'subsidy']);
    const [found, own2] = body.beneficiaries;
    expect(d.sourceText.slice(found!.span.start, found!.span.end)).toBe('访问学者');
    expect(own2).toEqual({ text: '本市新型研发机构', span: { start: m.span.start, end: m.span.start } });
    expect(body.terms).toEqual([expect.objectContaining({ type: 'amount_cap', qualifier: '设备费', span: term.span, edited: true })]);

    const [event] = await audits(id, 'policy.measure_corrected');
    expect(event!.reason).toBe('门槛金额误识别为补助');
    const data = event!.data as { measureId: string; fields: string[]; changes: Record<string, { before: unknown; after: unknown }> };
    expect(data.measureId).toBe(m.id);
    // The heading was sent unchanged: not a change.
    expect(data.fields.sort()).toEqual(['beneficiaries', 'deadlineOn', 'supportType', 'terms']);
    expect(data.changes.supportType).toEqual({ before: null, after: 'subsidy' });
    expect(data.changes.deadlineOn).toEqual({ before: null, after: '2026-12-31' });
    expect((data.changes.terms!.before as { type: string }[])[0]!.type).toBe(term.type);
    expect((data.changes.terms!.after as { type: string }[])[0]!.type).toBe('amount_cap');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const d = await detail(id);
    const m = headed(d, BUDGET);
    const res = await operator.patch(measureUrl(id, m), { version: d.version - 1, supportType: 'reward' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'CONFLICT']);
    const after = await detail(id);
    expect([after.version, headed(after, BUDGET).supportType]).toEqual([d.version, m.supportType]);
  });

  it('refuses terms whose span lies outside the measure with 400, and changes nothing', async () => {
    const d = await detail(id);
    const m = headed(d, BUDGET);
    const elsewhere = headed(d, INDIRECT).terms[0]!;
    const before = (await audits(id, 'policy.measure_corrected')).length;
    const res = await operator.patch(measureUrl(id, m), {
      version: d.version,
      supportType: 'reward',
      terms: [{ type: elsewhere.type, value: elsewhere.value, unit: elsewhere.unit, span: elsewhere.span }],
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'terms.0.span' })]);
    const after = await detail(id);
    expect(after.version).toBe(d.version);
    expect(headed(after, BUDGET)).toEqual(m);
    expect(await audits(id, 'policy.measure_corrected')).toHaveLength(before);
  });

  it('refuses bad fields with Chinese messages; only operators may correct', async () => {
    const d = await detail(id);
    const m = headed(d, BUDGET);
    const bad = await operator.patch(measureUrl(id, m), { version: d.version, supportType: 'cash', deadlineOn: '2026-02-30' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const dateTerm = await operator.patch(measureUrl(id, m), {
      version: d.version,
      terms: [{ type: 'date', value: 5, unit: 'date', span: m.span }],
    });
    expect(dateTerm.statusCode).toBe(400);
    // A draft does not exist for an organisation user.
    expect((await member.patch(measureUrl(id, m), { version: d.version, supportType: 'reward' })).statusCode).toBe(404);
    expect((await anon.patch(measureUrl(id, m), { version: d.version, supportType: 'reward' })).statusCode).toBe(401);
    const foreign = `/api/v1/policies/${id}/measures/${crypto.randomUUID()}`;
    expect((await operator.patch(foreign, { version: d.version, supportType: 'reward' })).statusCode).toBe(404);
    expect((await detail(id)).version).toBe(d.version);
  });

  it('refuses to change a withdrawn policy', async () => {
    const other = await ingest('003');
    await transition(other, 'publish');
    expect((await transition(other, 'withdraw', '已被新政策替代')).statusCode).toBe(200);
    const d = await detail(other);
    const m = d.measures[0]!;
    const res = await operator.patch(measureUrl(other, m), { version: d.version, supportType: 'service' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'POLICY_WITHDRAWN']);
    const calc = await put(operator, `${measureUrl(other, m)}/calculator`, {
      version: d.version,
      definition: { kind: 'one_off', inputs: [], amountFen: 100 },
    });
    expect([calc.statusCode, calc.json().error.code]).toEqual([409, 'POLICY_WITHDRAWN']);
    expect((await detail(other)).version).toBe(d.version);
  });
});

describe('calculators', () => {
  let id: string;
  let m: Measure;
  const calculate = (inputs: unknown, who: Client = anon) => who.post(`${measureUrl(id, m)}/calculate`, { inputs });
  const slice = async (s: Span) => (await detail(id)).sourceText.slice(s.start, s.end);

  beforeAll(async () => {
    id = await ingest('000');
    m = headed(await detail(id), INDIRECT);
  });

  it('revises the proposal (sentence defaulting to the measure text), confirms it, and runs only once published', async () => {
    expect(m.calculator).toMatchObject({ status: 'proposed', definition: { kind: 'tiered' } });
    const { sentence: _s, ...proposal } = m.calculator!.definition as { sentence?: string; inputs: { key: string; label: string }[] };
    const inputs = proposal.inputs.map((i) => (i.key === 'base' ? { ...i, label: '直接费用扣除设备购置费后的金额' } : i));
    const v = (await detail(id)).version;
    const revised = await put(operator, `${measureUrl(id, m)}/calculator`, { version: v, definition: { ...proposal, inputs } });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json().policyVersion).toBe(v + 1);
    const d = await detail(id);
    const own = d.sourceText.slice(m.span.start, m.span.end);
    expect(headed(d, INDIRECT).calculator).toMatchObject({ status: 'proposed', definition: { sentence: own } });
    const [rev] = await audits(id, 'policy.calculator_revised');
    expect(rev).toMatchObject({ fromState: 'proposed', toState: 'proposed', data: { measureId: m.id } });

    expect((await member.post(`${measureUrl(id, m)}/calculator/confirm`, { version: v + 1 })).statusCode).toBe(404);
    expect((await operator.post(`${measureUrl(id, m)}/calculator/confirm`, { version: v })).statusCode).toBe(409);
    const confirmed = await operator.post(`${measureUrl(id, m)}/calculator/confirm`, { version: v + 1 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().calculator).toMatchObject({ status: 'confirmed' });
    expect(confirmed.json().calculator.confirmedAt).not.toBeNull();
    const again = await operator.post(`${measureUrl(id, m)}/calculator/confirm`, { version: v + 2 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(await audits(id, 'policy.calculator_confirm')).toHaveLength(1);

    // Confirmed but still a draft: nobody can run it yet.
    expect((await calculate({ base: 200 })).statusCode).toBe(404);
    expect((await transition(id, 'publish')).statusCode).toBe(200);
  });

  it('computes the tiered indirect-cost rule at exactly 200万元, across tiers, and with the 60% alternative', async () => {
    const at200 = await calculate({ base: 200 });
    expect(at200.statusCode, at200.body).toBe(200);
    const r = at200.json() as { amountFen: number; uncappedFen: number; steps: { label: string; amountFen: number; sourceSpan: Span }[] };
    // 200万元（含）以下 at 40%: the whole base is in the first tier.
    expect([r.amountFen, r.uncappedFen]).toEqual([(200 * WAN * 40) / 100, (200 * WAN * 40) / 100]);
    expect(r.steps).toHaveLength(1);
    expect(await slice(r.steps[0]!.sourceSpan)).toMatch(/^40%/);

    const inYuan = await calculate({ base: { value: 2_000_000, unit: '元' } });
    expect(inYuan.json().amountFen).toBe(r.amountFen);

    const at250 = (await calculate({ base: 250 })).json() as typeof r;
    expect(at250.steps.map((s) => s.amountFen)).toEqual([(200 * WAN * 40) / 100, (50 * WAN * 30) / 100]);
    expect(at250.amountFen).toBe(at250.steps[0]!.amountFen + at250.steps[1]!.amountFen);
    expect(await slice(at250.steps[1]!.sourceSpan)).toMatch(/^30%/);

    const alt = (await calculate({ base: 200, case1: true, case1Base: 200 })).json() as typeof r;
    expect(alt.amountFen).toBe((200 * WAN * 60) / 100);
    expect(await slice(alt.steps[0]!.sourceSpan)).toMatch(/^60%/);
  });

  it('answers bad figures with 400 VALIDATION_FAILED naming each input', async () => {
    const missing = await calculate({});
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(missing.json().error.details).toEqual([expect.objectContaining({ path: 'base' })]);
    const flagged = await calculate({ base: 1, case1: { value: 1, unit: '元' } });
    expect(flagged.json().error.details).toEqual([expect.objectContaining({ path: 'case1' })]);
    expect((await calculate({ base: 'x' })).statusCode).toBe(400);
  });

  it('a revision makes it a proposal again: 409 CALCULATOR_NOT_CONFIRMED until confirmed anew; removal is audited', async () => {
    const d = await detail(id);
    const def = headed(d, INDIRECT).calculator!.definition;
    const tooFar = await put(operator, `${measureUrl(id, m)}/calculator`, {
      version: d.version,
      definition: { ...def, sentence: '间接费用比例为不超过40%' },
    });
    expect([tooFar.statusCode, tooFar.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const res = await put(operator, `${measureUrl(id, m)}/calculator`, {
      version: d.version,
      definition: { ...def, title: '间接费用测算' },
    });
    expect(res.json().calculator.status).toBe('proposed');
    const blocked = await calculate({ base: 200 });
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([409, 'CALCULATOR_NOT_CONFIRMED']);
    expect((await audits(id, 'policy.calculator_revised')).at(-1)).toMatchObject({ fromState: 'confirmed', toState: 'proposed' });

    expect((await member.delete(`${measureUrl(id, m)}/calculator`)).statusCode).toBe(403);
    const gone = await operator.delete(`${measureUrl(id, m)}/calculator?version=${d.version + 1}`);
    expect(gone.statusCode).toBe(204);
    expect(headed(await detail(id), INDIRECT).calculator).toBeNull();
    expect(await audits(id, 'policy.calculator_removed')).toHaveLength(1);
    expect((await calculate({ base: 200 })).statusCode).toBe(404);
  });
});
