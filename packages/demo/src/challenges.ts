/**
 * Demo 揭榜挂帅: challenges drawn from published scenario needs, the applications (揭榜)
 * suppliers write to them, and the qualifications (资质) suppliers hold. Inputs are shaped for
 * `challengeInputSchema`, `applicationContentSchema` and `qualificationInputSchema`; what only
 * the database knows (the source need's id, consortium members' ids) the seed fills in.
 */
import type {
  ApplicationContentRaw,
  ChallengeInputRaw,
  OrganizationKind,
  QualificationCode,
  ScenarioNeed,
  TechFieldCode,
} from '@scenebridge/domain';
import { shanghaiIso } from './dataset.js';
import { mobilePhone, personName } from './people.js';
import { Rng, type Seed } from './random.js';
import { TECH_PHRASES } from './scenes.js';

const DAY = 86_400_000;
/** 1万元 in 分. */
export const WAN_YUAN_FEN = 1_000_000;
export const CHALLENGE_REWARD_RANGE_WAN = [50, 500] as const;

/** What a challenge takes from the need it is drawn from. */
export type ChallengeSourceNeed = Pick<
  ScenarioNeed,
  'title' | 'description' | 'sector' | 'techFields' | 'expectedOutcome' | 'budgetMin' | 'budgetMax'
>;

export interface DemoChallenge {
  /** The need (index into the list given) the challenge is drawn from. */
  needIndex: number;
  /** `sourceNeedId` is null: the seed sets the need's id. */
  input: ChallengeInputRaw;
}

type Indicator = ChallengeInputRaw['indicators'][number];

/** Measurable targets per technology field: `{a|b}` and `{3-12}` are filled by `Rng.fill`. */
const FIELD_INDICATORS: Record<TechFieldCode, readonly Indicator[]> = {
  computer_vision: [
    {
      name: '缺陷/目标识别准确率',
      target: '≥{95|97|98|99}',
      unit: '%',
      method: '在发榜方提供的不少于{1000-5000}张现场标注样本上测试，以人工复核结果为准',
    },
    { name: '漏检率', target: '≤{1|2|3}', unit: '%', method: '连续试运行{30|60}天，与人工抽检结果对比统计' },
  ],
  nlp: [{ name: '意图识别准确率', target: '≥{90|92|95}', unit: '%', method: '以发榜方提供的{500-2000}条真实业务问题组成测试集评测' }],
  speech: [{ name: '语音识别字准确率', target: '≥{95|97}', unit: '%', method: '在现场噪声环境下录制不少于{10-50}小时语音进行测试' }],
  knowledge_graph: [{ name: '知识抽取准确率', target: '≥{90|92|95}', unit: '%', method: '随机抽取{500-1000}条抽取结果由业务专家逐条核验' }],
  foundation_models: [
    { name: '生成结果采纳率', target: '≥{70|80|85}', unit: '%', method: '试运行期间由业务人员对生成结果逐条评价并统计' },
    { name: '单次响应时延', target: '≤{2|3|5}', unit: '秒', method: '在{50|100}路并发下连续压测24小时，取P95值' },
  ],
  data_intelligence: [
    { name: '预测准确率', target: '≥{85|90|92}', unit: '%', method: '以近{3|6}个月实际业务数据回测，并在试运行期间滚动验证' },
  ],
  robotics: [
    { name: '作业成功率', target: '≥{95|98}', unit: '%', method: '现场连续作业{500-2000}次统计成功次数' },
    { name: '单次作业节拍', target: '≤{10-30}', unit: '秒', method: '现场计时，取连续100次作业的平均值' },
  ],
  autonomous_driving: [
    { name: '人工接管频次', target: '≤{1|2}', unit: '次/百公里', method: '在指定路段累计行驶不少于{1000-5000}公里后统计' },
  ],
  drones_low_altitude: [{ name: '隐患识别准确率', target: '≥{90|95}', unit: '%', method: '对{20-50}个架次巡检影像的识别结果进行人工复核' }],
  iot_sensing: [{ name: '数据采集完整率', target: '≥{98|99}', unit: '%', method: '统计试运行期间各点位应上报与实际上报的数据条数' }],
  digital_twin: [{ name: '模型还原误差', target: '≤{5|10|20}', unit: '厘米', method: '选取不少于{20-50}个控制点与现场实测值对比' }],
  blockchain: [{ name: '业务数据可追溯率', target: '100', unit: '%', method: '随机抽查{200-500}条业务记录，逐条完成全链路溯源' }],
  privacy_computing: [{ name: '联合建模效果损失', target: '≤{1|2}', unit: '%', method: '与明文集中建模在同一测试集上对比AUC' }],
  xr_metaverse: [{ name: '画面渲染帧率', target: '≥{60|90}', unit: '帧/秒', method: '在发榜方指定终端上连续运行1小时取平均值' }],
  networks_5g: [{ name: '端到端时延', target: '≤{10|20}', unit: '毫秒', method: '在覆盖区域内随机选取{20-50}个测点测试' }],
  industrial_internet: [
    { name: '设备接入数量', target: '≥{200-1000}', unit: '台（套）', method: '以平台实际接入设备清单为准，逐台核验在线状态' },
  ],
  cloud_computing: [{ name: '算力资源利用率', target: '≥{60|70}', unit: '%', method: '按月统计试运行期间平台监控数据' }],
  chips_hardware: [{ name: '单路推理功耗', target: '≤{5|10|15}', unit: '瓦', method: '在典型负载下由第三方检测机构实测' }],
  brain_computer: [{ name: '意图解码准确率', target: '≥{80|85|90}', unit: '%', method: '在不少于{10-30}名受试者上开展测试' }],
  decision_optimization: [{ name: '调度效率提升', target: '≥{10|15|20}', unit: '%', method: '与上线前同期{3|6}个月业务数据对比' }],
};

