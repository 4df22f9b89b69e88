import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  makeOrganization,
  makeUser,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

interface RankingReview {
  assignmentId: string;
  reviewerName: string;
  status: string;
  weightedScore: number | null;
}
interface RankingItem {
  id: string;
  title: string;
  organizationName: string;
  rank: number | null;
  mean: number | null;
  count: number;
  status: string;
  reviews: RankingReview[];
}

/** A call with needs titled `titles` from as many organisations, closed and in review. */
async function callInReview(titles: string[]) {
  const now = Date.now();
  const call = await makeCall(ctx.services, {
    input: {
      title: `评审导出测试征集${now}`,
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 3600_000).toISOString(),
      reviewScheme: {
        reviewersPerItem: 3,
        blind: true,
        criteria: [
          { key: 'urgency', name: '需求迫切性', weight: 60 },
          { key: 'feasibility', name: '技术可行性', weight: 40 },
        ],
      },
    },
  });
  const items: string[] = [];
  for (const title of titles) {
    const o = await orgUser(ctx);
    const id = (await o.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title }) })).json().id as string;
    expect((await o.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    items.push(id);
  }
  expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).json().status).toBe('closed');
  expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'start_review' })).json().status).toBe('reviewing');
  return { call, items };
}

async function reviewer(name: string) {
  const org = await makeOrganization(ctx.services, { kind: 'university' });
  const user = await makeUser(ctx.services, org.id, ['reviewer']);
  await ctx.handle.db.update(schema.users).set({ displayName: name }).where(eq(schema.users.id, user.id));
  return { user, client: await login(ctx.app, user.email), name };
}
type Reviewer = Awaited<ReturnType<typeof reviewer>>;

