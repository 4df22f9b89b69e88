import { schema } from '@scenebridge/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import {
  anonymous,
  createTestContext,
  makeCall,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';

interface Part {
  key: string;
  label: string;
  weight: number;
  fit: number;
  points: number;
  share: number;
  detail: string;
}
interface Match {
  id: string;
  score: number;
  sharedTerms: string[];
  parts: Part[];
  pinned: { reason: string } | null;
}
interface Matches {
  items: Match[];
  excluded: Array<{ id: string; reason: string }>;
}

const NEEDS = [
  {
    title: '汽车焊装车间焊点质量机器视觉检测',
    description: '焊装线每班约1.2万个焊点依赖人工抽检，漏检率偏高，希望基于机器视觉实现焊点缺陷在线检测，节拍不超过3秒。',
    sector: 'manufacturing',
    techFields: ['computer_vision', 'industrial_internet'],
    regionCode: '500112',
  },
  {
    title: '三甲医院门诊智能导诊与分诊',
    description: '门诊高峰期挂号咨询排队时间长，患者不清楚应挂哪个科室，希望通过智能问答和大模型实现分诊引导。',
    sector: 'healthcare',
    techFields: ['nlp', 'foundation_models'],
    regionCode: '500103',
  },
  {
    title: '电子元器件外观缺陷视觉质检',
    description: '贴片元件外观缺陷种类多，现有人工目检效率低，希望引入深度学习视觉质检系统，缺陷检出率达到99%。',
    sector: 'manufacturing',
    techFields: ['computer_vision'],
    regionCode: '500113',
  },
];
const CAPABILITIES = [
  {
    title: '工业视觉缺陷检测平台',
    description:
      '支持小样本训练的工业视觉缺陷检测平台，可检测焊点、划痕、缺料等缺陷，已在汽车零部件、电子装配等二十余条产线部署，检出率99%以上。',
    techFields: ['computer_vision'],
    sectors: ['manufacturing'],
    maturityTrl: 8,
    regionCode: '500112',
  },
  {
    title: '医疗大模型智能导诊系统',
    description: '面向医院门诊的智能导诊问答系统，基于医疗大模型理解患者主诉并推荐科室，已在5家医院上线。',
    techFields: ['nlp', 'foundation_models'],
    sectors: ['healthcare'],
    maturityTrl: 7,
    regionCode: '500103',
  },
  {
    title: '农业植保无人机飞防服务',
    description: '提供植保无人机飞防作业与农田遥感巡检服务，覆盖柑橘、水稻等作物。',
    techFields: ['drones_low_altitude'],
    sectors: ['agriculture'],
    maturityTrl: 9,
    regionCode: '500154',
  },
];

let ctx: TestContext;
let operator: Client;
let broker: Client;
let brokerUserId: string;
let needs: Awaited<ReturnType<typeof publishThroughApi>>;
let caps: Awaited<ReturnType<typeof publishThroughApi>>;

async function matches(c: Client, id: string): Promise<Matches> {
  const res = await c.get(`/api/v1/listings/${id}/matches`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  const b = await platformUser(ctx, ['broker']);
  broker = b.client;
  brokerUserId = b.user.id;
  needs = await publishThroughApi(ctx, operator, { items: NEEDS });
  caps = await publishThroughApi(ctx, operator, { listType: 'capability', items: CAPABILITIES });
}, 120_000);

afterAll(async () => ctx?.close());