const GENERIC_INDICATORS: readonly Indicator[] = [
  { name: '系统可用性', target: '≥99.9', unit: '%', method: '试运行期间按月统计服务可用时长' },
  { name: '试点应用点位', target: '≥{3-10}', unit: '个', method: '以发榜方确认的上线点位清单为准' },
  { name: '人工工作量减少', target: '≥{30|40|50}', unit: '%', method: '对比上线前后同类业务的人工工时记录' },
  { name: '平均响应时间', target: '≤{1|2|3}', unit: '秒', method: '连续压测24小时，取P95值' },
];

/** Payment plans by number of milestones: names, deliverables, and percent splits summing to 100. */
const MILESTONE_PLANS: Record<number, { names: string[]; deliverables: string[]; splits: number[][] }> = {
  2: {
    names: ['方案设计与样机验证', '现场部署与验收'],
    deliverables: ['技术方案、样机及实验室测试报告', '系统现场上线运行，{indicators}达到考核指标并通过验收'],
    splits: [
      [40, 60],
      [30, 70],
    ],
  },
  3: {
    names: ['方案设计', '系统研发与集成', '试运行与验收'],
    deliverables: ['详细技术方案及评审意见', '系统开发完成并通过实验室测试', '试运行报告、第三方测试报告，{indicators}达到考核指标'],
    splits: [
      [30, 40, 30],
      [20, 50, 30],
    ],
  },
  4: {
    names: ['方案设计与评审', '研发与实验室验证', '现场部署与试运行', '验收与推广'],
    deliverables: [
      '详细技术方案及专家评审意见',
      '核心算法与系统原型，实验室测试报告',
      '系统现场部署完成，试运行不少于{30|60}天',
      '验收报告，{indicators}达到考核指标，形成推广方案',
    ],
    splits: [
      [20, 30, 30, 20],
      [10, 30, 40, 20],
    ],
  },
};

const TITLE_TAIL = /(场景需求|应用场景|示范应用|场景|项目)$/;
const TITLE_SUFFIXES = ['揭榜挂帅项目', '技术攻关榜单', '揭榜攻关'];
const REWARD_STEPS_WAN = [50, 80, 100, 120, 150, 200, 260, 300, 350, 400, 500];

function indicatorsFor(rng: Rng, techFields: readonly TechFieldCode[]): Indicator[] {
  const fromFields = techFields.slice(0, 2).flatMap((f) => rng.sample(FIELD_INDICATORS[f], 1));
  const want = rng.int(2, 4);
  const pool = rng.shuffle(GENERIC_INDICATORS);
  const picked = fromFields.slice(0, want);
  while (picked.length < want) picked.push(pool[picked.length]!);
  return picked.map((i) => ({ name: i.name, target: rng.fill(i.target), unit: i.unit, method: rng.fill(i.method) }));
}

function rewardWan(rng: Rng, need: ChallengeSourceNeed): number {
  const [min, max] = CHALLENGE_REWARD_RANGE_WAN;
  const budget = need.budgetMax ?? need.budgetMin;
  if (budget === undefined) return rng.pick(REWARD_STEPS_WAN);
  return Math.min(max, Math.max(min, Math.round(budget / 10) * 10));
}

