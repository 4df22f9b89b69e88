import { schema } from '@scenebridge/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import { anonymous, createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type Client, type TestContext } from '../testing.js';

const STEEL = { title: '冷轧钢板表面缺陷机器视觉在线检测', description: '冷轧产线钢板表面的划伤、辊印、夹杂等缺陷目前靠人工在线目视抽检，漏检多、劳动强度大，希望采用机器视觉对钢板表面缺陷进行在线自动检测和分类。' };
const STEEL_REWORDED = { title: '钢板表面瑕疵视觉自动识别', description: '我厂冷轧线钢板表面有划痕、辊印等瑕疵，现在依靠工人肉眼检查，容易漏检，想用工业相机和深度学习自动识别钢板表面瑕疵并分类。' };
const PHARMA = { title: '药品包装缺陷机器视觉检测', description: '药厂包装线上的铝塑泡罩缺粒、破损、批号印刷不清等包装缺陷依靠人工抽检，希望采用机器视觉对药品包装缺陷进行在线检测剔除。' };
const BRIDGE = { title: '跨江大桥结构健康监测预警', description: '跨江大桥的振动、挠度、索力数据分散在多个系统，需要统一接入并利用数据智能实现结构异常的自动预警与养护决策支持。' };

let ctx: TestContext;
let operator: Client;
let needs: Awaited<ReturnType<typeof publishThroughApi>>;
let hidden: { client: Client; id: string };

const check = async (c: Client, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/v1/quality/check', { listType: 'scenario_need', data, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { duplicates: Array<{ id: string | null; title: string | null; similarity: number; visible: boolean; sharedTerms: string[] }>; hints: Array<{ code: string; field: string; message: string }> };
};

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  needs = await publishThroughApi(ctx, operator, { items: [STEEL, PHARMA] });
  // A submitted, unpublished need of another organisation: a near-duplicate of BRIDGE.
  const owner = await orgUser(ctx);
  const call = await makeCall(ctx.services, { status: 'open' });
  const id = (await owner.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ ...BRIDGE, sector: 'city', techFields: ['iot_sensing'] }) })).json().id;
  await owner.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
  hidden = { client: owner.client, id };
}, 90_000);
afterAll(async () => ctx?.close());

describe('POST /quality/check', () => {
  it('warns about a published need worded differently, with its similarity and a link', async () => {
    const r = await check((await orgUser(ctx)).client, STEEL_REWORDED);
    expect(r.duplicates[0]).toMatchObject({ id: needs.submissionIds[0], title: STEEL.title, visible: true });
    expect(r.duplicates[0]!.similarity).toBeGreaterThan(0);
    expect(r.duplicates[0]!.similarity).toBeLessThanOrEqual(1);
    expect(r.duplicates.map((d) => d.id)).not.toContain(needs.submissionIds[1]);
  });

  it('does not call a need a duplicate because it shares words with another', async () => {
    const r = await check((await orgUser(ctx)).client, { title: '汽车轮毂铸造缺陷机器视觉检测', description: '铝合金轮毂铸造后的气孔、缩松、裂纹依靠人工X光片判读，效率低，希望采用机器视觉对轮毂铸造缺陷进行自动检测。' });
    expect(r.duplicates.map((d) => d.id)).not.toContain(needs.submissionIds[0]);
    expect(r.duplicates.map((d) => d.id)).not.toContain(needs.submissionIds[1]);
  });

  it("reports another organisation's unpublished near-duplicate without naming it; its owner sees it", async () => {
    const reworded = { title: '大桥结构安全监测与智能预警', description: '辖区跨江大桥的振动、挠度和索力监测数据分散，希望统一接入平台并自动预警桥梁结构异常，辅助养护决策。' };
    const stranger = await check((await orgUser(ctx)).client, reworded);
    expect(stranger.duplicates[0]).toMatchObject({ id: null, title: null, visible: false });
    const own = await check(hidden.client, reworded);
    expect(own.duplicates[0]).toMatchObject({ id: hidden.id, visible: true });
    // Editing the item itself does not report it as its own duplicate.
    expect((await check(hidden.client, BRIDGE, { submissionId: hidden.id })).duplicates.map((d) => d.id)).not.toContain(hidden.id);
  });

  it('flags vague entries with concrete hints, and none of those for a complete one', async () => {
    const vague = await check((await orgUser(ctx)).client, { title: '智能化改造', description: '希望提升智能化水平。', expectedOutcome: '提升效率' });
    expect(vague.hints.map((h) => h.code)).toEqual(expect.arrayContaining(['NO_LOCATION', 'NO_BUDGET', 'NO_MEASURABLE_OUTCOME', 'DESCRIPTION_TOO_SHORT']));
    for (const h of vague.hints) expect(h.message).toMatch(/[\u4e00-\u9fff]/);
    const complete = await check((await orgUser(ctx)).client, scenarioNeedData());
    expect(complete.hints.map((h) => h.code)).not.toEqual(expect.arrayContaining(['NO_LOCATION']));
    expect(complete.hints.map((h) => h.code)).not.toContain('NO_BUDGET');
    expect(complete.hints.map((h) => h.code)).not.toContain('NO_MEASURABLE_OUTCOME');
  });

  it('needs a login and a valid list type', async () => {
    expect((await anonymous(ctx.app).post('/api/v1/quality/check', { listType: 'scenario_need', data: STEEL })).statusCode).toBe(401);
    expect((await operator.post('/api/v1/quality/check', { listType: 'policy', data: STEEL })).statusCode).toBe(400);
  });
});

