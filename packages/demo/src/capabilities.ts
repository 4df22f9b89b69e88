/** Demo capabilities (场景能力/解决方案) offered by suppliers; each passes `capabilitySchema`. */
import { type Capability, type OrganizationKind, SECTOR_CODES, type SectorCode, sectorName } from '@scenebridge/domain';
import { ownersBySector, type DemoOwner } from './affinity.js';
import { pickTechFields, techPhrase } from './needs.js';
import { CQ_DISTRICTS, mobilePhone, personName } from './people.js';
import { Rng, type Seed } from './random.js';
import { SECTOR_TEMPLATE_BY_CODE } from './scenes.js';

/** A capability plus the credit code of the supplier that offers it. */
export type DemoCapability = Capability & { ownerCreditCode: string };

const CITY_PREFIX = /^(重庆市|重庆|北京|上海|苏州|杭州|深圳市|成都)/;

/** 重庆智视科技有限公司 → 智视 (the 字号), for product names. */
export function brandOf(name: string): string {
  return name.replace(CITY_PREFIX, '').slice(0, 2);
}

/** Maturity by kind: companies sell products (TRL 6–9), universities offer earlier results. */
const TRL_RANGE: Record<OrganizationKind, readonly [number, number]> = {
  ai_company: [6, 9],
  private_enterprise: [6, 9],
  new_rd_institution: [4, 8],
  research_institute: [3, 8],
  university: [2, 7],
  government: [5, 9],
  soe: [6, 9],
  hospital: [4, 8],
  school: [4, 8],
  industrial_park: [5, 9],
  service_agency: [5, 9],
};

const isAcademic = (kind: OrganizationKind) => kind === 'university' || kind === 'research_institute';

function maturitySentence(trl: number): string {
  if (trl >= 8) return '产品已完成工程化验证并实现批量部署';
  if (trl >= 6) return '已完成原型系统在真实环境中的示范验证，具备推广条件';
  if (trl >= 4) return '已完成关键技术实验室验证，正在寻找应用场景开展中试';
  return '目前处于原理验证阶段，希望与场景方联合开展应用研究';
}

const SERVICES = [
  '可提供方案设计、部署实施和运维培训全流程服务',
  '支持私有化部署和SaaS两种交付方式',
  '可联合需求方开展定制化研发',
  '支持先试用后付费等灵活合作模式',
  '可提供专利许可或技术转让',
];

export function generateCapabilities(opts: { seed: Seed; count: number; owners: readonly DemoOwner[] }): DemoCapability[] {
  if (opts.owners.length === 0) throw new Error('generateCapabilities: owners must not be empty');
  const rng = new Rng(opts.seed, 'capabilities');
  const bySector = ownersBySector(opts.owners, 'supply');
  const firstRound = rng.shuffle(SECTOR_CODES);
  const out: DemoCapability[] = [];
  for (let i = 0; i < opts.count; i++) {
    const code = i < firstRound.length ? firstRound[i]! : rng.pick(SECTOR_CODES);
    const sector = SECTOR_TEMPLATE_BY_CODE.get(code)!;
    const scene = rng.pick(sector.scenes);
    const owner = rng.pick(bySector.get(code)!);
    const obj = rng.pick(scene.objects);
    const fill = (t: string) => rng.fill(t, { obj, scene: scene.name, region: '重庆', we: '我们' });

    const academic = isAcademic(owner.kind);
    const brand = brandOf(owner.name);
    const title = academic
      ? rng.pick([`面向${obj}的${scene.name}关键技术`, `${obj}${scene.name}关键技术与系统`, `${scene.name}技术成果（${obj}方向）`])
      : rng.pick([
          `${brand}${scene.name}${rng.pick(['解决方案', '系统', '平台'])}`,
          `面向${obj}的${scene.name}${rng.pick(['解决方案', '系统'])}`,
          `${obj}${scene.name}${rng.pick(['一体化解决方案', '智能平台'])}`,
        ]);

    const techFields = pickTechFields(rng, scene);
    const [lo, hi] = TRL_RANGE[owner.kind];
    const maturityTrl = rng.int(lo, hi);
    const nCases = maturityTrl >= 7 ? rng.int(1, 3) : maturityTrl >= 5 ? rng.int(0, 2) : rng.int(0, 1);
    const referenceCases: Capability['referenceCases'] = [];
    for (let c = 0; c < nCases; c++) {
      const d = rng.pick(CQ_DISTRICTS);
      const client = rng.fill(rng.pick(sector.clients), { district: d.name, d: d.short });
      const metric = fill(rng.pick(scene.goals));
      referenceCases.push({
        title: `${client}${scene.name}项目`,
        client,
        year: rng.int(2019, 2025),
        summary: `为${client}建设${obj}${scene.name}系统，${metric}。`,
      });
    }

    const related = rng.sample(sector.related, rng.int(0, 2));
    const sectors: SectorCode[] = [code, ...related.filter((s) => s !== code)].slice(0, 5);
    const offers = rng.sample(scene.offers, 2).map(fill);
    const metric = fill(rng.pick(scene.goals));
    const description = [
      `${rng.pick(['本方案', '该产品', '该成果'])}面向${sectorName(code)}领域${obj}${scene.name}需求，${offers.join('；')}。`,
      `核心技术包括${techPhrase(rng, techFields)}。`,
      `${maturitySentence(maturityTrl)}。`,
      referenceCases.length > 0 ? `已在${referenceCases.map((r) => r.client).join('、')}等单位落地应用，实际应用中${metric}。` : '',
      related.length > 0 ? `可拓展应用于${related.map(sectorName).join('、')}等领域。` : '',
      `${rng.pick(SERVICES)}。`,
    ].join('');

    const contactName = rng.chance(0.75) ? owner.contactName : personName(rng);
    out.push({
      ownerCreditCode: owner.creditCode,
      title,
      description,
      techFields,
      sectors,
      maturityTrl,
      referenceCases,
      regionCode: owner.regionCode,
      contact: {
        name: contactName,
        phone: contactName === owner.contactName ? owner.contactPhone : mobilePhone(rng),
        public: rng.chance(0.6),
      },
    });
  }
  return out;
}