describe('matching', () => {
  it('ranks the capabilities that could serve a need, and explains each score by parts that add up to it', async () => {
    const r = await matches(needs.owners[0]!, needs.submissionIds[0]!);
    expect(r.items[0]!.id).toBe(caps.submissionIds[0]);
    expect(r.items.map((m) => m.id)).not.toContain(needs.submissionIds[1]);
    for (const m of r.items) {
      expect(m.parts.map((p) => p.key)).toEqual(['terms', 'sector', 'tech', 'region', 'budget', 'maturity']);
      expect(Math.abs(m.parts.reduce((a, p) => a + p.points, 0) - m.score)).toBeLessThan(0.011);
      for (const p of m.parts) expect(p.points).toBeCloseTo(p.weight * p.fit, 1);
    }
    const top = r.items[0]!;
    expect(top.sharedTerms.length).toBeGreaterThan(0);
    expect(top.parts.find((p) => p.key === 'sector')).toMatchObject({ fit: 1, detail: '需求领域「制造」在能力服务领域内' });
    expect(top.parts.find((p) => p.key === 'region')!.detail).toContain('同在');
    expect(top.parts.find((p) => p.key === 'tech')!.detail).toBe('覆盖需求技术领域 1/2：计算机视觉');
  });

  it('works the other way: the needs a capability could serve', async () => {
    const r = await matches(caps.owners[0]!, caps.submissionIds[0]!);
    expect(
      r.items
        .slice(0, 2)
        .map((m) => m.id)
        .sort(),
    ).toEqual([needs.submissionIds[0], needs.submissionIds[2]].sort());
    const medical = await matches(caps.owners[1]!, caps.submissionIds[1]!);
    expect(medical.items[0]!.id).toBe(needs.submissionIds[1]);
  });

  it('respects pins and exclusions by operators and brokers, with reasons, audited', async () => {
    const [source, vision, drone] = [needs.submissionIds[0]!, caps.submissionIds[0]!, caps.submissionIds[2]!];
    const pin = await broker.post('/api/v1/match-decisions', {
      sourceId: source,
      targetId: drone,
      decision: 'pin',
      reason: '该企业可提供无人机巡检车间屋顶',
    });
    expect(pin.statusCode, pin.body).toBe(200);
    const ex = await operator.post('/api/v1/match-decisions', {
      sourceId: source,
      targetId: vision,
      decision: 'exclude',
      reason: '该能力方已明确不承接焊装项目',
    });
    expect(ex.statusCode).toBe(200);

    const seenByOwner = await matches(needs.owners[0]!, source);
    expect(seenByOwner.items[0]).toMatchObject({ id: drone, pinned: { reason: '该企业可提供无人机巡检车间屋顶' } });
    expect(seenByOwner.items.map((m) => m.id)).not.toContain(vision);
    expect(seenByOwner.excluded).toEqual([]);
    const seenByBroker = await matches(broker, source);
    expect(seenByBroker.excluded).toEqual([expect.objectContaining({ id: vision, reason: '该能力方已明确不承接焊装项目' })]);

    const events = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, source));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['match.pin', 'match.exclude']));

    const clear = await operator.post('/api/v1/match-decisions', {
      sourceId: source,
      targetId: vision,
      decision: 'clear',
      reason: '能力方更新了承接范围',
    });
    expect(clear.statusCode).toBe(200);
    expect((await matches(broker, source)).items.map((m) => m.id)).toContain(vision);
    await operator.post('/api/v1/match-decisions', { sourceId: source, targetId: drone, decision: 'clear', reason: '撤销置顶' });
  });

  it('refuses pins from others, pins without a reason, and pairs of the same kind', async () => {
    const [source, vision] = [needs.submissionIds[0]!, caps.submissionIds[0]!];
    const byOwner = await needs.owners[0]!.post('/api/v1/match-decisions', {
      sourceId: source,
      targetId: vision,
      decision: 'pin',
      reason: '我想置顶',
    });
    expect(byOwner.statusCode).toBe(403);
    expect(
      (await broker.post('/api/v1/match-decisions', { sourceId: source, targetId: vision, decision: 'pin', reason: '' })).statusCode,
    ).toBe(400);
    const same = await broker.post('/api/v1/match-decisions', {
      sourceId: source,
      targetId: needs.submissionIds[2],
      decision: 'pin',
      reason: '同类',
    });
    expect(same.json().error.code).toBe('INVALID_PAIR');
    expect(await ctx.services.db.select().from(schema.matchDecisions).where(eq(schema.matchDecisions.sourceId, source))).toEqual([]);
  });

  it('hides matches of an unpublished listing from other organisations', async () => {
    const owner = await orgUser(ctx);
    const call = await makeCall(ctx.services, { status: 'open' });
    const id = (await owner.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() })).json().id;
    await owner.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
    expect((await (await orgUser(ctx)).client.get(`/api/v1/listings/${id}/matches`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/v1/listings/${id}/matches`)).statusCode).toBe(200);
    expect((await anonymous(ctx.app).get(`/api/v1/listings/${id}/matches`)).statusCode).toBe(401);
  });
});

describe('interest (意向)', () => {
  it('a supplier expresses interest in a need: recorded, audited, the demand owner and brokers notified, once', async () => {
    const [needId, capId] = [needs.submissionIds[0]!, caps.submissionIds[0]!];
    const supplier = caps.owners[0]!;
    const res = await supplier.post('/api/v1/interests', { needId, capabilityId: capId, message: '可安排现场演示' });
    expect(res.statusCode, res.body).toBe(201);
    const interestId = res.json().id as string;

    const needOwnerMe = (await needs.owners[0]!.get('/api/v1/auth/me')).json();
    const ownerNotes = await ctx.services.db
      .select()
      .from(schema.notifications)
      .where(
        and(eq(schema.notifications.userId, needOwnerMe.user?.id ?? needOwnerMe.id), eq(schema.notifications.kind, 'interest.received')),
      );
    expect(ownerNotes).toHaveLength(1);
    expect(ownerNotes[0]!.title).toContain(NEEDS[0]!.title);
    expect(ownerNotes[0]!.link).toBe(`/listings/${needId}`);
    const brokerNotes = await ctx.services.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, brokerUserId), eq(schema.notifications.kind, 'interest.broker')));
    expect(brokerNotes).toHaveLength(1);
    const audit = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, interestId));
    expect(audit.map((e) => e.action)).toEqual(['match.interest']);

    const again = await supplier.post('/api/v1/interests', { needId, capabilityId: capId });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: interestId, created: false });
    expect(
      await ctx.services.db.select().from(schema.notifications).where(eq(schema.notifications.kind, 'interest.received')),
    ).toHaveLength(1);

    const seenByOwner = (await needs.owners[0]!.get(`/api/v1/listings/${needId}/interests`)).json();
    expect(seenByOwner.items).toEqual([expect.objectContaining({ id: interestId, fromSide: 'capability', message: '可安排现场演示' })]);
    const seenByOther = (await caps.owners[1]!.get(`/api/v1/listings/${needId}/interests`)).json();
    expect(seenByOther.items).toEqual([]);
  });

  it("an interest lets the other party read the interested side's unpublished item, and no one else", async () => {
    const supplier = await orgUser(ctx);
    const call = await makeCall(ctx.services, { status: 'open', input: { listType: 'capability' } });
    const capId = (
      await supplier.client.post('/api/v1/submissions', {
        callId: call.id,
        data: {
          title: '焊点质量在线视觉检测系统',
          description: '基于深度学习的焊点缺陷在线检测系统，支持虚焊、漏焊识别，已在三条焊装线试运行。',
          techFields: ['computer_vision'],
          sectors: ['manufacturing'],
          maturityTrl: 6,
          referenceCases: [],
          regionCode: '500112',
          contact: { name: '赵工', phone: '13912345678', public: false },
        },
      })
    ).json().id as string;
    expect((await supplier.client.post(`/api/v1/submissions/${capId}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    const needOwner = needs.owners[0]!;
    expect((await needOwner.get(`/api/v1/listings/${capId}`)).statusCode).toBe(404);
    expect((await supplier.client.post('/api/v1/interests', { needId: needs.submissionIds[0], capabilityId: capId })).statusCode).toBe(201);
    expect((await needOwner.get(`/api/v1/listings/${capId}`)).json()).toMatchObject({ id: capId, contact: null, contactHidden: true });
    expect((await caps.owners[1]!.get(`/api/v1/listings/${capId}`)).statusCode).toBe(404);
  });

  it('only a party to the pair may express interest, for a need and a capability', async () => {
    const [needId, capId] = [needs.submissionIds[1]!, caps.submissionIds[1]!];
    const outsider = (await orgUser(ctx)).client;
    const res = await outsider.post('/api/v1/interests', { needId, capabilityId: capId });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('NOT_A_PARTY');
    expect((await broker.post('/api/v1/interests', { needId, capabilityId: capId })).statusCode).toBe(403);
    expect((await anonymous(ctx.app).post('/api/v1/interests', { needId, capabilityId: capId })).statusCode).toBe(401);
    const wrong = await needs.owners[1]!.post('/api/v1/interests', { needId, capabilityId: needs.submissionIds[0] });
    expect(wrong.json().error.code).toBe('INVALID_PAIR');
    const rows = await ctx.services.db.select().from(schema.interests).where(eq(schema.interests.needId, needId));
    expect(rows).toEqual([]);
  });
});
