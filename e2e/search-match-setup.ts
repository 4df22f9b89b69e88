/**
 * Data for the search-and-match journey, built through the JSON API (the journey has no UI need
 * for it): two new organisations (a demand owner and a supplier), approved by the operator; the
 * demand owner's two scenario needs in a call of their own, reviewed, selected and published as a
 * batch (so every logged-in user can find them); the supplier's capability submitted to the open
 * demo capability call (its owner sees it in search and in matches; it need not be published).
 */
import { uniqueCreditCode } from './fixtures.js';
import { api, apiLogin, type Session } from './review-helpers.js';

export const PASSWORD = 'Demo2026pass';
export const OPERATOR = 'operator@cqaiscene.example.cn';
const CRITERIA = [
  { key: 'urgency', name: '需求迫切性', weight: 30 },
  { key: 'demonstration', name: '示范带动性', weight: 30 },
  { key: 'feasibility', name: '技术可行性', weight: 20 },
  { key: 'openness', name: '开放条件', weight: 20 },
];

export interface OrgAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

export interface JourneyData {
  demand: OrgAccount;
  supplier: OrgAccount;
  /** The need the supplier opens (智慧社区). */
  needId: string;
  needTitle: string;
  /** A second published need with the same words in another sector (医疗): the facet filters it out. */
  otherNeedId: string;
  otherNeedTitle: string;
  capabilityId: string;
  capabilityTitle: string;
  batchTitle: string;
}

interface Created {
  id: string;
}

async function registerOrg(baseUrl: string, operator: Session, n: number, stamp: number, name: string, kind: string): Promise<OrgAccount> {
  const email = `e2e-match-${n}-${stamp}@match.example.cn`;
  const r = await api<{ organization: Created }>(baseUrl, null, 'POST', '/api/v1/organizations/register', {
    name,
    creditCode: uniqueCreditCode(stamp + n).valid,
    kind,
    regionCode: '500112',
    address: '重庆市渝北区金开大道99号',
    contactName: '周文涛',
    contactPhone: '13983001234',
    admin: { email, displayName: n === 1 ? '陈雅琴' : '林浩然', password: PASSWORD },
  });
  await api(baseUrl, operator, 'POST', `/api/v1/organizations/${r.organization.id}/transitions`, { action: 'approve' });
  return { id: r.organization.id, name, email, password: PASSWORD };
}

async function submit(baseUrl: string, s: Session, callId: string, data: Record<string, unknown>): Promise<string> {
  const sub = await api<Created>(baseUrl, s, 'POST', '/api/v1/submissions', { callId, data });
  await api(baseUrl, s, 'POST', `/api/v1/submissions/${sub.id}/transitions`, { action: 'submit' });
  return sub.id;
}

const contact = { name: '周文涛', phone: '023-67001234', public: false };

