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
  text: string;
  hit: boolean;
}
interface Hit {
  id: string;
  title: Part[];
  snippet: Part[];
  sector: string | null;
  sectors: string[];
  techFields: string[];
  regionCode: string | null;
  status: string;
  listType: string;
  batch: { id: string } | null;
}
interface Facets {
  [facet: string]: Array<{ value: string; count: number; label: string }>;
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
    budgetMin: 30,
    budgetMax: 80,
  },
  {
    title: '山地城市桥梁结构健康监测与预警',
    description: '辖区内跨江桥梁32座，监测数据分散在多个系统，需要统一接入并实现异常振动、挠度超限的智能预警。',
    sector: 'city',
    techFields: ['iot_sensing', 'digital_twin'],
    regionCode: '500103',
    budgetMin: 200,
    budgetMax: 500,
  },
  {
    title: '社区居家养老跌倒检测与紧急呼叫',
    description: '辖区独居老人约1.5万人，希望部署非接触式毫米波雷达监测设备，实现跌倒自动识别和紧急呼叫联动。',
    sector: 'elderly_care',
    techFields: ['iot_sensing', 'computer_vision'],
    regionCode: '500108',
    budgetMin: undefined,
    budgetMax: undefined,
  },
  {
    title: '电子元器件外观缺陷视觉质检',
    description: '贴片元件外观缺陷种类多，现有人工目检效率低，希望引入深度学习视觉质检系统，缺陷检出率达到99%。',
    sector: 'manufacturing',
    techFields: ['computer_vision'],
    regionCode: '500113',
    budgetMin: 600,
    budgetMax: 900,
  },
];
const CAPABILITIES = [
  {
    title: '工业视觉缺陷检测平台',
    description: '支持小样本训练的工业视觉缺陷检测平台，已在汽车零部件、电子装配等二十余条产线部署，检出率99%以上。',
    techFields: ['computer_vision'],
    sectors: ['manufacturing'],
    maturityTrl: 8,
    regionCode: '500107',
  },
  {
    title: '医疗大模型智能导诊系统',
    description: '面向医院门诊的智能导诊问答系统，基于医疗大模型理解患者主诉并推荐科室。',
    techFields: ['nlp', 'foundation_models'],
    sectors: ['healthcare'],
    maturityTrl: 7,
    regionCode: '500103',
  },
];

let ctx: TestContext;
let operator: Client;
let anon: Client;
let needIds: string[];
let capIds: string[];
let needBatch: string;
let owner: Awaited<ReturnType<typeof orgUser>>;
let ownSubmittedId: string;

