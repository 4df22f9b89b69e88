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
