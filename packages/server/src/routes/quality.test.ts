import { schema } from '@scenebridge/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  makeUser,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';
import type { HeavyEndpoint } from '../http/rate-limits.js';

const STEEL = {
  title: '冷轧钢板表面缺陷机器视觉在线检测',
  description:
    '冷轧产线钢板表面的划伤、辊印、夹杂等缺陷目前靠人工在线目视抽检，漏检多、劳动强度大，希望采用机器视觉对钢板表面缺陷进行在线自动检测和分类。',
};
const STEEL_REWORDED = {
  title: '钢板表面瑕疵视觉自动识别',
  description: '我厂冷轧线钢板表面有划痕、辊印等瑕疵，现在依靠工人肉眼检查，容易漏检，想用工业相机和深度学习自动识别钢板表面瑕疵并分类。',
};
const PHARMA = {
  title: '药品包装缺陷机器视觉检测',
  description: '药厂包装线上的铝塑泡罩缺粒、破损、批号印刷不清等包装缺陷依靠人工抽检，希望采用机器视觉对药品包装缺陷进行在线检测剔除。',
};
const BRIDGE = {
  title: '跨江大桥结构健康监测预警',
  description: '跨江大桥的振动、挠度、索力数据分散在多个系统，需要统一接入并利用数据智能实现结构异常的自动预警与养护决策支持。',
};

let ctx: TestContext;
let operator: Client;
let needs: Awaited<ReturnType<typeof publishThroughApi>>;
let hidden: { client: Client; id: string };

const check = async (c: Client, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/v1/quality/check', { listType: 'scenario_need', data, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    duplicates: Array<{ id?: string; title?: string; similarity?: number; visible: boolean; sharedTerms?: string[] }>;
    hints: Array<{ code: string; field: string; message: string }>;
  };
};
/** The same need as BRIDGE, with a few words changed: a near copy. */
const BRIDGE_COPY = {
  title: '跨江大桥结构健康监测与预警',
  description: '跨江大桥的振动、挠度、索力等数据分散在多个系统中，需要统一接入，并利用数据智能实现结构异常自动预警和养护决策支持。',
};
const BRIDGE_REWORDED = {
  title: '大桥结构安全监测与智能预警',
  description: '辖区跨江大桥的振动、挠度和索力监测数据分散，希望统一接入平台并自动预警桥梁结构异常，辅助养护决策。',
};
const VISIBLE_KEYS = [
  'batchTitle',
  'id',
  'mine',
  'organizationName',
  'sharedTerms',
  'similarity',
  'status',
  'statusLabel',
  'title',
  'visible',
];

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
  needs = await publishThroughApi(ctx, operator, { items: [STEEL, PHARMA] });
  // A submitted, unpublished need of another organisation: a near-duplicate of BRIDGE.
  const owner = await orgUser(ctx);
  const call = await makeCall(ctx.services, { status: 'open' });
  const id = (
    await owner.client.post('/api/v1/submissions', {
      callId: call.id,
      data: scenarioNeedData({ ...BRIDGE, sector: 'city', techFields: ['iot_sensing'] }),
    })
  ).json().id;
  await owner.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
  hidden = { client: owner.client, id };
}, 90_000);
afterAll(async () => ctx?.close());

