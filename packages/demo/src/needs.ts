/** Demo scenario needs (场景需求) across all 21 sectors; each passes `scenarioNeedSchema`. */
import { CHONGQING_CODE, CQ_DISTRICTS, mobilePhone, personName, pickDistrict } from './people.js';
import { ownersBySector, selfReference, speaksForArea, type DemoOwner } from './affinity.js';
import { Rng, type Seed } from './random.js';
import { AREA_BACKGROUNDS, SECTOR_TEMPLATE_BY_CODE, TECH_PHRASES, type SceneTemplate, type SectorTemplate } from './scenes.js';
import { type OPENNESS, type ScenarioNeed, SECTOR_CODES, type SectorCode, type TechFieldCode } from '@scenebridge/domain';
import { DEMO_EMAIL_SUFFIX } from './constants.js';

/** A need plus the credit code of the organisation that posts it (extra keys pass the schema). */
export type DemoScenarioNeed = ScenarioNeed & { ownerCreditCode: string };

type Openness = (typeof OPENNESS)[number];

/** Economy and city sectors carry more needs than, say, 家居. */
const SECTOR_WEIGHTS: Record<SectorCode, number> = {
  manufacturing: 10,
  agriculture: 5,
  logistics: 4,
  finance: 3,
  commerce: 3,
  home: 2,
  consumption: 3,
  transport: 4,
  energy: 4,
  city: 8,
  traffic: 5,
  environment: 5,
  public_safety: 5,
  community: 4,
  healthcare: 8,
  education: 6,
  elderly_care: 4,
  rural: 4,
  culture_tourism: 4,
  science: 3,
  major_events_projects: 3,
};
const SECTOR_WEIGHT_LIST = SECTOR_CODES.map((s) => SECTOR_WEIGHTS[s]);

/** Extra fields a need often adds to the scene's own: compute, networks, models. */
const EXTRA_TECH: readonly TechFieldCode[] = ['cloud_computing', 'networks_5g', 'foundation_models', 'data_intelligence', 'digital_twin'];

const districtByCode = new Map(CQ_DISTRICTS.map((d) => [d.code, d]));

export function pickTechFields(rng: Rng, scene: SceneTemplate): TechFieldCode[] {
  const out: TechFieldCode[] = scene.tech.slice(0, 2);
  for (const t of scene.tech.slice(2)) if (rng.chance(0.5)) out.push(t);
  if (rng.chance(0.25)) {
    const extra = rng.pick(EXTRA_TECH);
    if (!out.includes(extra)) out.push(extra);
  }
  return out.slice(0, 5);
}

export function techPhrase(rng: Rng, fields: readonly TechFieldCode[]): string {
  return fields.map((f) => rng.pick(TECH_PHRASES[f])).join('、');
}

/** 万元 amounts as lists print them: 15, 80, 120, 350, 1200. */
function roundBudget(x: number): number {
  if (x < 100) return Math.max(5, Math.round(x / 5) * 5);
  if (x < 1000) return Math.round(x / 10) * 10;
  return Math.round(x / 50) * 50;
}
const BUDGET_BASES = [10, 20, 30, 50, 80, 100, 150, 200, 300, 500, 800, 1000, 2000];
const BUDGET_BASE_WEIGHTS = [2, 4, 6, 9, 9, 10, 8, 7, 6, 4, 2, 2, 1];

export function pickBudget(rng: Rng, scale: number): { budgetMin?: number; budgetMax?: number } {
  const r = rng.next();
  if (r < 0.08) return {};
  const min = roundBudget(rng.weighted(BUDGET_BASES, BUDGET_BASE_WEIGHTS) * scale * (0.8 + rng.next() * 0.4));
  const max = Math.max(min, roundBudget(min * rng.pick([1.5, 2, 2, 2.5, 3, 4])));
  if (r < 0.13) return { budgetMax: max };
  return { budgetMin: min, budgetMax: max };
}

const DATA_SENTENCES: Record<Openness, readonly string[]> = {
  open: ['可提供近{1-5}年历史数据{及标注样本|及业务台账|}', '相关业务数据可向入选单位开放'],
  on_request: ['相关数据经脱敏后可按需提供', '数据可在签订保密协议后提供'],
  none: ['业务数据暂不对外开放，方案需支持本地化部署', '数据不出域，需在本地完成模型训练'],
};
const SITE_SENTENCES: Record<Openness, readonly string[]> = {
  open: ['可提供实际场地开展测试验证', '现场具备部署试点条件'],
  on_request: ['可根据需要安排现场踏勘和小范围试点', '经协商可开放现场测试'],
  none: [''],
};
const CLOSINGS = [
  '形成可复制、可推广的{scene}解决方案',
  '在{region}{2-10}个以上点位（单位）推广应用',
  '项目验收后申报标杆案例',
  '形成{1-3}项技术规范或地方标准',
  '带动相关企业新增产值{500-5000}万元',
];
const FILLERS = [
  '欢迎具备相关技术能力和落地经验的企业、高校院所参与对接。',
  '优先考虑已有同类项目实施经验的单位。',
  '鼓励产学研联合体共同揭榜。',
];

const TITLE_SUFFIXES = ['', '', '场景', '应用场景', '项目', '示范应用', '场景需求'];

export interface NeedContext {
  rng: Rng;
  sector: SectorTemplate;
  scene: SceneTemplate;
  owner: DemoOwner;
  index: number;
}

