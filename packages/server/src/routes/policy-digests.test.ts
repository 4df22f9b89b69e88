import { policySeedText, type PolicySeedId } from '@scenebridge/demo';
import { insertSubscription, schema } from '@scenebridge/db';
import { count, eq, like } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, makeUser, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const seed = (prefix: string) => policySeedText(prefix.slice(0, 3) as PolicySeedId);

interface Digest {
  id: string;
  title: string;
  status: string;
  version: number;
  numberText: string | null;
  issueNo: number | null;
  totalNo: number | null;
  publisher: string;
  allowedActions: string[];
  directions: { title: string; text: string }[];
  items: {
    seq: number;
    policy: { id: string; title: string };
    summary: string;
    measureIds: string[];
    measures: { id: string; text: string }[];
  }[];
}
interface PolicyDetail {
  id: string;
  title: string;
  version: number;
  measures: { id: string; terms: { type: string }[] }[];
}

let ctx: TestContext;
let operator: Client;
let member: Client;
let anon: Client;
/** Seeds 000 and 001, ingested and published through the API. */
let policies: PolicyDetail[];
let draftPolicyId: string;
let subscriberEmails: string[];

async function ingest(prefix: string, publish: boolean): Promise<PolicyDetail> {
  const id = (await operator.post('/api/v1/policies', { text: seed(prefix) })).json().id as string;
  if (publish) {
    const v = (await operator.get(`/api/v1/policies/${id}`)).json().version as number;
    expect((await operator.post(`/api/v1/policies/${id}/transitions`, { action: 'publish', version: v })).statusCode).toBe(200);
  }
  return (await operator.get(`/api/v1/policies/${id}`)).json() as PolicyDetail;
}

const put = (c: Client, id: string, body: unknown) => c.request('PUT', `/api/v1/policy-digests/${id}`, body);
const digestCount = async () => (await ctx.services.db.select({ n: count() }).from(schema.policyDigests))[0]!.n;
const row = async (id: string) => (await ctx.services.db.select().from(schema.policyDigests).where(eq(schema.policyDigests.id, id)))[0]!;
const itemsOf = async (id: string) =>
  ctx.services.db.select().from(schema.policyDigestItems).where(eq(schema.policyDigestItems.digestId, id));
const mailsOf = (id: string) =>
  ctx.services.db
    .select()
    .from(schema.outbox)
    .where(like(schema.outbox.dedupeKey, `policy_digest:${id}:%`));

async function compose(policyIds: string[], title = '2026年第一季度政策动态'): Promise<Digest> {
  const res = await operator.post('/api/v1/policy-digests', { title, policyIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Digest;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-03-02T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
  const m = await orgUser(ctx);
  member = m.client;
  anon = anonymous(ctx.app);
  policies = [await ingest('000', true), await ingest('001', true)];
  draftPolicyId = (await ingest('003', false)).id;

  // Subscribers to 政策动态: two users (one holding two subscriptions), and three who are not:
  // unsubscribed, email turned off, and a saved search of another kind.
  const sub = (userId: string, kind: string, extra: { unsubscribedAt?: Date; emailEnabled?: boolean } = {}) =>
    insertSubscription(ctx.services.db, {
      userId,
      organizationId: m.org.id,
      kind,
      name: '政策动态',
      query: {},
      frequency: 'weekly',
      ...extra,
    });
  const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(ctx.services, m.org.id, ['org_member'])));
  await sub(a!.id, 'policy_digest');
  await sub(a!.id, 'policy_digest');
  await sub(b!.id, 'policy_digest');
  await sub(c!.id, 'policy_digest', { unsubscribedAt: new Date() });
  await sub(d!.id, 'policy_digest', { emailEnabled: false });
  await sub(e!.id, 'saved_search');
  subscriberEmails = [a!.email, b!.email].sort();
}, 180_000);
afterAll(async () => ctx?.close());