describe('duplicate clusters and merging', () => {
  let a: string;
  let b: string;

  beforeAll(async () => {
    // Two departments submit the same need to an open call (merging happens before publication:
    // a published batch is a public record).
    const call = await makeCall(ctx.services, { status: 'open' });
    const ids: string[] = [];
    for (const data of [
      { title: '社区独居老人跌倒智能监测报警', description: '社区独居老人在家中跌倒后无法及时呼救，希望在老人家中部署毫米波雷达等非接触设备，自动识别跌倒并通知社区网格员和家属。', sector: 'elderly_care' },
      { title: '居家老人摔倒自动识别与紧急呼叫', description: '辖区独居老年人居家摔倒后常常无人发现，计划安装非接触式雷达感知设备，自动识别老人摔倒并向社区和子女发出紧急呼叫。', sector: 'elderly_care' },
    ]) {
      const owner = (await orgUser(ctx)).client;
      const id = (await owner.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData(data) })).json().id as string;
      expect((await owner.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
      ids.push(id);
    }
    [a, b] = ids as [string, string];
  }, 60_000);

  it('shows operators clusters of near-duplicates across organisations', async () => {
    const res = await operator.get('/api/v1/duplicates/clusters?listType=scenario_need');
    expect(res.statusCode, res.body).toBe(200);
    const cluster = (res.json().clusters as Array<{ items: Array<{ id: string }>; pairs: Array<{ similarity: number }> }>)
      .find((c) => c.items.some((i) => i.id === a));
    expect(cluster?.items.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(cluster!.pairs[0]!.similarity).toBeGreaterThan(0);
    expect((await (await orgUser(ctx)).client.get('/api/v1/duplicates/clusters')).statusCode).toBe(403);
  });

  it('merges one into the other: through the state machine, audited, both owners told', async () => {
    const res = await operator.post('/api/v1/duplicates/merge', { keepId: a, mergeIds: [b], reason: '两条需求描述同一场景，合并后统一对接' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ keptId: a, merged: [b] });
    const [row] = await ctx.services.db.select().from(schema.submissions).where(eq(schema.submissions.id, b));
    expect(row).toMatchObject({ status: 'merged', mergedIntoId: a, statusReason: '两条需求描述同一场景，合并后统一对接' });
    const audit = await ctx.services.db.select().from(schema.auditEvents).where(inArray(schema.auditEvents.entityId, [a, b]));
    expect(audit.filter((e) => e.action === 'submission.merge')).toEqual([expect.objectContaining({ entityId: b, fromState: 'submitted', toState: 'merged' })]);
    expect(audit.map((e) => e.action)).toContain('submission.merged_in');
    const notes = await ctx.services.db.select().from(schema.notifications).where(eq(schema.notifications.kind, 'submission.merged'));
    expect(new Set(notes.map((n) => n.userId)).size).toBe(2);
    // The merged need's detail page points to the one it went into.
    const detail = await operator.get(`/api/v1/listings/${b}`);
    expect(detail.json()).toMatchObject({ id: b, status: 'merged', mergedIntoId: a });
    expect((await operator.get(`/api/v1/listings/${a}`)).json()).toMatchObject({ id: a, mergedIntoId: null });

    const again = await operator.post('/api/v1/duplicates/merge', { keepId: a, mergeIds: [b], reason: '再次合并' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses bad merges and changes nothing', async () => {
    const [x, y] = needs.submissionIds as [string, string];
    expect((await (await orgUser(ctx)).client.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [y], reason: '我要合并' })).statusCode).toBe(403);
    // Published entries are a public record: not merged away.
    expect((await operator.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [y], reason: '已发布的重复项' })).json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await operator.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [x], reason: '自己' })).json().error.code).toBe('INVALID_MERGE');
    expect((await operator.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [y], reason: '' })).statusCode).toBe(400);
    const rows = await ctx.services.db.select().from(schema.submissions).where(inArray(schema.submissions.id, [x, y]));
    expect(rows.map((r) => r.status)).toEqual(['published', 'published']);
  });
});
