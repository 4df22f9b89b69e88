import { describe, expect, it } from 'vitest';
import * as demo from '@scenebridge/demo';
import { isMeasurable } from './measurable.js';
import { vaguenessHints, type CapabilityDraft, type NeedDraft, type VaguenessCode } from './vagueness.js';

const goodNeed: NeedDraft = {
  title: '热轧钢板表面缺陷在线视觉检测',
  description:
    '我公司热轧产线年产钢板约120万吨，钢板表面的划伤、结疤、氧化皮压入等缺陷目前靠质检员在冷床旁目视抽检，夜班漏检较多，' +
    '每月因表面质量异议退货约30吨。希望在精轧机出口加装线阵相机，对钢板上下表面进行全覆盖实时检测，自动识别缺陷类型并标注位置。',
  sector: 'manufacturing',
  techFields: ['computer_vision'],
  regionCode: '500112',
  budgetMin: 80,
  budgetMax: 150,
  dataOpenness: 'on_request',
  siteOpenness: 'open',
  expectedOutcome: '表面缺陷检出率≥98%，误报率低于2%；质量异议退货减少50%。',
  contact: { name: '王工', phone: '13800000000', public: false },
};

const goodCapability: CapabilityDraft = {
  title: '钢板表面缺陷机器视觉在线检测系统',
  description:
    '面向热轧、冷轧钢板和带钢产线，采用线阵相机与深度学习算法，对划伤、结疤、氧化皮、辊印等20余类表面缺陷进行实时检测和分类，' +
    '支持产线速度每秒15米以下的在线检测，检出率98%以上，可与MES系统对接输出缺陷图谱。',
  techFields: ['computer_vision'],
  sectors: ['manufacturing'],
  maturityTrl: 8,
  referenceCases: [{ title: '某钢厂热轧表检改造', client: '某钢铁公司', year: 2024, summary: '部署于1780热轧产线，质量异议下降40%。' }],
  regionCode: '500112',
  contact: { name: '李经理', phone: '13900000000', public: true },
};

const codes = (h: Array<{ code: VaguenessCode }>) => h.map((x) => x.code);