async function search(c: Client, query: string) {
  const res = await c.get(`/api/v1/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Hit[]; total: number; facets: Facets; snapshot: string; snapshotRenewed: boolean; terms: string[] };
}

/** Every hit of a search, through all its pages (same snapshot). */
async function allHits(c: Client, query: string) {
  const first = await search(c, `${query}&pageSize=2`);
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) {
    const next = await search(c, `${query}&pageSize=2&page=${page}&snapshot=${first.snapshot}`);
    expect(next.snapshotRenewed).toBe(false);
    items.push(...next.items);
  }
  return { first, items };
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  anon = anonymous(ctx.app);
  const needs = await publishThroughApi(ctx, operator, { items: NEEDS, title: '2026年第1批人工智能场景需求清单' });
  needIds = needs.submissionIds;
  needBatch = needs.batchId;
  capIds = (
    await publishThroughApi(ctx, operator, { listType: 'capability', items: CAPABILITIES, title: '2026年第1批人工智能场景能力清单' })
  ).submissionIds;
  // One submitted, unpublished need of a separate organisation.
  owner = await orgUser(ctx);
  const call = await makeCall(ctx.services, { status: 'open' });
  const res = await owner.client.post('/api/v1/submissions', {
    callId: call.id,
    data: scenarioNeedData({
      title: '港口集装箱码头智能理货',
      description: '集装箱码头理货依赖人工记录箱号和残损，希望通过视频识别实现箱号自动识别与残损检测，提升作业效率。',
    }),
  });
  ownSubmittedId = res.json().id;
  expect((await owner.client.post(`/api/v1/submissions/${ownSubmittedId}/transitions`, { action: 'submit' })).statusCode).toBe(200);
}, 120_000);

afterAll(async () => ctx?.close());

describe('GET /search', () => {
  it('finds by Chinese words, ranks the closest first and marks the matched words', async () => {
    const r = await search(anon, `q=${encodeURIComponent('机器视觉 焊点')}`);
    expect(r.items[0]!.id).toBe(needIds[0]);
    const marked = r.items[0]!.title.filter((p) => p.hit).map((p) => p.text);
    expect(marked).toEqual(expect.arrayContaining(['机器视觉', '焊点']));
    expect(r.items[0]!.title.map((p) => p.text).join('')).toBe(NEEDS[0]!.title);
    expect(r.items[0]!.snippet.some((p) => p.hit)).toBe(true);
  });

  it('finds across wording through the synonym table (AI for 人工智能, 视觉检测 for 机器视觉)', async () => {
    const r = await search(anon, `q=${encodeURIComponent('视觉检测')}&listType=capability`);
    expect(r.items.map((h) => h.id)).toContain(capIds[0]);
  });

  it('anonymous visitors see published listings only; owners also see their own; operators everything submitted', async () => {
    const q = `q=${encodeURIComponent('集装箱 理货')}`;
    expect((await search(anon, q)).items.map((h) => h.id)).not.toContain(ownSubmittedId);
    expect((await search(owner.client, q)).items.map((h) => h.id)).toContain(ownSubmittedId);
    const outsider = (await orgUser(ctx)).client;
    expect((await search(outsider, q)).items.map((h) => h.id)).not.toContain(ownSubmittedId);
    expect((await search(operator, q)).items.map((h) => h.id)).toContain(ownSubmittedId);
  });

  it('facet counts agree with the result set', async () => {
    const { first, items } = await allHits(anon, 'listType=scenario_need');
    expect(items).toHaveLength(first.total);
    expect(new Set(items.map((h) => h.id)).size).toBe(first.total);
    const expectCounts = (facet: string, valuesOf: (h: Hit) => string[]) => {
      const expected = new Map<string, number>();
      for (const h of items) for (const v of valuesOf(h)) expected.set(v, (expected.get(v) ?? 0) + 1);
      expect(Object.fromEntries(first.facets[facet]!.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(expected));
    };
    expectCounts('sector', (h) => (h.sector ? [h.sector] : []));
    expectCounts('techField', (h) => h.techFields);
    expectCounts('region', (h) => (h.regionCode ? [h.regionCode] : []));
    expectCounts('status', (h) => [h.status]);
    expectCounts('batch', (h) => (h.batch ? [h.batch.id] : []));
    expect(first.facets.sector!.find((f) => f.value === 'manufacturing')).toMatchObject({ count: 2, label: '制造' });
    expect(first.facets.budget!.find((f) => f.value === '500to1000')?.count).toBe(1);
  });

  it('a ticked facet value counts the results; other values of that facet count what ticking them would add', async () => {
    const r = await search(anon, 'listType=scenario_need&sector=manufacturing');
    expect(r.total).toBe(2);
    expect(r.items.every((h) => h.sector === 'manufacturing')).toBe(true);
    expect(r.facets.sector!.find((f) => f.value === 'manufacturing')!.count).toBe(r.total);
    expect(r.facets.sector!.find((f) => f.value === 'healthcare')!.count).toBe(1);
    // Other facets are counted within the ticked sector.
    expect(r.facets.region!.reduce((a, f) => a + f.count, 0)).toBe(2);
    const both = await search(anon, 'listType=scenario_need&sector=manufacturing&sector=healthcare&region=500103');
    expect(both.items.map((h) => h.id)).toEqual([needIds[1]]);
  });

  it('filters by batch, technology field and budget band', async () => {
    expect((await search(anon, `batch=${needBatch}`)).total).toBe(NEEDS.length);
    expect((await search(anon, 'techField=iot_sensing')).items.map((h) => h.id).sort()).toEqual([needIds[2], needIds[3]].sort());
    expect((await search(anon, 'budget=unknown&listType=scenario_need')).items.map((h) => h.id)).toEqual([needIds[3]]);
  });

  it('pages stay stable while new listings arrive, and a new search sees them', async () => {
    const query = `q=${encodeURIComponent('视觉')}`;
    const first = await search(operator, `${query}&pageSize=1`);
    expect(first.total).toBeGreaterThanOrEqual(2);
    const call = await makeCall(ctx.services, { status: 'open' });
    const late = await owner.client.post('/api/v1/submissions', {
      callId: call.id,
      data: scenarioNeedData({
        title: '视觉视觉视觉：仓储货架视觉盘点',
        description: '仓库货架商品盘点依赖人工，希望采用视觉识别与机器视觉方案自动盘点库存，视觉准确率99%。',
      }),
    });
    await owner.client.post(`/api/v1/submissions/${late.json().id}/transitions`, { action: 'submit' });
    const seen = [first.items[0]!.id];
    for (let page = 2; page <= first.total; page++) {
      const next = await search(operator, `${query}&pageSize=1&page=${page}&snapshot=${first.snapshot}`);
      expect(next.total).toBe(first.total);
      seen.push(next.items[0]!.id);
    }
    expect(new Set(seen).size).toBe(first.total);
    expect(seen).not.toContain(late.json().id);
    const fresh = await search(operator, `${query}&pageSize=50`);
    expect(fresh.total).toBe(first.total + 1);
    expect(fresh.items[0]!.id).toBe(late.json().id);
  });

  it('a withdrawn listing leaves the index at once', async () => {
    const call = await makeCall(ctx.services, { status: 'open' });
    const created = await owner.client.post('/api/v1/submissions', {
      callId: call.id,
      data: scenarioNeedData({
        title: '矿山井下巷道巡检机器人',
        description: '煤矿井下巷道巡检依赖人工，环境危险，希望部署防爆巡检机器人实现气体检测与皮带巡检。',
      }),
    });
    const id = created.json().id as string;
    await owner.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
    const q = `q=${encodeURIComponent('巷道巡检')}`;
    expect((await search(operator, q)).items.map((h) => h.id)).toContain(id);
    await owner.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'withdraw' });
    const after = await search(operator, `${q}&status=withdrawn`);
    expect(after.items.map((h) => h.id)).toContain(id);
    expect((await search(operator, `${q}&status=submitted`)).items.map((h) => h.id)).not.toContain(id);
  });

  it('sorts by newest and by deadline', async () => {
    const newest = await search(operator, 'sort=newest&pageSize=50');
    const times = newest.items.map((h) => h.id);
    expect(times.length).toBeGreaterThan(3);
    const deadline = await search(operator, 'sort=deadline&pageSize=50');
    expect(deadline.items.length).toBe(newest.items.length);
  });

  it('refuses bad filters with a stable code and a Chinese message', async () => {
    const res = await anon.get('/api/v1/search?sector=spaceship');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await anon.get(`/api/v1/search?q=${'很'.repeat(201)}`)).statusCode).toBe(400);
    expect((await anon.get('/api/v1/search?page=600&pageSize=50')).json().error.code).toBe('RESULT_WINDOW_EXCEEDED');
  });
});

describe('GET /listings/:id', () => {
  it('shows a published listing to anyone, hiding a contact its owner kept private', async () => {
    const res = await anon.get(`/api/v1/listings/${needIds[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: NEEDS[0]!.title, published: true, contact: null, contactHidden: true });
    const cap = await anon.get(`/api/v1/listings/${capIds[0]}`);
    expect(cap.json().contact).toMatchObject({ name: '周经理' });
  });

  it('hides an unpublished listing from everyone but its owner, operators and brokers', async () => {
    expect((await anon.get(`/api/v1/listings/${ownSubmittedId}`)).statusCode).toBe(404);
    expect((await (await orgUser(ctx)).client.get(`/api/v1/listings/${ownSubmittedId}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/v1/listings/${ownSubmittedId}`)).json()).toMatchObject({ mine: true, contactHidden: false });
    expect((await (await platformUser(ctx, ['broker'])).client.get(`/api/v1/listings/${ownSubmittedId}`)).statusCode).toBe(200);
  });
});

describe('POST /classify', () => {
  it('suggests the sector and technology fields with confidences', async () => {
    const res = await owner.client.post('/api/v1/classify', {
      title: '钢板表面缺陷机器视觉检测',
      description: '冷轧产线钢板表面划痕、麻点依靠人工抽检，希望用工业相机和深度学习实现在线检测。',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sectors[0].code).toBe('manufacturing');
    expect(body.sectors[0].confidence).toBeGreaterThan(0);
    expect(body.sectors[0].confidence).toBeLessThanOrEqual(1);
    expect(body.techFields.map((t: { code: string }) => t.code)).toContain('computer_vision');
  });

  it('needs a login', async () => {
    expect((await anon.post('/api/v1/classify', { title: 'x' })).statusCode).toBe(401);
  });
});
