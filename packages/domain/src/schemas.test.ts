import { describe, expect, it } from 'vitest';
import {
  callInputSchema,
  capabilityDraftSchema,
  capabilitySchema,
  creditCodeSchema,
  draftSchemaFor,
  emailSchema,
  newUserSchema,
  organizationRegistrationSchema,
  passwordSchema,
  phoneSchema,
  regionCodeSchema,
  reviewSchemeSchema,
  scenarioNeedDraftSchema,
  scenarioNeedSchema,
  submissionSchemaFor,
} from './schemas.js';

/** The Chinese messages of a failed parse, keyed by path ("" for the root). */
function messages(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}): Record<string, string[]> {
  expect(result.success).toBe(false);
  const out: Record<string, string[]> = {};
  for (const i of result.error?.issues ?? []) (out[i.path.map(String).join('.')] ??= []).push(i.message);
  return out;
}

const registration = () => ({
  name: '重庆智视科技有限公司',
  creditCode: '91350100M000100Y43',
  kind: 'ai_company',
  regionCode: '500112',
  address: '重庆市渝北区星光大道88号',
  contactName: '张伟',
  contactPhone: '023-63891234',
  admin: { email: 'Admin+1@ZhiShi.example.cn', displayName: '张伟', password: 'Demo2026pass' },
});

describe('organizationRegistrationSchema', () => {
  it('accepts a complete registration and normalises code and e-mail', () => {
    const r = organizationRegistrationSchema.safeParse({ ...registration(), creditCode: ' 91350100m000100y43 ' });
    expect(r.success).toBe(true);
    expect(r.data?.creditCode).toBe('91350100M000100Y43');
    expect(r.data?.admin.email).toBe('admin+1@zhishi.example.cn');
  });

  it('accepts a registration without an address', () => {
    const { address: _drop, ...rest } = registration();
    expect(organizationRegistrationSchema.safeParse(rest).success).toBe(true);
  });

  it('explains a bad credit code in Chinese, with a stable code', () => {
    const r = organizationRegistrationSchema.safeParse({ ...registration(), creditCode: '91350100M000100Y44' });
    expect(messages(r)).toEqual({ creditCode: ['统一社会信用代码校验位不正确，请核对后重新输入'] });
    const issue = r.error!.issues[0] as { params?: { code?: string } };
    expect(issue.params?.code).toBe('INVALID_CREDIT_CODE');
    expect(messages(organizationRegistrationSchema.safeParse({ ...registration(), creditCode: '9135010' }))).toEqual({
      creditCode: ['统一社会信用代码应为18位'],
    });
    expect(messages(organizationRegistrationSchema.safeParse({ ...registration(), creditCode: '91350100M000100O43' }))).toEqual({
      creditCode: ['统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）'],
    });
  });

  it('refuses an unknown kind, region, phone or a weak password', () => {
    const m = messages(
      organizationRegistrationSchema.safeParse({
        ...registration(),
        kind: 'bank',
        regionCode: '500199',
        contactPhone: '12345',
        admin: { email: 'not-an-email', displayName: '张', password: 'short1' },
      }),
    );
    expect(m.kind).toEqual(['请选择机构类型']);
    expect(m.regionCode).toEqual(['行政区划代码不在GB/T 2260目录中']);
    expect(m.contactPhone?.[0]).toMatch(/手机号或固定电话/);
    expect(m['admin.email']).toEqual(['请输入有效的电子邮箱']);
    expect(m['admin.displayName']).toEqual(['姓名至少2个字']);
    expect(m['admin.password']).toContain('密码至少10位');
  });

  it('limits the name length', () => {
    expect(messages(organizationRegistrationSchema.safeParse({ ...registration(), name: '重' }))).toEqual({ name: ['机构名称至少2个字'] });
    expect(messages(organizationRegistrationSchema.safeParse({ ...registration(), name: '重'.repeat(101) }))).toEqual({
      name: ['机构名称不能超过100个字'],
    });
  });
});