describe('vaguenessHints for scenario needs', () => {
  it('has nothing to say about a complete, specific need', () => {
    expect(vaguenessHints('scenario_need', goodNeed)).toEqual([]);
  });

  it.each<[VaguenessCode, string, NeedDraft]>([
    ['NO_LOCATION', 'regionCode', { regionCode: undefined }],
    ['NO_BUDGET', 'budgetMax', { budgetMin: undefined, budgetMax: undefined }],
    ['NO_DATA_OPENNESS', 'dataOpenness', { dataOpenness: undefined }],
    ['NO_SITE_OPENNESS', 'siteOpenness', { siteOpenness: undefined }],
    ['NO_MEASURABLE_OUTCOME', 'expectedOutcome', { expectedOutcome: '提升检测效率和产品质量，实现智能化转型升级。' }],
    ['NO_MEASURABLE_OUTCOME', 'expectedOutcome', { expectedOutcome: undefined }],
    ['DATA_NOT_OPEN', 'dataOpenness', { dataOpenness: 'none' }],
    ['SITE_NOT_OPEN', 'siteOpenness', { siteOpenness: 'none', techFields: ['robotics'] }],
    ['TITLE_TOO_GENERIC', 'title', { title: '智慧城市平台建设项目' }],
    ['DESCRIPTION_TOO_SHORT', 'description', { description: '钢板表面缺陷检测，要求准确。' }],
    [
      'DESCRIPTION_TOO_GENERIC',
      'description',
      {
        description:
          '利用人工智能、大数据、云计算等技术，建设智慧管理平台，提升管理效率和服务水平，实现数字化转型和智能化升级，打造示范标杆，形成可复制可推广的经验做法。',
      },
    ],
  ])('%s (%s)', (code, field, change) => {
    const hints = vaguenessHints('scenario_need', { ...goodNeed, ...change });
    expect(codes(hints)).toEqual([code]);
    expect(hints[0]!.field).toBe(field);
    expect(hints[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the generic words it found and gives a concrete example', () => {
    const [hint] = vaguenessHints('scenario_need', {
      ...goodNeed,
      description:
        '通过人工智能技术建设智能化平台，实现管理效率提升和服务水平提升，推进数字化转型，打造标杆示范，形成可推广经验，助力高质量发展。',
    });
    expect(hint!.code).toBe('DESCRIPTION_TOO_GENERIC');
    expect(hint!.message).toMatch(/多为“(人工智能|技术|建设|智能化|平台)”/);
    expect(hint!.message).toContain('漏检率');
  });

  it('asks for a measurable outcome with an example target', () => {
    const [hint] = vaguenessHints('scenario_need', { ...goodNeed, expectedOutcome: '显著提升工作效率。' });
    expect(hint!.message).toContain('检测准确率≥99%');
  });

  it('accepts closed data when the description says how to work with it', () => {
    const draft = {
      ...goodNeed,
      dataOpenness: 'none' as const,
      description: `${goodNeed.description}数据不出厂，可提供脱敏样本500张，方案需支持本地化部署。`,
    };
    expect(vaguenessHints('scenario_need', draft)).toEqual([]);
  });

  it('does not ask software needs to open a site', () => {
    expect(vaguenessHints('scenario_need', { ...goodNeed, siteOpenness: 'none', techFields: ['nlp'] })).toEqual([]);
  });

  it('reports one text hint for a short description, and all missing fields of an empty draft', () => {
    expect(codes(vaguenessHints('scenario_need', { title: '热轧钢板表面缺陷检测' }))).toEqual([
      'DESCRIPTION_TOO_SHORT',
      'NO_LOCATION',
      'NO_BUDGET',
      'NO_DATA_OPENNESS',
      'NO_SITE_OPENNESS',
      'NO_MEASURABLE_OUTCOME',
    ]);
  });

  it('does not flag titles it cannot segment into known words', () => {
    expect(codes(vaguenessHints('scenario_need', { ...goodNeed, title: '院感监测大数据分析' }))).toEqual([]);
  });

  it('finds the descriptions and outcomes of the demo needs specific and measurable', () => {
    const ds = demo.generateDemoDataset({
      seed: 9,
      organizations: 40,
      needs: 120,
      capabilities: 0,
      now: new Date('2026-03-01T00:00:00+08:00'),
    });
    const textual = new Set<VaguenessCode>(['DESCRIPTION_TOO_SHORT', 'DESCRIPTION_TOO_GENERIC', 'NO_MEASURABLE_OUTCOME']);
    for (const n of ds.needs) expect(codes(vaguenessHints('scenario_need', n)).filter((c) => textual.has(c))).toEqual([]);
  });

  it.each([
    ['智慧城市平台建设项目', true],
    ['人工智能赋能高质量发展应用场景', true],
    ['重点区域视频智能分析', true],
    ['校园安全数字化管理', false],
    ['社区老人智能可穿戴设备应用', false],
    ['独居老人跌倒监测预警', false],
  ] as const)('title %s too generic: %s', (title, generic) => {
    expect(codes(vaguenessHints('scenario_need', { ...goodNeed, title })).includes('TITLE_TOO_GENERIC')).toBe(generic);
  });
});

describe('vaguenessHints for capabilities', () => {
  it('has nothing to say about a complete, specific capability', () => {
    expect(vaguenessHints('capability', goodCapability)).toEqual([]);
  });

  it.each<[VaguenessCode, string, CapabilityDraft]>([
    ['NO_REFERENCE_CASES', 'referenceCases', { referenceCases: [] }],
    ['NO_MATURITY', 'maturityTrl', { maturityTrl: undefined }],
    ['NO_LOCATION', 'regionCode', { regionCode: undefined }],
    ['TITLE_TOO_GENERIC', 'title', { title: '人工智能赋能解决方案' }],
    ['DESCRIPTION_TOO_SHORT', 'description', { description: '钢板表面缺陷检测系统，效果好。' }],
  ])('%s (%s)', (code, field, change) => {
    const hints = vaguenessHints('capability', { ...goodCapability, ...change });
    expect(codes(hints)).toEqual([code]);
    expect(hints[0]!.field).toBe(field);
  });

  it('asks for performance figures when neither the description nor the cases give any', () => {
    const hints = vaguenessHints('capability', {
      ...goodCapability,
      description:
        '面向热轧、冷轧钢板和带钢产线，采用线阵相机与深度学习算法，对划伤、结疤、氧化皮、辊印等表面缺陷进行实时检测和分类，可与MES系统对接输出缺陷图谱，检测效果好、部署快。',
      referenceCases: [{ title: '某钢厂热轧表检改造', summary: '部署于热轧产线，用户反馈良好。' }],
    });
    expect(codes(hints)).toEqual(['NO_MEASURABLE_OUTCOME']);
    expect(hints[0]!.field).toBe('description');
  });
});

describe('isMeasurable', () => {
  it.each([
    '检测准确率≥99%',
    '人工成本降低30%',
    '响应时间缩短至5分钟以内',
    '平均候诊时间缩短30分钟',
    '覆盖医疗机构433家',
    '误报率不高于2',
    '处理效率提升两倍',
    '巡检人力减少三成',
    '能耗下降百分之十',
    '审批时限减半',
  ])('counts %s', (t) => expect(isMeasurable(t)).toBe(true));

  it.each(['显著提升工作效率，实现智能化转型', '2025年底前完成建设', '于2026年3月投入使用', ''])('does not count %s', (t) =>
    expect(isMeasurable(t)).toBe(false),
  );
});