describe('POST /quality/check', () => {
  it('warns about a published need worded differently, with its similarity and a link', async () => {
    const r = await check((await orgUser(ctx)).client, STEEL_REWORDED);
    expect(r.duplicates[0]).toMatchObject({ id: needs.submissionIds[0], title: STEEL.title, visible: true, status: 'published' });
    expect(Object.keys(r.duplicates[0]!).sort()).toEqual(VISIBLE_KEYS);
    expect(r.duplicates[0]!.sharedTerms!.length).toBeGreaterThan(0);
    expect(r.duplicates[0]!.similarity).toBeGreaterThan(0);
    expect(r.duplicates[0]!.similarity).toBeLessThanOrEqual(1);
    expect(r.duplicates.map((d) => d.id)).not.toContain(needs.submissionIds[1]);
  });

  it('does not call a need a duplicate because it shares words with another', async () => {
    const r = await check((await orgUser(ctx)).client, {
      title: '汽车轮毂铸造缺陷机器视觉检测',
      description: '铝合金轮毂铸造后的气孔、缩松、裂纹依靠人工X光片判读，效率低，希望采用机器视觉对轮毂铸造缺陷进行自动检测。',
    });
    expect(r.duplicates.map((d) => d.id)).not.toContain(needs.submissionIds[0]);
    expect(r.duplicates.map((d) => d.id)).not.toContain(needs.submissionIds[1]);
  });

  it("tells nothing about another organisation's unpublished item but that a near copy exists; its owner sees it all", async () => {
    const stranger = (await orgUser(ctx)).client;
    // A rewording of it: nothing at all (no status, similarity, shared terms, batch, id, title or organisation).
    expect((await check(stranger, BRIDGE_REWORDED)).duplicates).toEqual([]);
    // A near copy: one entry saying only that it exists.
    const copy = await check(stranger, BRIDGE_COPY);
    expect(copy.duplicates).toEqual([{ visible: false }]);
    const own = await check(hidden.client, BRIDGE_REWORDED);
    expect(own.duplicates[0]).toMatchObject({ id: hidden.id, visible: true, status: 'submitted', mine: true });
    expect(Object.keys(own.duplicates[0]!).sort()).toEqual(VISIBLE_KEYS);
    // Operators see every submitted item in full.
    expect((await check(operator, BRIDGE_REWORDED)).duplicates[0]).toMatchObject({ id: hidden.id, visible: true, title: BRIDGE.title });
    // Editing the item itself does not report it as its own duplicate.
    expect((await check(hidden.client, BRIDGE, { submissionId: hidden.id })).duplicates.map((d) => d.id)).not.toContain(hidden.id);
  });

  it('refuses fields over the form limits, wrong types and values outside their lists, before any analysis', async () => {
    const client = (await orgUser(ctx)).client;
    const searched = vi.spyOn(ctx.services.search, 'current');
    try {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['scenario_need', { title: '桥梁监测', description: '桥'.repeat(5001) }, 'data.description'],
        ['scenario_need', { title: '桥'.repeat(101) }, 'data.title'],
        ['scenario_need', { title: '桥梁监测', expectedOutcome: '预警'.repeat(1001) }, 'data.expectedOutcome'],
        ['scenario_need', { title: '桥梁监测', techFields: 'iot_sensing' }, 'data.techFields'],
        ['scenario_need', { title: '桥梁监测', dataOpenness: 'x'.repeat(10_000) }, 'data.dataOpenness'],
        [
          'capability',
          { title: '桥梁监测', referenceCases: [{ title: '案例', summary: '案'.repeat(1001) }] },
          'data.referenceCases.0.summary',
        ],
        [
          'capability',
          { title: '桥梁监测', referenceCases: Array.from({ length: 11 }, () => ({ title: '案例', summary: '大桥监测应用案例简介' })) },
          'data.referenceCases',
        ],
      ];
      for (const [listType, data, path] of cases) {
        const res = await client.post('/api/v1/quality/check', { listType, data });
        expect(res.statusCode, path).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
        expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
        expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(
        (
          await client.post('/api/v1/quality/check', {
            listType: 'scenario_need',
            data: { title: '桥梁监测', description: '桥'.repeat(5001) },
          })
        ).json().error.message,
      ).toBe('场景描述不能超过5000个字');
      // About 1.7 MB of text: far over any valid draft, refused before it is even parsed.
      const huge = await client.post('/api/v1/quality/check', {
        listType: 'scenario_need',
        data: { title: '桥梁监测', description: '桥梁振动监测。'.repeat(83_000) },
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('BODY_TOO_LARGE');
      expect(searched).not.toHaveBeenCalled();
    } finally {
      searched.mockRestore();
    }
    // Unfinished values (too short, half-typed phone or email) are what the hints are for: no refusal.
    const unfinished = await check(client, {
      ...BRIDGE_REWORDED,
      description: '监测',
      contact: { name: '李', phone: '023', email: 'li@' },
    });
    expect(unfinished.hints.map((h) => h.code)).toContain('DESCRIPTION_TOO_SHORT');
    // The form sends a contact group as soon as one of its fields is typed: the others are still missing.
    const halfContact = await client.post('/api/v1/quality/check', {
      listType: 'scenario_need',
      data: { ...BRIDGE_REWORDED, contact: { name: '李工', public: false } },
    });
    expect(halfContact.statusCode).toBe(200);
    const wrongType = await client.post('/api/v1/quality/check', {
      listType: 'scenario_need',
      data: { ...BRIDGE_REWORDED, contact: { name: '李工', phone: 123 } },
    });
    expect(wrongType.statusCode).toBe(400);
    // The limits count trimmed text, as the form does.
    expect(
      (
        await client.post('/api/v1/quality/check', {
          listType: 'scenario_need',
          data: { ...BRIDGE_REWORDED, description: `  ${'桥'.repeat(5000)}  ` },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('is refused to an organisation that is not approved yet, which cannot file anything', async () => {
    const pending = (await orgUser(ctx, { status: 'pending' })).client;
    const res = await pending.post('/api/v1/quality/check', { listType: 'scenario_need', data: BRIDGE_COPY });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORGANIZATION_NOT_APPROVED');
  });

  it('flags vague entries with concrete hints, and none of those for a complete one', async () => {
    const vague = await check((await orgUser(ctx)).client, {
      title: '智能化改造',
      description: '希望提升智能化水平。',
      expectedOutcome: '提升效率',
    });
    expect(vague.hints.map((h) => h.code)).toEqual(
      expect.arrayContaining(['NO_LOCATION', 'NO_BUDGET', 'NO_MEASURABLE_OUTCOME', 'DESCRIPTION_TOO_SHORT']),
    );
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
      {
        title: '社区独居老人跌倒智能监测报警',
        description: '社区独居老人在家中跌倒后无法及时呼救，希望在老人家中部署毫米波雷达等非接触设备，自动识别跌倒并通知社区网格员和家属。',
        sector: 'elderly_care',
      },
      {
        title: '居家老人摔倒自动识别与紧急呼叫',
        description: '辖区独居老年人居家摔倒后常常无人发现，计划安装非接触式雷达感知设备，自动识别老人摔倒并向社区和子女发出紧急呼叫。',
        sector: 'elderly_care',
      },
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
    const cluster = (res.json().clusters as Array<{ items: Array<{ id: string }>; pairs: Array<{ similarity: number }> }>).find((c) =>
      c.items.some((i) => i.id === a),
    );
    expect(cluster?.items.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(cluster!.pairs[0]!.similarity).toBeGreaterThan(0);
    expect((await (await orgUser(ctx)).client.get('/api/v1/duplicates/clusters')).statusCode).toBe(403);
  });

  it('merges one into the other: through the state machine, audited, both owners told', async () => {
    const res = await operator.post('/api/v1/duplicates/merge', {
      keepId: a,
      mergeIds: [b],
      reason: '两条需求描述同一场景，合并后统一对接',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ keptId: a, merged: [b] });
    const [row] = await ctx.services.db.select().from(schema.submissions).where(eq(schema.submissions.id, b));
    expect(row).toMatchObject({ status: 'merged', mergedIntoId: a, statusReason: '两条需求描述同一场景，合并后统一对接' });
    const audit = await ctx.services.db
      .select()
      .from(schema.auditEvents)
      .where(inArray(schema.auditEvents.entityId, [a, b]));
    expect(audit.filter((e) => e.action === 'submission.merge')).toEqual([
      expect.objectContaining({ entityId: b, fromState: 'submitted', toState: 'merged' }),
    ]);
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
    expect(
      (await (await orgUser(ctx)).client.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [y], reason: '我要合并' })).statusCode,
    ).toBe(403);
    // Published entries are a public record: not merged away.
    expect(
      (await operator.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [y], reason: '已发布的重复项' })).json().error.code,
    ).toBe('ILLEGAL_TRANSITION');
    expect((await operator.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [x], reason: '自己' })).json().error.code).toBe(
      'INVALID_MERGE',
    );
    expect((await operator.post('/api/v1/duplicates/merge', { keepId: x, mergeIds: [y], reason: '' })).statusCode).toBe(400);
    const rows = await ctx.services.db
      .select()
      .from(schema.submissions)
      .where(inArray(schema.submissions.id, [x, y]));
    expect(rows.map((r) => r.status)).toEqual(['published', 'published']);
  });
});

describe('per-user rate limits on the CPU-heavy endpoints', () => {
  let limited: TestContext;
  const LIMITS: Record<HeavyEndpoint, number> = { qualityCheck: 3, search: 1, classify: 1, matches: 1, duplicateClusters: 1, imports: 1 };
  beforeAll(async () => {
    limited = await createTestContext({ config: { loginRateLimitPerMinute: 1000, heavyRateLimits: LIMITS } });
  }, 60_000);
  afterAll(async () => limited?.close());

  /** Two users of one organisation: the requests come from the same address, so only a per-user key tells them apart. */
  const twoUsers = async () => {
    const first = await orgUser(limited);
    const second = await makeUser(limited.services, first.org.id, ['org_admin']);
    return [first.client, await login(limited.app, second.email)] as const;
  };

  it('answers 429 RATE_LIMITED to a user past the quality-check limit, and not to another user', async () => {
    const [a, b] = await twoUsers();
    const body = { listType: 'scenario_need', data: STEEL_REWORDED };
    for (let i = 0; i < LIMITS.qualityCheck; i++) expect((await a.post('/api/v1/quality/check', body)).statusCode).toBe(200);
    const refused = await a.post('/api/v1/quality/check', body);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect((await b.post('/api/v1/quality/check', body)).statusCode).toBe(200);
  });

  it('limits search, classification, matches, duplicate clusters and imports per user too', async () => {
    const [a, b] = await twoUsers();
    const [opA, opB] = [(await platformUser(limited)).client, (await platformUser(limited)).client];
    const requests: Array<[string, Client, Client, (c: Client) => Promise<{ statusCode: number }>]> = [
      ['search', a, b, (c) => c.get('/api/v1/search?q=%E6%A1%A5%E6%A2%81')],
      ['classify', a, b, (c) => c.post('/api/v1/classify', { title: '桥梁监测', description: '跨江大桥结构健康监测' })],
      ['matches', a, b, (c) => c.get('/api/v1/listings/00000000-0000-4000-8000-000000000000/matches')],
      ['duplicateClusters', opA, opB, (c) => c.get('/api/v1/duplicates/clusters?listType=scenario_need')],
      ['imports', a, b, (c) => c.post('/api/v1/imports?callId=00000000-0000-4000-8000-000000000000&mode=dry_run', {})],
    ];
    for (const [name, first, second, send] of requests) {
      expect((await send(first)).statusCode, name).not.toBe(429);
      expect((await send(first)).statusCode, name).toBe(429);
      expect((await send(second)).statusCode, name).not.toBe(429);
    }
    // Anonymous searches count per address, apart from the signed-in users.
    const anon = anonymous(limited.app);
    expect((await anon.get('/api/v1/search?q=a')).statusCode).toBe(200);
    expect((await anon.get('/api/v1/search?q=a')).statusCode).toBe(429);
  });
});
