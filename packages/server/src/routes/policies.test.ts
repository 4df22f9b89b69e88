import { schema } from '@scenebridge/db';
import { policySeedText, type PolicySeedId } from '@scenebridge/demo';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxOf, pdfOf, pngOf } from '@scenebridge/app/policy-hub/testing';
import { docxBomb } from '@scenebridge/app/uploads/testing';
import { anonymous, createTestContext, orgUser, platformUser, uploadFile, type Client, type TestContext } from '../testing.js';

const seed = (id: PolicySeedId) => policySeedText(id);

let ctx: TestContext;
let operator: Client;
let member: Client;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-03-02T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
  member = (await orgUser(ctx)).client;
}, 120_000);
afterAll(async () => ctx?.close());

const policyCount = async () => Number((await ctx.services.db.select({ n: sql<number>`count(*)::int` }).from(schema.policies))[0]!.n);

interface Detail {
  id: string;
  status: string;
  version: number;
  sourceText: string;
  allowedActions: string[];
  measures: {
    id: string;
    path: string;
    heading: string | null;
    span: { start: number; end: number };
    terms: { type: string; value: number | string; unit: string; span: { start: number; end: number } }[];
    calculator: { status: string; definition: { kind: string } } | null;
  }[];
}

describe('policies', () => {
  it('an operator pastes a notice: a draft with measures, terms and a calculator proposal, idempotent, hidden until published', async () => {
    const text = seed('000');
    const first = await operator.post('/api/v1/policies', { text });
    expect(first.statusCode, first.body).toBe(201);
    const again = await operator.post('/api/v1/policies', { text: `${text}\r\n\r\n` });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const id = first.json().id as string;

    const d = (await operator.get(`/api/v1/policies/${id}`)).json() as Detail;
    expect(d.status).toBe('draft');
    expect(d.allowedActions).toEqual(['publish']);
    expect(d.measures.length).toBeGreaterThan(40);
    for (const m of d.measures) expect(m.span.end).toBeLessThanOrEqual(d.sourceText.length);
    const tiered = d.measures.filter((m) => m.calculator?.definition.kind === 'tiered');
    expect(tiered).toHaveLength(1);
    expect(tiered[0]!.calculator!.status).toBe('proposed');
    const caps = tiered[0]!.terms.filter((t) => t.type === 'ratio_cap').map((t) => t.value);
    expect(caps).toEqual(expect.arrayContaining([40, 30, 25, 20, 60]));
    for (const t of tiered[0]!.terms) expect(d.sourceText.slice(t.span.start, t.span.end)).toContain(String(t.value));

    // Drafts do not exist for anyone but operators.
    expect((await anonymous(ctx.app).get(`/api/v1/policies/${id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/v1/policies/${id}`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get('/api/v1/policies')).json().total).toBe(0);
  });

  it('only operators ingest; bad text is refused and nothing is stored', async () => {
    const before = await policyCount();
    expect((await member.post('/api/v1/policies', { text: seed('001') })).statusCode).toBe(403);
    expect((await anonymous(ctx.app).post('/api/v1/policies', { text: seed('001') })).statusCode).toBe(401);
    const short = await operator.post('/api/v1/policies', { text: '一、支持。' });
    expect([short.statusCode, short.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await operator.post('/api/v1/policies', {})).statusCode).toBe(400);
    expect(await policyCount()).toBe(before);
  });

  it('publishing puts it in the public library; withdrawing needs a reason and takes it out', async () => {
    const id = (await operator.post('/api/v1/policies', { text: seed('003') })).json().id as string;
    const d = (await operator.get(`/api/v1/policies/${id}`)).json() as Detail;
    expect((await member.post(`/api/v1/policies/${id}/transitions`, { action: 'publish', version: d.version })).statusCode).toBe(404);
    const stale = await operator.post(`/api/v1/policies/${id}/transitions`, { action: 'publish', version: d.version + 1 });
    expect(stale.statusCode).toBe(409);
    const pub = await operator.post(`/api/v1/policies/${id}/transitions`, { action: 'publish', version: d.version });
    expect(pub.json()).toEqual({ id, status: 'published' });

    const list = (await anonymous(ctx.app).get('/api/v1/policies')).json();
    expect(list.items.map((p: { id: string; measureCount: number }) => [p.id, p.measureCount])).toEqual([[id, d.measures.length]]);
    const seen = (await anonymous(ctx.app).get(`/api/v1/policies/${id}`)).json() as Detail;
    expect(seen.allowedActions).toEqual([]);
    expect(seen.measures.length).toBe(d.measures.length);

    const noReason = await operator.post(`/api/v1/policies/${id}/transitions`, { action: 'withdraw', version: d.version + 1 });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'REASON_REQUIRED']);
    const wd = await operator.post(`/api/v1/policies/${id}/transitions`, {
      action: 'withdraw',
      reason: '已被新政策替代',
      version: d.version + 1,
    });
    expect(wd.json().status).toBe('withdrawn');
    expect((await anonymous(ctx.app).get('/api/v1/policies')).json().total).toBe(0);
    expect((await anonymous(ctx.app).get('/api/v1/policies?status=withdrawn')).json().total).toBe(1);

    const events = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(['policy.ingested', 'policy.publish', 'policy.withdraw']);
    expect(events[2]!.reason).toBe('已被新政策替代');
  });

  it('an operator uploads a .docx: the same reading as a paste, with the file named; bad files are refused with nothing saved', async () => {
    const lines = seed('003')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const docx = await docxOf(lines);
    const up = await uploadFile(operator, '/api/v1/policies/upload', docx, '人工智能+行动计划.docx');
    expect(up.statusCode, up.body).toBe(201);
    const d = (await operator.get(`/api/v1/policies/${up.json().id}`)).json() as Detail & { sourceFormat: string; sourceFilename: string };
    expect([d.sourceFormat, d.sourceFilename]).toEqual(['docx', '人工智能+行动计划.docx']);
    expect(d.measures.length).toBeGreaterThan(5);
    expect((await uploadFile(operator, '/api/v1/policies/upload', docx, 'again.docx')).statusCode).toBe(200);

    const before = await policyCount();
    const refused = async (content: Buffer, filename: string) => {
      const r = await uploadFile(operator, '/api/v1/policies/upload', content, filename);
      return [r.statusCode, r.json().error.code];
    };
    expect(await refused(await pdfOf([], { image: pngOf() }), '扫描件.pdf')).toEqual([422, 'POLICY_NO_TEXT_LAYER']);
    expect(await refused(pngOf(), '改了扩展名.docx')).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    expect(await refused(docxBomb({ megabytes: 100 }), 'bomb.docx')).toEqual([413, 'ARCHIVE_TOO_LARGE']);
    expect((await uploadFile(member, '/api/v1/policies/upload', docx, 'x.docx')).statusCode).toBe(403);
    expect(await policyCount()).toBe(before);
  });

  it('the library filters by a measure’s 支持方式 and 受益对象; an unknown support type is refused', async () => {
    const id = (await operator.post('/api/v1/policies', { text: seed('001') })).json().id as string;
    const d = (await operator.get(`/api/v1/policies/${id}`)).json() as Detail;
    const m = d.measures.find((x) => x.terms.length > 0)!;
    const fixed = await operator.patch(`/api/v1/policies/${id}/measures/${m.id}`, {
      version: d.version,
      supportType: 'talent',
      beneficiaries: ['科技型中小企业'],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    await operator.post(`/api/v1/policies/${id}/transitions`, { action: 'publish', version: d.version + 1 });
    const ids = async (query: string) =>
      ((await anonymous(ctx.app).get(`/api/v1/policies?${query}`)).json().items as { id: string }[]).map((p) => p.id);
    expect(await ids('supportType=talent')).toEqual([id]);
    expect(await ids('supportType=tax')).toEqual([]);
    expect(await ids(`beneficiary=${encodeURIComponent('科技型中小')}`)).toEqual([id]);
    expect(await ids(`beneficiary=${encodeURIComponent('远洋渔业船东')}`)).toEqual([]);
    const bad = await anonymous(ctx.app).get('/api/v1/policies?supportType=cash');
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