function regionFor(rng: Rng, owner: DemoOwner): { code: string; name: string } {
  const d = districtByCode.get(owner.regionCode);
  if (d) return { code: d.code, name: d.name };
  if (owner.regionCode === CHONGQING_CODE && rng.chance(0.5)) return { code: CHONGQING_CODE, name: '全市' };
  // Municipal-level owners and suppliers from elsewhere place the need in a district.
  const p = pickDistrict(rng);
  return { code: p.code, name: p.name };
}

function emailDomain(owner: DemoOwner): string {
  const at = owner.admin?.email.split('@')[1];
  return at ?? `demo.${DEMO_EMAIL_SUFFIX}`;
}

export function buildNeed({ rng, sector, scene, owner, index }: NeedContext): DemoScenarioNeed {
  const region = regionFor(rng, owner);
  const vars = { obj: rng.pick(scene.objects), we: selfReference(owner), region: region.name, scene: scene.name };
  const fill = (t: string) => rng.fill(t, vars);

  let title = fill(rng.pick(scene.titles));
  if (region.code !== CHONGQING_CODE && speaksForArea(owner.kind) && !title.startsWith(region.name) && rng.chance(0.35)) {
    title = region.name + title;
  }
  const suffix = /(建设|改造|升级|应用|平台)$/.test(title) ? rng.pick(['', '', '项目']) : rng.pick(TITLE_SUFFIXES);
  if (!(suffix.includes('场景') && title.includes('场景'))) title += suffix;

  const techFields = pickTechFields(rng, scene);
  const dataOpenness = rng.weighted<Openness>(['none', 'on_request', 'open'], [25, 50, 25]);
  const siteOpenness = rng.weighted<Openness>(['none', 'on_request', 'open'], [20, 45, 35]);
  const budget = pickBudget(rng, sector.budgetScale);

  const areaVoice = speaksForArea(owner.kind) && (sector.enterpriseSited || rng.chance(0.3));
  const background = fill(rng.pick(areaVoice ? AREA_BACKGROUNDS : scene.backgrounds));
  const pain = fill(rng.pick(scene.pains));
  const ask = fill(rng.pick(scene.asks));
  const goals = rng.sample(scene.goals, rng.int(2, 3)).map(fill);
  const openness = [fill(rng.pick(DATA_SENTENCES[dataOpenness])), fill(rng.pick(SITE_SENTENCES[siteOpenness]))].filter(Boolean).join('，');

  const parts = {
    background: `${background}。`,
    pain: `${pain.startsWith('目前') || rng.chance(0.5) ? '' : '当前'}${pain}。`,
    ask: `${ask}，${rng.pick(['拟综合运用', '重点应用', '可采用', '鼓励采用'])}${techPhrase(rng, techFields)}等技术。`,
    openness: openness ? `${openness}。` : '',
    goals: `${rng.pick(['预期', '项目建成后', '通过项目实施，'])}${goals.slice(0, 2).join('，')}。`,
  };
  const order: (keyof typeof parts)[] = ['background', 'pain', 'ask', 'openness', 'goals'];
  let description = order.map((k) => parts[k]).join('');
  if (description.length > 400)
    description = order
      .filter((k) => k !== 'openness')
      .map((k) => parts[k])
      .join('');
  if (description.length > 400)
    description = order
      .filter((k) => k !== 'openness' && k !== 'background')
      .map((k) => parts[k])
      .join('');
  while (description.length < 80) description += rng.pick(FILLERS);

  const expectedOutcome = `${goals.join('；')}；${fill(rng.pick(CLOSINGS))}。`;

  const contactName = rng.chance(0.7) ? owner.contactName : personName(rng);
  const contact: ScenarioNeed['contact'] = {
    name: contactName,
    phone: contactName === owner.contactName ? owner.contactPhone : mobilePhone(rng),
    public: rng.chance(0.3),
  };
  if (rng.chance(0.5)) contact.email = `xq${index + 1}@${emailDomain(owner)}`;

  return {
    ownerCreditCode: owner.creditCode,
    title,
    description,
    sector: sector.sector,
    techFields,
    regionCode: region.code,
    ...budget,
    dataOpenness,
    siteOpenness,
    expectedOutcome,
    contact,
  };
}

/**
 * `count` needs posted by `owners` (demand-side organisations). The first 21 cover every
 * sector; after that sectors follow a realistic mix and each need goes to an owner whose
 * kind and name fit the sector (a hospital posts 医疗 needs, a 交通 department 交通治理 ones).
 */
export function generateScenarioNeeds(opts: { seed: Seed; count: number; owners: readonly DemoOwner[] }): DemoScenarioNeed[] {
  if (opts.owners.length === 0) throw new Error('generateScenarioNeeds: owners must not be empty');
  const rng = new Rng(opts.seed, 'needs');
  const bySector = ownersBySector(opts.owners);
  const firstRound = rng.shuffle(SECTOR_CODES);
  const out: DemoScenarioNeed[] = [];
  for (let i = 0; i < opts.count; i++) {
    const code = i < firstRound.length ? firstRound[i]! : rng.weighted(SECTOR_CODES, SECTOR_WEIGHT_LIST);
    const sector = SECTOR_TEMPLATE_BY_CODE.get(code)!;
    out.push(buildNeed({ rng, sector, scene: rng.pick(sector.scenes), owner: rng.pick(bySector.get(code)!), index: i }));
  }
  return out;
}