function milestonesFor(rng: Rng, indicators: readonly Indicator[]): ChallengeInputRaw['milestones'] {
  const plan = MILESTONE_PLANS[rng.int(2, 4)]!;
  const split = rng.pick(plan.splits);
  const named = indicators.map((i) => i.name).join('、');
  return plan.names.map((name, k) => ({
    name,
    percent: split[k]!,
    deliverables: rng.fill(plan.deliverables[k]!, { indicators: named }),
  }));
}

function deliveryFor(rng: Rng, now: Date, deadlineDays: number): ChallengeInputRaw['deliveryPeriod'] {
  const months = rng.pick([6, 9, 12, 12, 18, 24]);
  if (rng.chance(0.75)) return { kind: 'months', months };
  const startDays = deadlineDays + 30;
  return { kind: 'dates', start: dayOf(now, startDays), end: dayOf(now, startDays + months * 30) };
}

/** The Shanghai calendar day `days` after `now`, as YYYY-MM-DD. */
const dayOf = (now: Date, days: number) => shanghaiIso(now, days, 0).slice(0, 10);

export function buildChallenge(rng: Rng, need: ChallengeSourceNeed, now: Date): ChallengeInputRaw {
  const deadlineDays = rng.int(5, 30);
  const indicators = indicatorsFor(rng, need.techFields);
  const delivery = deliveryFor(rng, now, deadlineDays);
  const within = delivery.kind === 'months' ? `${delivery.months}个月内` : `${delivery.start}至${delivery.end}期间`;
  const tech = need.techFields.map((f) => rng.pick(TECH_PHRASES[f])).join('、');
  const title = `${need.title.replace(TITLE_TAIL, '')}${rng.pick(TITLE_SUFFIXES)}`.slice(0, 100);
  const problem =
    `【背景与问题】${need.description}\n` +
    `【揭榜任务】揭榜单位须在${within}综合运用${tech}等技术完成研发、现场部署和试运行，并达到下列考核指标。\n` +
    `【预期成效】${need.expectedOutcome}`;
  const eligibility = rng.weighted(['default', 'qualified', 'kinds'], [4, 3, 3]);
  return {
    title,
    problem,
    sourceNeedId: null,
    indicators,
    rewardFen: rewardWan(rng, need) * WAN_YUAN_FEN,
    milestones: milestonesFor(rng, indicators),
    deliveryPeriod: delivery,
    mode: rng.chance(0.35) ? { kind: 'horse_race', maxTeams: rng.int(2, 3) } : { kind: 'single' },
    applicationDeadline: shanghaiIso(now, deadlineDays, 17),
    ...(eligibility === 'qualified' ? { eligibility: { qualifications: ['high_tech_enterprise'], excludeDishonest: true } } : {}),
    ...(eligibility === 'kinds'
      ? { eligibility: { organizationKinds: [...CHALLENGE_APPLICANT_KINDS], notWinnerWithinYears: 3, excludeDishonest: true } }
      : {}),
  };
}

/** Who the "kinds" rule lets apply: enterprises, universities and institutes. */
export const CHALLENGE_APPLICANT_KINDS: readonly OrganizationKind[] = [
  'ai_company',
  'private_enterprise',
  'university',
  'research_institute',
  'new_rd_institution',
];

/**
 * `count` challenges, each drawn from a different need while there are needs left; deadlines
 * 5–30 days after `now` at 17:00 Shanghai, rewards 50万–500万元 following the need's budget.
 */
export function generateChallenges(opts: { seed: Seed; count: number; needs: readonly ChallengeSourceNeed[]; now: Date }): DemoChallenge[] {
  if (opts.needs.length === 0) throw new Error('generateChallenges: needs must not be empty');
  const rng = new Rng(opts.seed, 'challenges');
  const order = rng.shuffle(opts.needs.map((_, i) => i));
  return Array.from({ length: opts.count }, (_, i) => {
    const needIndex = order[i % order.length]!;
    return { needIndex, input: buildChallenge(rng, opts.needs[needIndex]!, opts.now) };
  });
}

/** What an application reads of its challenge. */
export type ApplicationTarget = Pick<
  ChallengeInputRaw,
  'title' | 'rewardFen' | 'indicators' | 'milestones' | 'deliveryPeriod' | 'applicationDeadline'
>;

const APPROACHES = [
  '“边缘端实时推理+云端模型迭代”的总体架构',
  '“数据治理—模型训练—场景部署”一体化技术路线',
  '“平台+应用”两级架构，复用已有业务系统数据',
  '轻量化模型与现有业务系统深度融合的方案',
];
const LEADER_TITLES = ['技术总监', '首席科学家', '研究员', '教授', '高级工程师', '项目总监', '副总经理'];

