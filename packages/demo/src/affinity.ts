/** Which sectors an organisation plausibly posts needs in (or serves), judged from its kind and name. */
import { type OrganizationKind, SECTOR_CODES, type SectorCode } from '@scenebridge/domain';

/** The fields of an organisation the generators read; DB rows with these fields work too. */
export interface DemoOwner {
  name: string;
  creditCode: string;
  kind: OrganizationKind;
  regionCode: string;
  contactName: string;
  contactPhone: string;
  admin?: { email: string };
}

const NAME_RULES: ReadonlyArray<readonly [RegExp, readonly SectorCode[]]> = [
  [
    /经济和信息化|机电|汽车零部件|机械|电子|模具|摩托车|电器|新材料|包装|建材|玻璃纤维|智能装备|智能制造|高新技术产业开发区/,
    ['manufacturing', 'energy'],
  ],
  [/科学技术局|科技创新/, ['science', 'manufacturing']],
  [/大数据/, ['city', 'finance']],
  [/城市管理/, ['city', 'environment']],
  [/交通|轨道/, ['traffic', 'transport']],
  [/生态环境|水利|水务/, ['environment']],
  [/卫生健康/, ['healthcare', 'elderly_care']],
  [/教育委员会/, ['education']],
  [/农业|粮食/, ['agriculture', 'rural']],
  [/民政/, ['elderly_care', 'community']],
  [/应急|公安/, ['public_safety', 'traffic']],
  [/商务|商贸/, ['commerce', 'consumption']],
  [/文化和旅游|旅游/, ['culture_tourism']],
  [/体育/, ['culture_tourism', 'major_events_projects']],
  [/住房和城乡建设|城市建设|建工/, ['home', 'community', 'major_events_projects']],
  [/规划和自然资源/, ['rural', 'city']],
  [/市场监督/, ['consumption', 'public_safety']],
  [/能源|电力|燃气/, ['energy']],
  [/港务|物流/, ['logistics', 'transport']],
  [/医药/, ['healthcare', 'science']],
  [/金融|担保/, ['finance']],
  [/食品|火锅/, ['consumption', 'manufacturing']],
  [/家具/, ['home']],
  [/数字产业|数字经济|软件信息|电子信息/, ['city', 'finance', 'commerce']],
  [/低空经济/, ['transport', 'public_safety']],
  [/智能网联汽车/, ['transport', 'traffic', 'manufacturing']],
];

const KIND_SECTORS: Partial<Record<OrganizationKind, readonly SectorCode[]>> = {
  hospital: ['healthcare', 'elderly_care'],
  school: ['education'],
  university: ['education', 'science'],
  industrial_park: ['manufacturing', 'logistics', 'energy', 'environment', 'community'],
};
/** Used only when the name says nothing (a state-owned 实业集团 builds and runs infrastructure). */
const KIND_FALLBACK: Partial<Record<OrganizationKind, readonly SectorCode[]>> = {
  soe: ['major_events_projects', 'city', 'energy'],
};

/** Kinds that work in any sector (a district government, an AI company). */
const ANY_SECTOR_KINDS: readonly OrganizationKind[] = ['ai_company', 'research_institute', 'new_rd_institution', 'service_agency'];

export type Side = 'demand' | 'supply';

/**
 * Sectors for an organisation; `null` means any sector fits. On the supply side universities
 * serve every sector; on the demand side they post 教育 and 科学研究 needs.
 */
export function sectorAffinity(org: Pick<DemoOwner, 'name' | 'kind'>, side: Side = 'demand'): readonly SectorCode[] | null {
  if (ANY_SECTOR_KINDS.includes(org.kind)) return null;
  if (side === 'supply' && org.kind === 'university') return null;
  if (org.kind === 'government' && /人民政府$/.test(org.name)) return null;
  const out = new Set<SectorCode>(KIND_SECTORS[org.kind] ?? []);
  for (const [re, sectors] of NAME_RULES) if (re.test(org.name)) for (const s of sectors) out.add(s);
  if (out.size === 0) return org.kind === 'government' ? null : (KIND_FALLBACK[org.kind] ?? ['manufacturing']);
  return [...out];
}

/**
 * For each sector, the organisations that fit it; a sector nobody fits falls back to the
 * any-sector organisations, then to everyone.
 */
export function ownersBySector<T extends Pick<DemoOwner, 'name' | 'kind'>>(
  owners: readonly T[],
  side: Side = 'demand',
): Map<SectorCode, T[]> {
  const fits = new Map<SectorCode, T[]>(SECTOR_CODES.map((s) => [s, []]));
  const anySector: T[] = [];
  for (const o of owners) {
    const a = sectorAffinity(o, side);
    if (a === null) anySector.push(o);
    for (const s of a ?? SECTOR_CODES) fits.get(s)!.push(o);
  }
  for (const s of SECTOR_CODES) {
    if (fits.get(s)!.length === 0) fits.set(s, anySector.length > 0 ? anySector : owners.slice());
  }
  return fits;
}

/** How an organisation refers to itself in a text: 我局, 我委, 我院, 我校, 我公司 …. */
export function selfReference(org: Pick<DemoOwner, 'name' | 'kind'>): string {
  const n = org.name.replace(/（\d+）$/, '');
  if (/人民政府$/.test(n)) return '我区';
  if (/(局|分局)$/.test(n)) return '我局';
  if (/委员会$/.test(n)) return org.kind === 'industrial_park' ? '园区管委会' : '我委';
  if (org.kind === 'hospital' || /(医院|研究院)$/.test(n)) return '我院';
  if (org.kind === 'school' || org.kind === 'university' || /(学校|学院|大学|中学|小学)$/.test(n)) return '我校';
  if (/研究所$/.test(n)) return '我所';
  if (/中心$/.test(n)) return '我中心';
  if (/公司$/.test(n)) return org.kind === 'industrial_park' ? '园区' : '我公司';
  return '我单位';
}

/** Government bodies and parks speak for an area rather than their own operations. */
export const speaksForArea = (kind: OrganizationKind) => kind === 'government' || kind === 'industrial_park';