describe('creditCodeSchema and regionCodeSchema', () => {
  it('trims and upper-cases a credit code', () => {
    expect(creditCodeSchema.parse(' 914403001922038216 ')).toBe('914403001922038216');
    expect(creditCodeSchema.parse('9144030071526726xg')).toBe('9144030071526726XG');
  });

  it('knows Chongqing districts and the supplier cities', () => {
    for (const code of ['500000', '500112', '500156', '110108', '440300']) expect(regionCodeSchema.safeParse(code).success).toBe(true);
    for (const code of ['500199', '999999', '', '渝北区']) expect(regionCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe('phoneSchema', () => {
  it.each([
    '13812345678',
    '19912345678',
    '023-63891234',
    '02363891234',
    '0512-67201561',
    '010-12345678',
    '023-63891234-801',
    ' 13812345678 ',
  ])('accepts %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', '023-123456', '63891234', 'abc', ''])(
    'refuses %s',
    (p) => {
      expect(messages(phoneSchema.safeParse(p))['']).toEqual(['请输入有效的手机号或固定电话（如 023-63891234）']);
    },
  );
});

describe('emailSchema and passwordSchema', () => {
  it('lower-cases e-mail addresses', () => {
    expect(emailSchema.parse('Admin+3@Yubei-JXW.example.cn')).toBe('admin+3@yubei-jxw.example.cn');
  });

  it('refuses malformed e-mail addresses', () => {
    for (const e of ['admin', 'admin@', '@example.cn', 'a b@example.cn', 'admin@example'])
      expect(emailSchema.safeParse(e).success).toBe(false);
  });

  it('accepts an e-mail address with surrounding spaces, as pasted from a spreadsheet', () => {
    expect(emailSchema.parse('  Admin@X.example.cn ')).toBe('admin@x.example.cn');
  });

  it('answers a missing field in Chinese', () => {
    const r = organizationRegistrationSchema.safeParse({});
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('wants ten characters with letters and digits', () => {
    expect(passwordSchema.safeParse('Demo2026pass').success).toBe(true);
    expect(messages(passwordSchema.safeParse('abc123'))['']).toContain('密码至少10位');
    expect(messages(passwordSchema.safeParse('abcdefghijkl'))['']).toEqual(['密码须同时包含字母和数字']);
    expect(messages(passwordSchema.safeParse('123456789012'))['']).toEqual(['密码须同时包含字母和数字']);
    expect(messages(passwordSchema.safeParse(`a1${'x'.repeat(127)}`))['']).toEqual(['密码不能超过128位']);
  });
});

describe('newUserSchema', () => {
  it('needs at least one known role', () => {
    const base = { email: 'reviewer1@example.cn', displayName: '李娜', password: 'Demo2026pass' };
    expect(newUserSchema.safeParse({ ...base, roles: ['reviewer'] }).success).toBe(true);
    expect(messages(newUserSchema.safeParse({ ...base, roles: [] })).roles).toEqual(['至少选择一个角色']);
    expect(newUserSchema.safeParse({ ...base, roles: ['admin'] }).success).toBe(false);
  });
});

const scheme = (weights: number[], keys = ['urgency', 'demonstration', 'feasibility', 'openness']) => ({
  reviewersPerItem: 3,
  blind: false,
  criteria: weights.map((weight, i) => ({
    key: keys[i] ?? `c${i}`,
    name: ['需求迫切性', '示范带动性', '技术可行性', '开放条件'][i] ?? `指标${i}`,
    weight,
  })),
});
const call = () => ({
  title: '2026年第一批人工智能应用场景机会清单征集',
  listType: 'scenario_need',
  description: '面向全市征集人工智能应用场景需求，入选场景纳入场景机会清单统一发布。',
  opensAt: '2026-03-01T09:00:00+08:00',
  closesAt: '2026-03-31T17:00:00+08:00',
  reviewScheme: scheme([30, 25, 25, 20]),
});

describe('callInputSchema and reviewSchemeSchema', () => {
  it('accepts a call whose weights sum to 100', () => {
    expect(callInputSchema.safeParse(call()).success).toBe(true);
    expect(callInputSchema.safeParse({ ...call(), opensAt: '2026-03-01T01:00:00Z' }).success).toBe(true);
  });

  it.each([[[30, 25, 25, 25]], [[30, 25, 25, 15]], [[100, 1]], [[50]]])('refuses weights %j that do not sum to 100', (weights) => {
    const m = messages(callInputSchema.safeParse({ ...call(), reviewScheme: scheme(weights) }));
    expect(m.reviewScheme).toEqual(['评审指标权重之和应为100']);
  });

  it('refuses duplicate or badly formed criterion keys, and weights out of range', () => {
    expect(messages(reviewSchemeSchema.safeParse(scheme([50, 50], ['urgency', 'urgency'])))['']).toEqual(['评审指标代码不能重复']);
    expect(messages(reviewSchemeSchema.safeParse(scheme([50, 50], ['Urgency', 'x'])))).toEqual({
      'criteria.0.key': ['评审指标代码应为小写英文'],
      'criteria.1.key': ['评审指标代码应为小写英文'],
    });
    expect(reviewSchemeSchema.safeParse(scheme([0, 100])).success).toBe(false);
    expect(reviewSchemeSchema.safeParse(scheme([])).success).toBe(false);
    expect(reviewSchemeSchema.safeParse({ ...scheme([100]), reviewersPerItem: 0 }).success).toBe(false);
  });

  it('wants the close after the open, both with a time-zone offset', () => {
    expect(messages(callInputSchema.safeParse({ ...call(), closesAt: '2026-03-01T09:00:00+08:00' })).closesAt).toEqual([
      '截止时间须晚于开始时间',
    ]);
    // 09:00 in Shanghai is 01:00 UTC: a close at 02:00Z is later even though the hour reads smaller.
    expect(callInputSchema.safeParse({ ...call(), closesAt: '2026-03-01T02:00:00Z' }).success).toBe(true);
    expect(messages(callInputSchema.safeParse({ ...call(), opensAt: '2026-03-01T09:00:00' })).opensAt).toEqual(['开始时间格式不正确']);
    expect(messages(callInputSchema.safeParse({ ...call(), closesAt: '2026-03-31' })).closesAt).toEqual(['截止时间格式不正确']);
  });

  it('refuses an unknown list type and a short title', () => {
    const m = messages(callInputSchema.safeParse({ ...call(), listType: 'patent', title: '征集' }));
    expect(m.title).toEqual(['征集名称至少4个字']);
    expect(m.listType).toBeDefined();
  });
});

const need = () => ({
  title: '汽车零部件表面缺陷机器视觉检测',
  description: '目前主要依靠人工目检，质检员劳动强度大，漏检、误检时有发生，希望引入在线智能检测系统。',
  sector: 'manufacturing',
  techFields: ['computer_vision', 'industrial_internet'],
  regionCode: '500112',
  budgetMin: 50,
  budgetMax: 120,
  dataOpenness: 'on_request',
  siteOpenness: 'open',
  expectedOutcome: '缺陷检出率达到99%以上，误检率控制在1%以内。',
  contact: { name: '王芳', phone: '13812345678' },
});

describe('scenarioNeedSchema', () => {
  it('accepts a complete need; contact is private by default', () => {
    const r = scenarioNeedSchema.safeParse(need());
    expect(r.success).toBe(true);
    expect(r.data?.contact.public).toBe(false);
  });

  it('refuses a budget minimum above the maximum, on budgetMax', () => {
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), budgetMin: 200, budgetMax: 100 }))).toEqual({
      budgetMax: ['预算下限不能高于上限'],
    });
  });

  it('accepts equal, one-sided or no budget bounds', () => {
    expect(scenarioNeedSchema.safeParse({ ...need(), budgetMin: 100, budgetMax: 100 }).success).toBe(true);
    expect(scenarioNeedSchema.safeParse({ ...need(), budgetMin: undefined }).success).toBe(true);
    expect(scenarioNeedSchema.safeParse({ ...need(), budgetMax: undefined }).success).toBe(true);
    expect(scenarioNeedSchema.safeParse({ ...need(), budgetMin: undefined, budgetMax: undefined }).success).toBe(true);
  });

  it('refuses negative and absurd budgets, naming the field and its range', () => {
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), budgetMin: -1 })).budgetMin).toEqual(['预算下限（万元）应在0–1000000之间']);
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), budgetMax: 2_000_000 })).budgetMax).toEqual([
      '预算上限（万元）应在0–1000000之间',
    ]);
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), budgetMin: 99_999_999_999 })).budgetMin).toEqual([
      '预算下限（万元）应在0–1000000之间',
    ]);
  });

  it('wants one to five known technology fields and a known sector', () => {
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), techFields: [] })).techFields).toEqual(['至少选择一个技术领域']);
    const six = ['nlp', 'speech', 'robotics', 'blockchain', 'iot_sensing', 'digital_twin'];
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), techFields: six })).techFields).toEqual(['技术领域最多5个']);
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), techFields: ['quantum'] }))['techFields.0']).toEqual([
      '请选择有效的技术领域',
    ]);
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), sector: '制造' })).sector).toEqual(['请选择有效的所属领域']);
  });

  it('counts Chinese characters for text lengths', () => {
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), description: '字'.repeat(19) })).description).toEqual(['场景描述至少20个字']);
    expect(scenarioNeedSchema.safeParse({ ...need(), description: '字'.repeat(20) }).success).toBe(true);
    expect(messages(scenarioNeedSchema.safeParse({ ...need(), expectedOutcome: '  提升效率  ' })).expectedOutcome).toEqual([
      '预期成效至少10个字',
    ]);
  });

  it('checks the contact phone and openness values', () => {
    const m = messages(scenarioNeedSchema.safeParse({ ...need(), contact: { name: '王芳', phone: '023-1234' }, dataOpenness: 'partly' }));
    expect(m['contact.phone']).toBeDefined();
    expect(m.dataOpenness).toBeDefined();
  });

  it('lets a draft carry only a title', () => {
    expect(scenarioNeedDraftSchema.safeParse({ title: '城市大脑' }).success).toBe(true);
    expect(scenarioNeedDraftSchema.safeParse({ description: '没有标题的草稿内容内容内容内容内容' }).success).toBe(false);
    expect(scenarioNeedDraftSchema.safeParse({ title: '城市大脑', budgetMin: -5 }).success).toBe(false);
  });
});