/** Planned completion days, one per milestone, in order, spread over the delivery period (starting a week after the deadline). */
function scheduleFor(target: ApplicationTarget, now: Date): { plannedDate: string }[] {
  const n = target.milestones.length;
  const p = target.deliveryPeriod;
  if (p.kind === 'dates') {
    const start = Date.parse(`${p.start}T00:00:00+08:00`);
    const span = Date.parse(`${p.end}T00:00:00+08:00`) - start;
    return target.milestones.map((_, k) => ({ plannedDate: dayOf(new Date(start), Math.round((span / DAY) * ((k + 1) / n))) }));
  }
  const start = Math.max(now.getTime(), Date.parse(target.applicationDeadline)) + 7 * DAY;
  return target.milestones.map((_, k) => ({ plannedDate: dayOf(new Date(start), Math.round((p.months * 30 * (k + 1)) / n)) }));
}

/**
 * An application's content (plan, team leader, quote, schedule) by `leadName` to `target`,
 * written at `now`: the quote 75–100% of the reward in whole 万元, one planned date per milestone.
 * Consortium members are the seed's to add (they are ids).
 */
export function generateApplicationContent(opts: {
  seed: Seed;
  index: number;
  target: ApplicationTarget;
  leadName: string;
  now: Date;
}): Omit<ApplicationContentRaw, 'memberOrganizationIds'> {
  const rng = new Rng(opts.seed, `application-${opts.index}`);
  const { target } = opts;
  const quoteWan = Math.max(1, Math.floor((target.rewardFen * rng.int(75, 100)) / 100 / WAN_YUAN_FEN));
  const schedule = scheduleFor(target, opts.now);
  const promises = target.indicators.map((i) => `${i.name}${i.target}${i.unit}`).join('，');
  const steps = target.milestones.map((m, k) => `${m.name}（${schedule[k]!.plannedDate}前）`).join('；');
  const plan = [
    `一、技术路线：针对“${target.title}”，${opts.leadName}拟采用${rng.pick(APPROACHES)}，在发榜方现场完成部署与验证。`,
    `二、指标承诺：${promises}。`,
    `三、实施安排：${steps}。`,
    `四、团队与保障：项目团队${rng.int(8, 30)}人，其中高级职称${rng.int(2, 8)}人；${rng.pick(['已完成同类项目', '曾承担省部级同类课题', '在同行业已有落地案例'])}${rng.int(2, 6)}项，可提供驻场实施和运维服务。`,
  ].join('\n');
  return {
    plan,
    teamLeader: { name: personName(rng), title: rng.pick(LEADER_TITLES), phone: mobilePhone(rng) },
    quoteFen: quoteWan * WAN_YUAN_FEN,
    schedule,
  };
}

export interface DemoQualification {
  code: QualificationCode;
  certificateNo: string;
  /** Last valid day, YYYY-MM-DD. */
  validUntil: string;
}

/**
 * The qualifications an enterprise supplier holds (ai_company and private_enterprise; others
 * none): 高新技术企业 always, 软件企业 and ISO 27001 sometimes, valid 1–3 years after `now`.
 */
export function demoQualifications(opts: { seed: Seed; creditCode: string; kind: OrganizationKind; now: Date }): DemoQualification[] {
  if (opts.kind !== 'ai_company' && opts.kind !== 'private_enterprise') return [];
  const rng = new Rng(opts.seed, `qualifications-${opts.creditCode}`);
  const year = Number(dayOf(opts.now, 0).slice(0, 4));
  const province = opts.creditCode.slice(2, 4);
  const until = () => dayOf(opts.now, rng.int(365, 3 * 365));
  const out: DemoQualification[] = [
    { code: 'high_tech_enterprise', certificateNo: `GR${year - rng.int(0, 2)}${province}${rng.digits(6)}`, validUntil: until() },
  ];
  if (opts.kind === 'ai_company' && rng.chance(0.7)) {
    out.push({
      code: 'software_enterprise',
      certificateNo: `${province === '50' ? '渝' : ''}RQ-${year - 1}-${rng.digits(4)}`,
      validUntil: until(),
    });
  }
  if (rng.chance(0.4))
    out.push({ code: 'iso27001', certificateNo: `0${rng.digits(2)}ZB${year % 100}I3${rng.digits(4)}R0M`, validUntil: until() });
  return out;
}
