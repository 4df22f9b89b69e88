import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeOrganization, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2030-03-01T02:00:00Z') });
});
afterAll(async () => {
  await ctx?.close();
});

describe('/public/challenges', () => {
  it('lists only open challenges, with the reward, the countdown and the eligibility, and no script', async () => {
    const org = await makeOrganization(ctx.services);
    const open = await makeChallenge(ctx.services, org.id, {
      status: 'open',
      input: {
        title: '公开页面测试揭榜中榜单',
        rewardFen: 123_450_000,
        applicationDeadline: '2030-03-11T10:00:00+08:00',
        eligibility: { organizationKinds: ['ai_company'], qualifications: ['high_tech_enterprise'] },
      },
    });
    const hidden = await Promise.all(
      ['draft', 'pending_review', 'closed'].map((status) =>
        makeChallenge(ctx.services, org.id, { status, input: { title: `公开页面测试${status}榜单` } }),
      ),
    );
    const res = await ctx.app.inject({ method: 'GET', url: '/public/challenges' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('公开页面测试揭榜中榜单');
    for (const h of hidden) expect(res.body).not.toContain(h.title);
    expect(res.body).toContain('123.45万元');
    expect(res.body).toContain('距截止还有 10 天');
    expect(res.body).toContain('单位类型：人工智能企业');
    expect(res.body).toContain('资质要求：高新技术企业');
    expect(res.body).toContain('无失信记录');
    expect(res.body).not.toContain('<script');

    const detail = await ctx.app.inject({ method: 'GET', url: `/public/challenges/${open.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('缺陷检出率');
    expect(detail.body).toContain('技术先进性（30%）');
    expect((await ctx.app.inject({ method: 'GET', url: `/public/challenges/${hidden[0]!.id}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/public/challenges/${hidden[2]!.id}` })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/public/challenges/not-an-id' })).statusCode).toBe(404);
  });
});
