import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;
let needId: string;

const search = async (q: string) =>
  (await anonymous(ctx.app).get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json() as { items: Array<{ id: string }>; terms: string[] };

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  needId = (
    await publishThroughApi(ctx, operator, {
      items: [
        { title: '白车身焊点智能质检', description: '车身焊装线焊点数量多，人工用凿检和目检抽查，希望通过图像识别判断焊点虚焊、漏焊。' },
      ],
    })
  ).submissionIds[0]!;
}, 60_000);
afterAll(async () => ctx?.close());

describe('operator vocabulary', () => {
  it('a synonym group added in the app makes a word the documents do not use find them', async () => {
    expect((await search('熔接点')).items.map((h) => h.id)).not.toContain(needId);
    const res = await operator.post('/api/v1/search/synonyms', { kind: 'near', terms: ['熔接点', '焊点'], note: '企业常用叫法' });
    expect(res.statusCode, res.body).toBe(201);
    await ctx.services.search.settled();
    expect((await search('熔接点')).items.map((h) => h.id)).toContain(needId);

    const list = (await operator.get('/api/v1/search/synonyms')).json();
    expect(list.items).toEqual([expect.objectContaining({ kind: 'near', terms: ['熔接点', '焊点'] })]);
    expect((await operator.delete(`/api/v1/search/synonyms/${res.json().id}?reason=${encodeURIComponent('误加')}`)).statusCode).toBe(204);
    await ctx.services.search.settled();
    expect((await search('熔接点')).items.map((h) => h.id)).not.toContain(needId);
    const audit = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, res.json().id));
    expect(audit.map((e) => e.action)).toEqual(['search.synonym_added', 'search.synonym_removed']);
  });

  it('a dictionary word added in the app is kept whole by segmentation', async () => {
    expect((await search('凿检抽查')).terms).not.toContain('凿检抽查');
    const res = await operator.post('/api/v1/search/terms', { term: '凿检抽查' });
    expect(res.statusCode, res.body).toBe(201);
    await ctx.services.search.settled();
    expect((await search('凿检抽查')).terms).toContain('凿检抽查');
    expect((await operator.post('/api/v1/search/terms', { term: '凿检抽查' })).json().error.code).toBe('TERM_EXISTS');
  });

  it('refuses bad entries with Chinese messages and changes nothing', async () => {
    const before = (await operator.get('/api/v1/search/terms')).json().items.length;
    for (const body of [{ term: '一' }, { term: '<script>' }, { term: 'x'.repeat(31) }]) {
      const res = await operator.post('/api/v1/search/terms', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await operator.post('/api/v1/search/synonyms', { kind: 'near', terms: ['视觉'] })).statusCode).toBe(400);
    expect((await operator.post('/api/v1/search/synonyms', { kind: 'same', terms: ['视觉', '图像'] })).statusCode).toBe(400);
    expect((await operator.post('/api/v1/search/synonyms', { kind: 'near', terms: ['视觉', '视觉'] })).statusCode).toBe(400);
    expect((await operator.get('/api/v1/search/terms')).json().items.length).toBe(before);
  });

  it('is for operators only', async () => {
    const member = (await orgUser(ctx)).client;
    const broker = (await platformUser(ctx, ['broker'])).client;
    for (const c of [member, broker]) {
      expect((await c.get('/api/v1/search/terms')).statusCode).toBe(403);
      expect((await c.post('/api/v1/search/terms', { term: '低空经济' })).statusCode).toBe(403);
      expect((await c.post('/api/v1/search/synonyms', { kind: 'near', terms: ['低空', '无人机'] })).statusCode).toBe(403);
    }
    expect((await anonymous(ctx.app).get('/api/v1/search/synonyms')).statusCode).toBe(401);
  });
});

describe('built-in synonym groups', () => {
  it('lists what a fresh install ships with, read-only, searchable by a word in any group or expansion', async () => {
    const all = (await operator.get('/api/v1/search/synonyms/builtin?pageSize=100')).json() as {
      items: { kind: string; terms: string[]; expandsTo: string[]; source: string }[];
      total: number;
    };
    expect(all.total).toBeGreaterThan(100);
    expect(all.items).toHaveLength(100);

    // The dictionary page's own example, 瑕疵/缺陷, is already linked: the page must say so.
    const flaw = (await operator.get(`/api/v1/search/synonyms/builtin?q=${encodeURIComponent('瑕疵')}&pageSize=100`)).json() as typeof all;
    expect(flaw.total).toBe(flaw.items.length);
    expect(flaw.items.every((g) => [...g.terms, ...g.expandsTo].some((t) => t.includes('瑕疵')))).toBe(true);
    expect(flaw.items.some((g) => g.terms.includes('瑕疵') && [...g.terms, ...g.expandsTo].includes('缺陷'))).toBe(true);

    // Upper-case Latin finds the lower-case table entries, as search does.
    const ai = (await operator.get('/api/v1/search/synonyms/builtin?q=AI&source=general')).json() as typeof all;
    expect(ai.items.some((g) => g.terms.includes('人工智能'))).toBe(true);
    expect(ai.items.every((g) => g.source === 'general')).toBe(true);

    const colloquial = (await operator.get('/api/v1/search/synonyms/builtin?source=colloquial&pageSize=100')).json() as typeof all;
    expect(colloquial.total).toBeGreaterThan(0);
    expect(colloquial.items.every((g) => g.source === 'colloquial')).toBe(true);

    const pageTwo = (await operator.get('/api/v1/search/synonyms/builtin?page=2&pageSize=100')).json() as typeof all;
    expect(pageTwo.items[0]).not.toEqual(all.items[0]);
    expect((await operator.get('/api/v1/search/synonyms/builtin?pageSize=1000')).statusCode).toBe(400);
  });
});