describe('policy digests', () => {
  let first: Digest;

  it('composes a draft from published policies, in the order given, with summaries, key measures and three directions', async () => {
    const [p000, p001] = policies as [PolicyDetail, PolicyDetail];
    first = await compose([p001.id, p000.id]);
    expect(first.status).toBe('draft');
    expect(first.numberText).toBeNull();
    expect(first.allowedActions.sort()).toEqual(['edit', 'publish']);
    expect(first.items.map((i) => i.policy.id)).toEqual([p001.id, p000.id]);
    for (const item of first.items) {
      const policy = policies.find((p) => p.id === item.policy.id)!;
      expect(item.summary.split('\n')[0]).toContain(policy.title);
      expect(item.measureIds.length).toBeGreaterThan(0);
      expect(item.measureIds.length).toBeLessThanOrEqual(5);
      // Key measures are the policy's own, each with a term that is not just a date.
      for (const id of item.measureIds) {
        const m = policy.measures.find((x) => x.id === id);
        expect(m?.terms.some((t) => t.type !== 'date')).toBe(true);
      }
      expect(item.summary.split('\n')).toHaveLength(item.measureIds.length + 1);
      expect(item.measures.map((m) => m.id)).toEqual(item.measureIds);
    }
    expect(first.items[1]!.summary).toContain('提高间接费用比例');
    expect(first.directions).toHaveLength(3);
    expect(new Set(first.directions.map((d) => d.title)).size).toBe(3);
    const audit = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, first.id));
    expect(audit.map((e) => e.action)).toEqual(['policy_digest.created']);
  });

  it('keeps drafts from everyone but operators', async () => {
    for (const c of [anon, member]) {
      for (const path of ['', '/export.docx', '/export.html'])
        expect((await c.get(`/api/v1/policy-digests/${first.id}${path}`)).statusCode).toBe(404);
      expect((await c.get('/api/v1/policy-digests')).json().total).toBe(0);
    }
    expect((await operator.get('/api/v1/policy-digests')).json().items.map((d: Digest) => d.id)).toEqual([first.id]);
    expect((await operator.get(`/api/v1/policy-digests/${first.id}/export.docx`)).statusCode).toBe(200);
  });

  it('edits a draft as a whole, optimistically; refuses measures of another policy and unpublished policies, changing nothing', async () => {
    const [p000, p001] = policies as [PolicyDetail, PolicyDetail];
    const foreign = first.items[0]!.measureIds[0]!; // a measure of 001
    const body = (over: object = {}) => ({
      version: first.version,
      title: '政策动态 <script>alert(1)</script>',
      intro: '本期编者按：聚焦科研经费与科技创新规划。',
      items: [
        { policyId: p000.id, summary: '重庆市科研经费管理改革要点。', measureIds: first.items[1]!.measureIds.slice(0, 2) },
        { policyId: p001.id, summary: first.items[0]!.summary, measureIds: first.items[0]!.measureIds },
      ],
      directions: [{ title: '科研经费管理改革', text: '研究间接费用比例的落实。' }],
      ...over,
    });
    const before = { row: await row(first.id), items: await itemsOf(first.id) };
    const bad = [
      await put(operator, first.id, body({ items: [{ policyId: p000.id, summary: 'x', measureIds: [foreign] }] })),
      await put(operator, first.id, body({ items: [{ policyId: draftPolicyId, summary: 'x', measureIds: [] }] })),
      await put(operator, first.id, body({ items: [] })),
      await put(operator, first.id, body({ title: '' })),
    ];
    for (const r of bad) expect([r.statusCode, r.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad[0]!.json().error.details).toEqual([{ path: 'items.0.measureIds.0', message: '措施不属于该政策' }]);
    expect((await put(operator, first.id, body({ version: first.version + 1 }))).statusCode).toBe(409);
    expect((await put(member, first.id, body())).statusCode).toBe(404);
    expect({ row: await row(first.id), items: await itemsOf(first.id) }).toEqual(before);

    const res = await put(operator, first.id, body());
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as Digest;
    expect(edited.version).toBe(first.version + 1);
    expect(edited.items.map((i) => [i.policy.id, i.measureIds.length])).toEqual([
      [p000.id, 2],
      [p001.id, first.items[0]!.measureIds.length],
    ]);
    expect(edited.items[0]!.summary).toBe('重庆市科研经费管理改革要点。');
    expect(edited.directions).toEqual([{ title: '科研经费管理改革', text: '研究间接费用比例的落实。' }]);
    first = edited;
  });

  it('publishes as 第1期（总第1期）, mails each subscriber once through the outbox, and then is final', async () => {
    expect((await member.post(`/api/v1/policy-digests/${first.id}/publish`, { version: first.version })).statusCode).toBe(404);
    expect((await operator.post(`/api/v1/policy-digests/${first.id}/publish`, { version: first.version - 1 })).statusCode).toBe(409);
    expect((await mailsOf(first.id)).length).toBe(0);
    const res = await operator.post(`/api/v1/policy-digests/${first.id}/publish`, { version: first.version });
    expect(res.statusCode, res.body).toBe(200);
    const pub = res.json() as Digest;
    expect([pub.status, pub.issueNo, pub.totalNo, pub.numberText]).toEqual(['published', 1, 1, '第1期（总第1期）']);
    expect(pub.allowedActions).toEqual([]);

    const mails = await mailsOf(first.id);
    expect(mails.map((m) => (m.payload as { to: string }).to).sort()).toEqual(subscriberEmails);
    const payload = mails[0]!.payload as { subject: string; text: string; html: string; headers: Record<string, string> };
    expect(payload.subject).toContain('第1期（总第1期）');
    expect(payload.html).toContain('&lt;script&gt;');
    expect(payload.html).not.toContain('<script>');
    expect(payload.headers['List-Unsubscribe']).toMatch(/\/api\/v1\/unsubscribe\?s=/);

    const again = await operator.post(`/api/v1/policy-digests/${first.id}/publish`, { version: pub.version });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const edit = await put(operator, first.id, { version: pub.version, title: '改标题', intro: null, items: [], directions: [] });
    expect(edit.statusCode).toBe(400);
    const edit2 = await put(operator, first.id, {
      version: pub.version,
      title: '改标题',
      intro: null,
      items: [{ policyId: policies[0]!.id, summary: 'x', measureIds: [] }],
      directions: [],
    });
    expect([edit2.statusCode, edit2.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await row(first.id)).title).toBe(first.title);
    expect((await mailsOf(first.id)).length).toBe(2);

    const audit = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, first.id));
    expect(audit.map((e) => e.action)).toEqual(['policy_digest.created', 'policy_digest.updated', 'policy_digest.publish']);
    expect(audit[2]!.data).toMatchObject({ issueNo: 1, totalNo: 1, emails: 2 });
    first = pub;
  });

  it('serves the published issue to the public: the DOCX carries masthead, number and every policy title; the HTML escapes', async () => {
    expect((await anon.get(`/api/v1/policy-digests/${first.id}`)).json().numberText).toBe('第1期（总第1期）');
    const docx = await anon.get(`/api/v1/policy-digests/${first.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('政策动态');
    expect(text).toContain('第1期（总第1期）');
    expect(text).toContain('本期推荐研究方向');
    for (const item of first.items) expect(text).toContain(`${item.seq === 0 ? '一、' : '二、'}${item.policy.title}`);
    expect(text).toContain('政策动态 &lt;script&gt;alert(1)&lt;/script&gt;');
    // A key measure's own words are printed.
    expect(text).toContain(first.items[0]!.measures[0]!.text.trim().split('\n')[0]);

    const page = await anon.get(`/api/v1/policy-digests/${first.id}/export.html`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<p class="masthead">政策动态</p>');
    expect(page.body).toContain('第1期（总第1期）');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toMatch(/<script/i);
    // Its own styles are markup, not escaped text.
    expect(page.body).toMatch(/<style>[^<]*font-family:"SimSun"/);
  });

  it('numbers the next issue 第2期（总第2期） and lists the archive newest first', async () => {
    const second = await compose([policies[0]!.id], '政策动态第二期');
    const pub = (await operator.post(`/api/v1/policy-digests/${second.id}/publish`, { version: second.version })).json() as Digest;
    expect(pub.numberText).toBe('第2期（总第2期）');
    const list = (await anon.get('/api/v1/policy-digests')).json();
    expect(list.items.map((d: Digest) => [d.id, d.numberText])).toEqual([
      [second.id, '第2期（总第2期）'],
      [first.id, '第1期（总第1期）'],
    ]);
  });

  it('refuses bad compositions and non-operators, storing nothing', async () => {
    const before = await digestCount();
    const ids = policies.map((p) => p.id);
    const bad = [
      { title: '空的', policyIds: [] },
      { title: '重复', policyIds: [ids[0], ids[0]] },
      { title: '过多', policyIds: Array.from({ length: 31 }, () => crypto.randomUUID()) },
      { title: '草稿政策', policyIds: [ids[0], draftPolicyId] },
      { title: '不存在', policyIds: [crypto.randomUUID()] },
      { title: '格式', policyIds: ['not-a-uuid'] },
      { title: '', policyIds: ids },
    ];
    for (const b of bad) {
      const r = await operator.post('/api/v1/policy-digests', b);
      expect([r.statusCode, r.json().error.code], JSON.stringify(b)).toEqual([400, 'VALIDATION_FAILED']);
    }
    const draft = await operator.post('/api/v1/policy-digests', { title: '草稿政策', policyIds: [ids[0], draftPolicyId] });
    expect(draft.json().error.details).toEqual([{ path: 'policyIds.1', message: '政策不存在或尚未发布' }]);
    expect((await member.post('/api/v1/policy-digests', { title: '成员', policyIds: ids })).statusCode).toBe(403);
    expect((await anon.post('/api/v1/policy-digests', { title: '匿名', policyIds: ids })).statusCode).toBe(401);
    expect(await digestCount()).toBe(before);
  });
});