const capability = () => ({
  title: '智视工业质检一体机',
  description: '支持划痕、凹坑、毛刺、色差等40类缺陷的在线识别，新品导入仅需100张样本。',
  techFields: ['computer_vision'],
  sectors: ['manufacturing', 'energy'],
  maturityTrl: 8,
  regionCode: '500112',
  contact: { name: '刘洋', phone: '023-67001234', email: 'sales@zhishi.example.cn', public: true },
});

describe('capabilitySchema', () => {
  it('accepts a capability; reference cases default to none', () => {
    const r = capabilitySchema.safeParse(capability());
    expect(r.success).toBe(true);
    expect(r.data?.referenceCases).toEqual([]);
  });

  it('wants TRL 1–9 as an integer', () => {
    for (const trl of [1, 9]) expect(capabilitySchema.safeParse({ ...capability(), maturityTrl: trl }).success).toBe(true);
    for (const trl of [0, 10])
      expect(messages(capabilitySchema.safeParse({ ...capability(), maturityTrl: trl })).maturityTrl).toEqual(['技术成熟度为1–9级']);
    expect(capabilitySchema.safeParse({ ...capability(), maturityTrl: 6.5 }).success).toBe(false);
  });

  it('wants one to five sectors served and valid reference cases', () => {
    expect(messages(capabilitySchema.safeParse({ ...capability(), sectors: [] })).sectors).toEqual(['至少选择一个服务领域']);
    const good = {
      title: '渝北区某工厂质检项目',
      client: '重庆某汽车零部件有限公司',
      year: 2024,
      summary: '部署质检一体机12台，缺陷检出率99.2%。',
    };
    expect(capabilitySchema.safeParse({ ...capability(), referenceCases: [good] }).success).toBe(true);
    expect(capabilitySchema.safeParse({ ...capability(), referenceCases: [{ ...good, year: 1980 }] }).success).toBe(false);
    expect(capabilitySchema.safeParse({ ...capability(), referenceCases: [{ ...good, summary: '太短' }] }).success).toBe(false);
  });

  it('lets a draft carry only a title', () => {
    expect(capabilityDraftSchema.safeParse({ title: '质检一体机' }).success).toBe(true);
  });
});

describe('schema choice by list type', () => {
  it('picks the need or capability schema', () => {
    expect(submissionSchemaFor('scenario_need')).toBe(scenarioNeedSchema);
    expect(submissionSchemaFor('capability')).toBe(capabilitySchema);
    expect(draftSchemaFor('scenario_need')).toBe(scenarioNeedDraftSchema);
    expect(draftSchemaFor('capability')).toBe(capabilityDraftSchema);
  });
});