async function assign(callId: string, submissionId: string, r: Reviewer) {
  const res = await operator.post(`/api/v1/calls/${callId}/assignments`, { submissionId, reviewerUserId: r.user.id });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
async function score(r: Reviewer, id: string, urgency: number, feasibility: number, opts: { comment?: string; submit?: boolean } = {}) {
  const res = await r.client.request('PUT', `/api/v1/reviews/assignments/${id}`, {
    scores: { urgency, feasibility },
    comments: opts.comment ? { urgency: opts.comment } : {},
    submit: opts.submit ?? true,
  });
  expect(res.statusCode).toBe(200);
}

const col = (header: string[], name: string) => {
  const i = header.indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return i;
};
const unquote = (s: string) => s.replace(/^'/, '');

describe('导出 Excel of 评审排名 and 评分明细', () => {
  it('lists the ranking in the API’s order with its scores, the mean per criterion, and each reviewer’s saved scores', async () => {
    const { call, items } = await callInReview(['导出测试：产线视觉质检', '=SUM(1,2)', '导出测试：无人评审的需求']);
    const [first, formula, none] = items as [string, string, string];
    const [r1, r2, r3] = [await reviewer('专家甲'), await reviewer('专家乙'), await reviewer('专家丙')];

    // First item: three submitted scores. Second: one submitted, one conflict, one unsubmitted draft.
    const a11 = await assign(call.id, first, r1);
    const a12 = await assign(call.id, first, r2);
    const a13 = await assign(call.id, first, r3);
    await score(r1, a11, 90, 80, { comment: '需求明确，场景清晰' });
    await score(r2, a12, 70, 60);
    await score(r3, a13, 80, 100);
    const a21 = await assign(call.id, formula, r1);
    const a22 = await assign(call.id, formula, r2);
    const a23 = await assign(call.id, formula, r3);
    await score(r1, a21, 50, 50);
    expect((await r2.client.post(`/api/v1/reviews/assignments/${a22}/conflict`, { reason: '与申报单位有合作关系' })).statusCode).toBe(200);
    await score(r3, a23, 99, 99, { submit: false, comment: '草稿意见' });
    expect((await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: [first], action: 'select' })).statusCode).toBe(200);

    const api = (await operator.get(`/api/v1/calls/${call.id}/ranking`)).json() as { items: RankingItem[] };
    const file = await readExport(await operator.get(`/api/v1/calls/${call.id}/ranking/export.xlsx`));
    expect(file.sheet).toBe('评审排名');
    expect(Object.keys(file.sheets)).toEqual(['评审排名', '评分明细']);
    expect(file.fileName).toMatch(/^评审排名_评审导出测试征集\d+_\d{8}-\d{4}\.xlsx$/);
    expect(file.info).toMatchObject({ 导出内容: '评审排名', 条目数: '3', 筛选条件: `征集：${call.title}` });

    // 评审排名: the API's order, ranks and scores.
    const h = file.header;
    expect(h).toEqual(expect.arrayContaining(['需求迫切性（60%）均分', '技术可行性（40%）均分', '已评分专家数', '分配专家数', '遴选状态']));
    expect(file.rows.map((r) => unquote(r[col(h, '项目名称')]!))).toEqual(api.items.map((i) => i.title));
    expect(file.rows.map((r) => r[col(h, '排名')])).toEqual(api.items.map((i) => (i.rank === null ? '' : String(i.rank))));
    expect(file.rows.map((r) => r[col(h, '平均分')])).toEqual(api.items.map((i) => (i.mean === null ? '' : String(i.mean))));
    expect(file.rows.map((r) => r[col(h, '已评分专家数')])).toEqual(api.items.map((i) => String(i.count)));
    expect(file.rows.map((r) => r[col(h, '填报单位')])).toEqual(api.items.map((i) => i.organizationName));
    expect(api.items.map((i) => i.id)).toEqual([first, formula, none]);
    // Formula-looking text is neutralised.
    expect(file.rows[1]![col(h, '项目名称')]).toBe("'=SUM(1,2)");
    const [row1, row2, row3] = file.rows as [string[], string[], string[]];
    expect(row1[col(h, '需求迫切性（60%）均分')]).toBe('80');
    expect(row1[col(h, '技术可行性（40%）均分')]).toBe('80');
    expect(row1[col(h, '平均分')]).toBe(String(api.items[0]!.mean));
    expect(row1[col(h, '分配专家数')]).toBe('3');
    expect(row1[col(h, '遴选状态')]).toBe('已入选');
    expect(row1[col(h, '清单类型')]).toBe('场景需求');
    // The conflict's slot is refilled by another reviewer: the count follows the API.
    const activeOf2 = api.items[1]!.reviews.filter((r) => r.status !== 'conflict_declared').length;
    expect(row2[col(h, '分配专家数')]).toBe(String(activeOf2));
    expect(row2[col(h, '已评分专家数')]).toBe('1');
    expect(row2[col(h, '需求迫切性（60%）均分')]).toBe('50');
    expect(row2[col(h, '遴选状态')]).toBe('评审中');
    expect(row3[col(h, '排名')]).toBe('');
    expect(row3[col(h, '已评分专家数')]).toBe('0');

    // 评分明细: one row per item and reviewer, in the ranking's order, as saved.
    const detail = file.sheets['评分明细']!;
    const d = detail.header;
    expect(d).toEqual(
      expect.arrayContaining(['评审专家', '需求迫切性（60%）', '技术可行性（40%）', '加权总分', '评审意见', '提交时间', '声明回避']),
    );
    expect(detail.rows.map((r) => [unquote(r[col(d, '项目名称')]!), r[col(d, '评审专家')], r[col(d, '加权总分')]])).toEqual(
      api.items.flatMap((i) => i.reviews.map((x) => [i.title, x.reviewerName, x.weightedScore === null ? '' : String(x.weightedScore)])),
    );
    const rowOf = (title: string, name: string) =>
      detail.rows.find((r) => unquote(r[col(d, '项目名称')]!) === title && r[col(d, '评审专家')] === name)!;
    const r1First = rowOf('导出测试：产线视觉质检', r1.name);
    expect(r1First[col(d, '需求迫切性（60%）')]).toBe('90');
    expect(r1First[col(d, '技术可行性（40%）')]).toBe('80');
    expect(r1First[col(d, '加权总分')]).toBe('86');
    expect(r1First[col(d, '评审意见')]).toBe('需求迫切性：需求明确，场景清晰');
    expect(r1First[col(d, '提交时间')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(r1First[col(d, '声明回避')]).toBe('否');
    expect(rowOf('=SUM(1,2)', r2.name)).toEqual(expect.arrayContaining(['已回避', '是', '与申报单位有合作关系']));
    // A draft the reviewer may still change shows no scores and no comment.
    const draft = rowOf('=SUM(1,2)', r3.name);
    expect(draft[col(d, '任务状态')]).toBe('待评分');
    expect([draft[col(d, '需求迫切性（60%）')], draft[col(d, '加权总分')], draft[col(d, '评审意见')], draft[col(d, '提交时间')]]).toEqual([
      '',
      '',
      '',
      '',
    ]);

    // The page's filters: status, keyword, only large spreads.
    const selected = await readExport(await operator.get(`/api/v1/calls/${call.id}/ranking/export.xlsx?status=selected`));
    expect(selected.rows.map((r) => r[col(h, '项目名称')])).toEqual(['导出测试：产线视觉质检']);
    expect(selected.sheets['评分明细']!.rows).toHaveLength(3);
    expect(selected.info['筛选条件']).toBe(`征集：${call.title}；遴选状态：已入选`);
    const byWord = await readExport(await operator.get(`/api/v1/calls/${call.id}/ranking/export.xlsx?q=${encodeURIComponent('无人评审')}`));
    expect(byWord.rows.map((r) => r[col(h, '项目名称')])).toEqual(['导出测试：无人评审的需求']);
    expect(byWord.sheets['评分明细']!.rows).toEqual([]);
    const spread = await readExport(await operator.get(`/api/v1/calls/${call.id}/ranking/export.xlsx?spread=true`));
    // 86, 66 and 88 differ by 22, more than the threshold of 20; the second item has one score.
    expect(spread.rows.map((r) => r[col(h, '项目名称')])).toEqual(['导出测试：产线视觉质检']);
    expect(spread.rows[0]![col(h, '分差')]).toBe('22');
    expect((await operator.get(`/api/v1/calls/${call.id}/ranking/export.xlsx?status=nonsense`)).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses whoever the ranking refuses, with the same answer', async () => {
    const { call } = await callInReview(['导出权限测试需求']);
    const member = (await orgUser(ctx)).client;
    const expert = (await reviewer('专家丁')).client;
    const broker = (await platformUser(ctx, ['broker'])).client;
    for (const c of [member, expert, broker, anonymous(ctx.app)]) {
      const ranking = await c.get(`/api/v1/calls/${call.id}/ranking`);
      const exported = await c.get(`/api/v1/calls/${call.id}/ranking/export.xlsx`);
      expect(ranking.statusCode).toBeGreaterThanOrEqual(401);
      expect([exported.statusCode, exported.json().error.code]).toEqual([ranking.statusCode, ranking.json().error.code]);
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    const [ranking, exported] = [
      await operator.get(`/api/v1/calls/${missing}/ranking`),
      await operator.get(`/api/v1/calls/${missing}/ranking/export.xlsx`),
    ];
    expect(ranking.statusCode).toBe(404);
    expect([exported.statusCode, exported.json().error.code]).toEqual([404, ranking.json().error.code]);
  });

  it('a call without assignments gives a valid file: unranked items and no score rows, or nothing at all', async () => {
    const { call } = await callInReview(['尚未分配的需求']);
    const file = await readExport(await operator.get(`/api/v1/calls/${call.id}/ranking/export.xlsx`));
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]![col(file.header, '排名')]).toBe('');
    expect(file.sheets['评分明细']).toEqual({ header: expect.arrayContaining(['评审专家']), rows: [] });

    const empty = await makeCall(ctx.services);
    const nothing = await readExport(await operator.get(`/api/v1/calls/${empty.id}/ranking/export.xlsx`));
    expect(nothing.rows).toEqual([]);
    expect(nothing.sheets['评分明细']!.rows).toEqual([]);
    expect(nothing.info['条目数']).toBe('0');
  });
});
