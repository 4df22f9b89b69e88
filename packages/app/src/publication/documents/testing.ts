/** Realistic published batches for tests and benchmarks (no database). */
import { creditCodeCheckChar } from '@scenebridge/domain';
import type { PublishedBatch, PublishedEntry, PublishedListType } from './types.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 for sample organisation n. */
export function sampleOrgCreditCode(n: number): string {
  let body = '';
  for (let v = n, i = 0; i < 6; i++, v = Math.floor(v / 31)) body = ALPHABET[v % 31]! + body;
  const first17 = `91500000MA${body}3`;
  return first17 + creditCodeCheckChar(first17);
}

type Template = Omit<PublishedEntry, 'seq' | 'version' | 'submissionId' | 'issuerCreditCode' | 'erratum' | 'correctedAt'>;

export const NEED_TEMPLATES: readonly Template[] = [
  {
    name: '汽车焊装车间焊点质量智能检测',
    issuer: '重庆长鸿汽车零部件有限公司',
    sector: 'manufacturing',
    techFields: ['computer_vision', 'industrial_internet'],
    regionCode: '500112',
    description: '焊装线每班约1.2万个焊点依赖人工抽检，漏检率偏高。\n希望基于机器视觉实现焊点缺陷在线检测，检测节拍不超过3秒。',
    contact: '李工 023-63891234',
    budgetMin: 80,
    budgetMax: 150,
    maturityTrl: 6,
  },
  {
    name: '三甲医院门诊智能导诊与分诊',
    issuer: '重庆市第九人民医院',
    sector: 'healthcare',
    techFields: ['nlp', 'foundation_models'],
    regionCode: '500109',
    description: '门诊高峰期挂号咨询排队时间长，患者不清楚应挂哪个科室，希望通过智能问答实现分诊引导。',
    contact: null,
    budgetMin: 30,
    budgetMax: 80,
    maturityTrl: 7,
  },
  {
    name: '山地城市桥梁结构健康监测与预警',
    issuer: '重庆城市交通开发投资（集团）有限公司',
    sector: 'city',
    techFields: ['iot_sensing', 'digital_twin', 'data_intelligence'],
    regionCode: '500103',
    description: '辖区内跨江桥梁32座，现有监测数据分散在多个系统，需要统一接入并实现异常振动、挠度超限的智能预警。',
    contact: '王建国 13800138000 wangjg@example.com',
    budgetMin: 200,
    budgetMax: 500,
    maturityTrl: 5,
  },
  {
    name: '柑橘园病虫害无人机巡检与精准施药',
    issuer: '奉节县脐橙产业发展中心',
    sector: 'agriculture',
    techFields: ['drones_low_altitude', 'computer_vision'],
    regionCode: null,
    description: '脐橙种植面积约37万亩，坡地多、人工巡园成本高，希望利用无人机巡检识别病虫害并生成施药处方图。',
    contact: '陈主任 023-56551234',
    budgetMin: null,
    budgetMax: 60,
    maturityTrl: null,
  },
  {
    name: '“5G+工业互联网”预测性维护 & 能耗优化<试点>',
    issuer: '重庆钢铁股份有限公司',
    sector: 'energy',
    techFields: ['networks_5g', 'industrial_internet', 'decision_optimization'],
    regionCode: '500104',
    description: '高炉风机与轧机关键设备停机损失大，希望基于振动与电流数据实现故障提前预警，并对能耗进行优化调度。',
    contact: null,
    budgetMin: 12.3,
    budgetMax: 45.6,
    maturityTrl: 6,
  },
  {
    name: '社区居家养老跌倒检测与紧急呼叫',
    issuer: '重庆市南岸区民政局',
    sector: 'elderly_care',
    techFields: ['iot_sensing', 'computer_vision'],
    regionCode: '500108',
    description: '辖区独居老人约4600人，希望在不侵犯隐私的前提下实现跌倒自动识别并联动社区网格员。',
    contact: '赵女士 023-62981234',
    maturityTrl: 7,
  },
];

export const CAPABILITY_TEMPLATES: readonly Template[] = [
  {
    name: '工业视觉缺陷检测平台',
    issuer: '重庆慧眼智能科技有限公司',
    sector: 'manufacturing',
    techFields: ['computer_vision'],
    regionCode: '500107',
    description: '支持小样本训练，已在汽车零部件、电子装配等20余条产线部署。',
    contact: '周经理 18623001234',
    maturityTrl: 8,
  },
  {
    name: '政务大模型知识问答系统',
    issuer: '重庆问渠数据科技有限公司',
    sector: 'city',
    techFields: ['foundation_models', 'knowledge_graph'],
    regionCode: '500112',
    description: '基于本地化部署的大模型与政策知识图谱，提供12345热线智能辅助与政策精准推送。',
    contact: null,
    maturityTrl: 7,
  },
];

export interface SampleBatchOptions {
  entries?: number;
  listType?: PublishedListType;
  /** seqs that carry a correction (version 2 with an erratum). Default: 2 and 5 when present. */
  corrected?: number[];
  id?: string;
  title?: string;
  number?: number;
}

export function sampleBatch(opts: SampleBatchOptions = {}): PublishedBatch {
  const listType = opts.listType ?? 'scenario_need';
  const n = opts.entries ?? 6;
  const templates = listType === 'scenario_need' ? NEED_TEMPLATES : CAPABILITY_TEMPLATES;
  const corrected = new Set(opts.corrected ?? [2, 5].filter((s) => s <= n));
  const number = opts.number ?? 3;
  const entries: PublishedEntry[] = Array.from({ length: n }, (_, i) => {
    const seq = i + 1;
    const t = templates[i % templates.length]!;
    const round = Math.floor(i / templates.length);
    const fix = corrected.has(seq);
    return {
      ...t,
      seq,
      version: fix ? 2 : 1,
      submissionId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      name: round ? `${t.name}（${round + 1}）` : t.name,
      issuerCreditCode: sampleOrgCreditCode(i % 97),
      erratum: fix ? `第${seq}项原“所在地区”填写有误，已更正为实际实施地点，联系方式同步更新。` : null,
      correctedAt: fix ? '2026-12-01T02:30:00.000Z' : null,
    };
  });
  return {
    id: opts.id ?? '3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f8a9b0c',
    title: opts.title ?? `2026年第${number}批人工智能场景${listType === 'scenario_need' ? '机会' : '能力'}清单`,
    number,
    year: 2026,
    listType,
    issuer: '重庆市人工智能场景创新促进中心',
    // 2026-11-22 00:30 in Shanghai: the UTC date is still the 21st.
    publishedAt: '2026-11-21T16:30:00.000Z',
    callTitle: '2026年第三季度人工智能场景需求征集',
    callOpensAt: '2026-07-01T00:00:00.000Z',
    callClosesAt: '2026-09-30T15:59:59.000Z',
    entries,
  };
}
