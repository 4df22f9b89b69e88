import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import { createTestContext, platformUser, type Client, type TestContext } from '../testing.js';
import { scanSubscriptions } from '@scenebridge/app/subscriptions';
import { searchMatcher } from '@scenebridge/app/subscriptions';

const VISION_NEED = {
  title: '冲压件表面划痕机器视觉在线检测',
  description: '冲压车间每天生产零部件约两万件，表面划痕、凹坑依靠人工目检，希望引入机器视觉在线检测，检出率99%以上。',
  sector: 'manufacturing',
  techFields: ['computer_vision'],
};
const HOSPITAL_NEED = {
  title: '门诊智能导诊与分诊',
  description: '门诊高峰排队时间长，患者不清楚挂哪个科室，希望通过智能问答实现分诊引导，缩短候诊时间。',
  sector: 'healthcare',
  techFields: ['nlp'],
};
const VISION_CAP = {
  title: '工业视觉缺陷检测平台',
  description: '支持小样本训练的工业视觉缺陷检测平台，可检测划痕、凹坑、缺料等表面缺陷，已在汽车零部件产线部署，检出率99%以上。',
  techFields: ['computer_vision'],
  sectors: ['manufacturing'],
  maturityTrl: 8,
  regionCode: '500112',
};

let ctx: TestContext;
let operator: Client;
let supplier: Client;
let capabilityId: string;

const hitsOf = async (subscriptionId: string) =>
  (await ctx.services.db.select().from(schema.subscriptionHits).where(eq(schema.subscriptionHits.subscriptionId, subscriptionId))).map(
    (h) => h.submissionId,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  const caps = await publishThroughApi(ctx, operator, { listType: 'capability', items: [VISION_CAP] });
  capabilityId = caps.submissionIds[0]!;
  supplier = caps.owners[0]!;
}, 60_000);
afterAll(async () => ctx?.close());

describe('subscriptions matched by the search index', () => {
  it('a saved search and a match-me profile find the newly published need that fits, not the other', async () => {
    const saved = await supplier.post('/api/v1/subscriptions', {
      kind: 'saved_search',
      name: '视觉检测需求',
      frequency: 'daily',
      query: { q: '机器视觉 检测', listType: 'scenario_need' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const profile = await supplier.post('/api/v1/subscriptions', {
      kind: 'match_profile',
      name: '与我的能力匹配',
      frequency: 'weekly',
      query: { submissionIds: [capabilityId] },
    });
    expect(profile.statusCode, profile.body).toBe(201);
    // Subscriptions see items published after they began.
    ctx.setNow(new Date(ctx.services.now().getTime() + 60_000));
    const needs = await publishThroughApi(ctx, operator, { items: [VISION_NEED, HOSPITAL_NEED] });

    const report = await scanSubscriptions(ctx.services, searchMatcher(ctx.services));
    expect(report.hits).toBeGreaterThanOrEqual(2);
    expect(await hitsOf(saved.json().id)).toEqual([needs.submissionIds[0]]);
    expect(await hitsOf(profile.json().id)).toEqual([needs.submissionIds[0]]);

    // Scanning again finds nothing new and writes nothing twice.
    const again = await scanSubscriptions(ctx.services, searchMatcher(ctx.services));
    expect(again.hits).toBe(0);
    expect(await hitsOf(saved.json().id)).toHaveLength(1);
  });
});