export async function createJourneyData(baseUrl: string, stamp = Date.now()): Promise<JourneyData> {
  const suffix = stamp.toString(36).toUpperCase();
  const operator = await apiLogin(baseUrl, OPERATOR, PASSWORD);
  const demand = await registerOrg(baseUrl, operator, 1, stamp, `渝北区龙溪街道办事处（E2E${suffix}）`, 'government');
  const supplier = await registerOrg(baseUrl, operator, 2, stamp, `重庆慧眼视觉科技有限公司（E2E${suffix}）`, 'ai_company');

  // The operator's own call for the demand owner's needs, opened now.
  const call = await api<Created>(baseUrl, operator, 'POST', '/api/v1/calls', {
    title: `社区治理人工智能场景需求征集（E2E ${suffix}）`,
    listType: 'scenario_need',
    description: '面向街道、社区征集人工智能在社区治理和公共安全中的应用场景需求。',
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    reviewScheme: { reviewersPerItem: 1, blind: false, criteria: CRITERIA },
  });
  await api(baseUrl, operator, 'POST', `/api/v1/calls/${call.id}/transitions`, { action: 'open' });

  const d = await apiLogin(baseUrl, demand.email, demand.password);
  const needTitle = `老旧小区消防通道占用智能识别与预警（E2E ${suffix}）`;
  const needId = await submit(baseUrl, d, call.id, {
    title: needTitle,
    description:
      '辖区老旧小区消防通道经常被私家车和杂物占用，人工巡查覆盖不足、发现滞后。拟利用小区现有监控摄像头，通过视频分析自动识别消防通道占用，实时推送物业和网格员处置，并统计占用热点。',
    sector: 'community',
    techFields: ['computer_vision', 'iot_sensing'],
    regionCode: '500112',
    budgetMin: 80,
    budgetMax: 150,
    dataOpenness: 'on_request',
    siteOpenness: 'open',
    expectedOutcome: '消防通道占用发现时间由平均2小时缩短到5分钟以内，识别准确率不低于95%。',
    contact,
  });
  const otherNeedTitle = `医院消防通道与疏散通道占用巡检（E2E ${suffix}）`;
  const otherNeedId = await submit(baseUrl, d, call.id, {
    title: otherNeedTitle,
    description:
      '院区门诊楼和住院楼的消防通道、疏散通道时常堆放推车和物资，安全检查依靠人工。希望利用院内监控对消防通道占用进行自动巡检，发现后通知后勤保卫部门。',
    sector: 'healthcare',
    techFields: ['computer_vision'],
    regionCode: '500112',
    budgetMin: 50,
    budgetMax: 100,
    dataOpenness: 'none',
    siteOpenness: 'on_request',
    expectedOutcome: '院区消防通道占用问题当日发现、当日处置，年度消防检查零通报。',
    contact,
  });

  // Review, select both, publish: the needs become public.
  await api(baseUrl, operator, 'POST', `/api/v1/calls/${call.id}/transitions`, { action: 'close' });
  await api(baseUrl, operator, 'POST', `/api/v1/calls/${call.id}/transitions`, { action: 'start_review' });
  await api(baseUrl, operator, 'POST', `/api/v1/calls/${call.id}/selection`, { submissionIds: [needId, otherNeedId], action: 'select' });
  const batchTitle = `社区治理场景机会清单（E2E ${suffix}）`;
  await api(baseUrl, operator, 'POST', `/api/v1/calls/${call.id}/batches`, { title: batchTitle });

  // The supplier's capability, in the open demo capability call.
  const s = await apiLogin(baseUrl, supplier.email, supplier.password);
  const calls = await api<{ items: Array<{ id: string; listType: string; acceptingSubmissions: boolean }> }>(
    baseUrl,
    s,
    'GET',
    '/api/v1/calls?status=open&listType=capability&pageSize=50',
  );
  const capCall = calls.items.find((c) => c.listType === 'capability' && c.acceptingSubmissions);
  if (!capCall) throw new Error('no open capability call in the demo data');
  const capabilityTitle = `消防通道占用视频智能识别系统（E2E ${suffix}）`;
  const capabilityId = await submit(baseUrl, s, capCall.id, {
    title: capabilityTitle,
    description:
      '基于计算机视觉的视频分析系统，接入小区和园区现有监控摄像头，自动识别消防通道被车辆、杂物占用，识别结果实时推送物业和网格员，支持占用热点统计和处置闭环。已在多个老旧小区部署。',
    techFields: ['computer_vision', 'iot_sensing'],
    sectors: ['community', 'public_safety'],
    maturityTrl: 7,
    referenceCases: [
      {
        title: '江北区老旧小区消防通道治理',
        client: '江北区某街道',
        year: 2025,
        summary: '覆盖12个小区、86路摄像头，占用发现时间缩短到3分钟。',
      },
    ],
    regionCode: '500112',
    contact,
  });

  return { demand, supplier, needId, needTitle, otherNeedId, otherNeedTitle, capabilityId, capabilityTitle, batchTitle };
}
