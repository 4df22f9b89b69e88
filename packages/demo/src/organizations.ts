/**
 * Demo organisations: plausible (invented) Chinese organisations of every kind, each with a
 * valid 统一社会信用代码, a contact and an admin account. Names follow real naming patterns
 * (重庆市渝北区经济和信息化委员会, 重庆智视科技有限公司) but the specific companies,
 * universities and institutes are made up.
 */
import { creditCodeCheckChar, ORGANIZATION_KINDS, type OrganizationKind, type OrganizationRegistration } from '@scenebridge/domain';
import { DEMO_EMAIL_SUFFIX, DEMO_PASSWORD } from './constants.js';
import { address, CHONGQING_CODE, CQ_DISTRICTS, landlinePhone, mobilePhone, OTHER_REGIONS, personName, pickDistrict } from './people.js';
import { Rng, type Seed } from './random.js';

/** An organisation ready for `organizationRegistrationSchema` (it already passes it). */
export type DemoOrganization = OrganizationRegistration & { address: string };

/** Kinds that post scenario needs (场景方/需求方). */
export const DEMAND_SIDE_KINDS: readonly OrganizationKind[] = [
  'government',
  'soe',
  'hospital',
  'school',
  'industrial_park',
  'private_enterprise',
];
/** Kinds that register capabilities (供给方). */
export const SUPPLY_SIDE_KINDS: readonly OrganizationKind[] = [
  'ai_company',
  'university',
  'research_institute',
  'new_rd_institution',
  'private_enterprise',
];
export const isDemandSide = (kind: OrganizationKind) => DEMAND_SIDE_KINDS.includes(kind);
export const isSupplySide = (kind: OrganizationKind) => SUPPLY_SIDE_KINDS.includes(kind);

// ---------------------------------------------------------------------------------------
// 统一社会信用代码

/**
 * First two characters (登记管理部门码 + 机构类别码, GB 32100-2015): 11 机关, 12 事业单位,
 * 51 社会团体, 52 民办非企业单位, 91 企业.
 */
type Authority = '11' | '12' | '51' | '52' | '91';
/** How the nine-character organisation code looks: post-2015 enterprises get MA…, social organisations MJ…. */
type OrgCodeStyle = 'ma' | 'mj' | 'digits';

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 check character for the first eight characters of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i] ?? '0';
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * weights[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function orgCode(rng: Rng, style: OrgCodeStyle): string {
  let first8: string;
  if (style === 'ma' || style === 'mj') {
    first8 = style === 'ma' ? 'MA' : 'MJ';
    for (let i = 0; i < 6; i++) first8 += CODE_CHARS[rng.int(0, CODE_CHARS.length - 1)];
  } else {
    first8 = rng.pick(['00', '20', '45', '50', '70', '74', '76']) + rng.digits(6);
  }
  return first8 + orgCodeCheckChar(first8);
}

/** A valid code not in `used` (which it joins). */
export function makeCreditCode(rng: Rng, authority: Authority, regionCode: string, style: OrgCodeStyle, used: Set<string>): string {
  for (;;) {
    const first17 = authority + regionCode + orgCode(rng, style);
    const code = first17 + creditCodeCheckChar(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Names

export interface NameDraft {
  name: string;
  /** Pinyin-ish e-mail domain label, without `.example.cn`. */
  domain: string;
  regionCode: string;
  authority: Authority;
  style: OrgCodeStyle;
}

type Part = readonly [string, string]; // [汉字, pinyin]

const BRAND_A: readonly Part[] = [
  ['智', 'zhi'],
  ['云', 'yun'],
  ['数', 'shu'],
  ['芯', 'xin'],
  ['慧', 'hui'],
  ['灵', 'ling'],
  ['锐', 'rui'],
  ['星', 'xing'],
  ['图', 'tu'],
  ['深', 'shen'],
  ['联', 'lian'],
  ['翼', 'yi'],
  ['擎', 'qing'],
  ['信', 'xin'],
  ['达', 'da'],
  ['创', 'chuang'],
  ['启', 'qi'],
  ['睿', 'rui'],
  ['凌', 'ling'],
  ['腾', 'teng'],
  ['泽', 'ze'],
  ['航', 'hang'],
  ['极', 'ji'],
  ['知', 'zhi'],
  ['象', 'xiang'],
  ['晟', 'sheng'],
  ['博', 'bo'],
  ['天', 'tian'],
  ['海', 'hai'],
  ['山', 'shan'],
  ['渝', 'yu'],
  ['巴', 'ba'],
  ['明', 'ming'],
  ['光', 'guang'],
  ['易', 'yi'],
  ['优', 'you'],
  ['朗', 'lang'],
  ['弈', 'yi'],
  ['觅', 'mi'],
  ['青', 'qing'],
];
const BRAND_B: readonly Part[] = [
  ['视', 'shi'],
  ['算', 'suan'],
  ['图', 'tu'],
  ['达', 'da'],
  ['维', 'wei'],
  ['行', 'xing'],
  ['言', 'yan'],
  ['瞳', 'tong'],
  ['擎', 'qing'],
  ['境', 'jing'],
  ['鸿', 'hong'],
  ['衡', 'heng'],
  ['微', 'wei'],
  ['源', 'yuan'],
  ['帆', 'fan'],
  ['界', 'jie'],
  ['元', 'yuan'],
  ['峰', 'feng'],
  ['澜', 'lan'],
  ['芯', 'xin'],
  ['影', 'ying'],
  ['途', 'tu'],
  ['策', 'ce'],
  ['联', 'lian'],
  ['智', 'zhi'],
  ['云', 'yun'],
  ['数', 'shu'],
  ['慧', 'hui'],
  ['捷', 'jie'],
  ['驰', 'chi'],
  ['航', 'hang'],
  ['识', 'shi'],
  ['感', 'gan'],
  ['锋', 'feng'],
  ['链', 'lian'],
  ['语', 'yu'],
];
const TRAD_A: readonly Part[] = [
  ['恒', 'heng'],
  ['宏', 'hong'],
  ['鑫', 'xin'],
  ['隆', 'long'],
  ['盛', 'sheng'],
  ['祥', 'xiang'],
  ['泰', 'tai'],
  ['通', 'tong'],
  ['力', 'li'],
  ['宇', 'yu'],
  ['嘉', 'jia'],
  ['永', 'yong'],
  ['福', 'fu'],
  ['金', 'jin'],
  ['瑞', 'rui'],
  ['丰', 'feng'],
  ['兴', 'xing'],
  ['安', 'an'],
  ['德', 'de'],
  ['昌', 'chang'],
  ['华', 'hua'],
  ['建', 'jian'],
  ['长', 'chang'],
  ['正', 'zheng'],
];
const TRAD_B: readonly Part[] = [
  ['达', 'da'],
  ['丰', 'feng'],
  ['源', 'yuan'],
  ['泰', 'tai'],
  ['祥', 'xiang'],
  ['盛', 'sheng'],
  ['鑫', 'xin'],
  ['隆', 'long'],
  ['通', 'tong'],
  ['远', 'yuan'],
  ['辉', 'hui'],
  ['宇', 'yu'],
  ['成', 'cheng'],
  ['旺', 'wang'],
  ['顺', 'shun'],
  ['和', 'he'],
  ['信', 'xin'],
  ['诚', 'cheng'],
  ['江', 'jiang'],
  ['川', 'chuan'],
];

function brand(rng: Rng, a: readonly Part[], b: readonly Part[]): Part {
  const x = rng.pick(a);
  let y = rng.pick(b);
  while (y[0] === x[0]) y = rng.pick(b);
  return [x[0] + y[0], x[1] + y[1]];
}

/** District government departments: [name, e-mail domain label]. */
const DEPARTMENTS: readonly Part[] = [
  ['经济和信息化委员会', 'jxw'],
  ['科学技术局', 'kjj'],
  ['大数据应用发展管理局', 'dsj'],
  ['城市管理局', 'cgj'],
  ['交通运输委员会', 'jtw'],
  ['生态环境局', 'sthjj'],
  ['卫生健康委员会', 'wjw'],
  ['教育委员会', 'jw'],
  ['农业农村委员会', 'nyncw'],
  ['民政局', 'mzj'],
  ['应急管理局', 'yjj'],
  ['商务委员会', 'sww'],
  ['文化和旅游发展委员会', 'whlyw'],
  ['住房和城乡建设委员会', 'zjw'],
  ['规划和自然资源局', 'ghzrj'],
  ['水利局', 'slj'],
  ['市场监督管理局', 'scjgj'],
  ['人民政府', 'gov'],
  ['公安分局', 'ga'],
  ['体育局', 'tyj'],
];

const HOSPITAL_TYPES: readonly Part[] = [
  ['人民医院', 'rmyy'],
  ['中医院', 'zyy'],
  ['妇幼保健院', 'fy'],
  ['第二人民医院', 'dermyy'],
  ['第三人民医院', 'dsrmyy'],
  ['精神卫生中心', 'jwzx'],
  ['口腔医院', 'kqyy'],
  ['骨科医院', 'gkyy'],
  ['康复医院', 'kfyy'],
  ['肿瘤医院', 'zlyy'],
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const SCHOOL_NAMES: readonly Part[] = [
  ['实验', 'sy'],
  ['第一', 'dy'],
  ['第二', 'de'],
  ['育才', 'yc'],
  ['星光', 'xg'],
  ['新城', 'xc'],
  ['英才', 'ycai'],
  ['明德', 'md'],
  ['启航', 'qh'],
  ['博雅', 'by'],
  ['致远', 'zy'],
  ['崇文', 'cw'],
  ['求知', 'qz'],
  ['励志', 'lz'],
];
const SCHOOL_TYPES: readonly Part[] = [
  ['中学', 'zx'],
  ['小学', 'xx'],
  ['中学校', 'zx'],
  ['职业教育中心', 'zjzx'],
  ['中等职业学校', 'zz'],
  ['外国语学校', 'wgy'],
  ['实验学校', 'syxx'],
];

const UNI_PREFIX: readonly Part[] = [
  ['长江', 'changjiang'],
  ['嘉陵', 'jialing'],
  ['巴渝', 'bayu'],
  ['山城', 'shancheng'],
  ['渝州', 'yuzhou'],
  ['缙云', 'jinyun'],
  ['歌乐', 'gele'],
  ['南山', 'nanshan'],
  ['江城', 'jiangcheng'],
  ['两江', 'liangjiang'],
  ['朝天', 'chaotian'],
  ['明月', 'mingyue'],
];
const UNI_OTHER_PREFIX: Record<string, Part> = {
  '110108': ['京华', 'jinghua'],
  '310115': ['东海', 'donghai'],
  '320500': ['姑苏', 'gusu'],
  '330100': ['钱塘', 'qiantang'],
  '440300': ['鹏城', 'pengcheng'],
  '510100': ['锦江', 'jinjiang'],
};
const UNI_TYPES: readonly Part[] = [
  ['理工大学', 'lg'],
  ['科技大学', 'kj'],
  ['信息工程学院', 'xxgc'],
  ['职业技术学院', 'zy'],
  ['工商大学', 'gs'],
  ['医科大学', 'yk'],
  ['师范学院', 'sf'],
  ['交通职业学院', 'jtzy'],
  ['电子工程职业学院', 'dzgc'],
  ['工程学院', 'gc'],
  ['智能科学大学', 'znkx'],
  ['农业大学', 'ny'],
];

const RESEARCH_FIELDS: readonly Part[] = [
  ['智能制造', 'znzz'],
  ['工业自动化', 'gyzdh'],
  ['农业信息', 'nyxx'],
  ['生物医药', 'swyy'],
  ['环境科学', 'hjkx'],
  ['交通科学', 'jtkx'],
  ['先进材料', 'xjcl'],
  ['智能感知', 'zngz'],
  ['电力科学', 'dlkx'],
  ['计量质量检测', 'jlzj'],
  ['城市规划', 'csgh'],
  ['信息通信', 'xxtx'],
  ['地质矿产', 'dzkc'],
  ['气象科学', 'qxkx'],
  ['建筑科学', 'jzkx'],
];
const RD_FIELDS: readonly Part[] = [
  ['人工智能', 'ai'],
  ['智能网联汽车', 'icv'],
  ['工业互联网', 'iiot'],
  ['具身智能', 'embodied'],
  ['大数据', 'bigdata'],
  ['低空经济', 'lowalt'],
  ['智能传感', 'sensor'],
  ['类脑智能', 'brain'],
  ['生成式人工智能', 'aigc'],
  ['数字孪生', 'twin'],
];

const PARK_THEMES: readonly Part[] = [
  ['智能装备', 'zb'],
  ['软件信息', 'rj'],
  ['大数据', 'dsj'],
  ['智能网联汽车', 'icv'],
  ['生物医药', 'swyy'],
  ['数字经济', 'szjj'],
  ['人工智能', 'ai'],
  ['新材料', 'xcl'],
  ['低空经济', 'dk'],
  ['电子信息', 'dzxx'],
  ['现代物流', 'wl'],
  ['智能制造', 'zz'],
  ['食品加工', 'sp'],
];

const SOE_INDUSTRIES: readonly Part[] = [
  ['能源投资', 'nengtou'],
  ['交通开发', 'jiaotou'],
  ['水务', 'shuiwu'],
  ['城市建设投资', 'chengtou'],
  ['机电', 'jidian'],
  ['港务物流', 'gangwu'],
  ['燃气', 'ranqi'],
  ['医药', 'yiyao'],
  ['农业投资', 'nongtou'],
  ['旅游投资', 'lvtou'],
  ['建工', 'jiangong'],
  ['数字产业', 'shuchan'],
  ['电力', 'dianli'],
  ['轨道交通', 'guidao'],
  ['公共交通', 'gongjiao'],
  ['金融控股', 'jinkong'],
  ['融资担保', 'danbao'],
  ['粮食', 'liangshi'],
];

const PRIVATE_INDUSTRIES: readonly Part[] = [
  ['汽车零部件', 'auto'],
  ['机械制造', 'jixie'],
  ['电子', 'dianzi'],
  ['精密模具', 'muju'],
  ['摩托车', 'moto'],
  ['农业开发', 'nongye'],
  ['物流', 'wuliu'],
  ['电器', 'dianqi'],
  ['食品', 'shipin'],
  ['医药', 'yiyao'],
  ['新材料', 'xcl'],
  ['包装', 'baozhuang'],
  ['建材', 'jiancai'],
  ['火锅食品', 'huoguo'],
  ['农业科技', 'nongke'],
  ['家具', 'jiaju'],
  ['商贸', 'shangmao'],
  ['玻璃纤维', 'boxian'],
];
const PRIVATE_FORMS = ['有限公司', '有限公司', '股份有限公司', '集团有限公司'];

const AI_SUFFIXES: readonly Part[] = [
  ['科技', 'tech'],
  ['智能科技', 'ai'],
  ['信息技术', 'it'],
  ['数据科技', 'data'],
  ['人工智能科技', 'ai'],
  ['机器人', 'robot'],
  ['视觉技术', 'vision'],
  ['网络科技', 'net'],
  ['软件', 'soft'],
  ['数字科技', 'digital'],
];

/** Chongqing district, the municipality level, or (for suppliers) another city. */
function pickRegion(rng: Rng, pMunicipal: number, pOutside: number): { code: string; short: string; py: string; prefix: string } {
  const r = rng.next();
  if (r < pOutside) {
    const o = rng.pick(OTHER_REGIONS);
    return { code: o.code, short: o.prefix.replace(/市$/, ''), py: o.py, prefix: o.prefix };
  }
  if (r < pOutside + pMunicipal) return { code: CHONGQING_CODE, short: '重庆', py: 'cq', prefix: '重庆' };
  const d = pickDistrict(rng);
  return { code: d.code, short: d.short, py: d.py, prefix: '重庆' };
}

function draftName(rng: Rng, kind: OrganizationKind): NameDraft {
  switch (kind) {
    case 'government': {
      const d = pickDistrict(rng);
      const [dept, abbr] = rng.pick(DEPARTMENTS);
      const name = abbr === 'ga' ? `重庆市公安局${d.name}分局` : `重庆市${d.name}${dept}`;
      return { name, domain: `${d.py}-${abbr}`, regionCode: d.code, authority: '11', style: 'digits' };
    }
    case 'hospital': {
      if (rng.chance(0.2)) {
        const n = rng.int(0, ORDINALS.length - 1);
        return {
          name: `重庆市第${ORDINALS[n]}人民医院`,
          domain: `cq-h${n + 1}`,
          regionCode: pickDistrict(rng).code,
          authority: '12',
          style: 'digits',
        };
      }
      if (rng.chance(0.15)) {
        const [p, ppy] = rng.pick(UNI_PREFIX);
        const n = rng.int(0, 3);
        return {
          name: `${p}医科大学附属第${ORDINALS[n]}医院`,
          domain: `${ppy}-yk-fy${n + 1}`,
          regionCode: pickDistrict(rng).code,
          authority: '12',
          style: 'digits',
        };
      }
      const d = pickDistrict(rng);
      const [t, tpy] = rng.pick(HOSPITAL_TYPES);
      return { name: `重庆市${d.name}${t}`, domain: `${d.py}-${tpy}`, regionCode: d.code, authority: '12', style: 'digits' };
    }
    case 'school': {
      const d = pickDistrict(rng);
      const [n, npy] = rng.pick(SCHOOL_NAMES);
      let [t, tpy] = rng.pick(SCHOOL_TYPES);
      if (n === '实验' && t === '实验学校') [t, tpy] = ['小学', 'xx'];
      return { name: `重庆市${d.name}${n}${t}`, domain: `${d.py}-${npy}${tpy}`, regionCode: d.code, authority: '12', style: 'digits' };
    }
    case 'university': {
      const r = pickRegion(rng, 0.5, 0.2);
      const [p, ppy] = r.code.startsWith('50') ? rng.pick(UNI_PREFIX) : (UNI_OTHER_PREFIX[r.code] ?? rng.pick(UNI_PREFIX));
      const [t, tpy] = rng.pick(UNI_TYPES);
      const city = r.code.startsWith('50') ? '重庆' : r.short;
      return { name: `${city}${p}${t}`, domain: `${ppy}${tpy}`, regionCode: r.code, authority: '12', style: 'digits' };
    }
    case 'research_institute': {
      const r = pickRegion(rng, 0.5, 0.2);
      const [f, fpy] = rng.pick(RESEARCH_FIELDS);
      if (r.code === CHONGQING_CODE && rng.chance(0.6)) {
        return { name: `重庆市${f}研究院`, domain: `cq-${fpy}`, regionCode: r.code, authority: '12', style: 'digits' };
      }
      const [b, bpy] = brand(rng, TRAD_A, BRAND_B);
      const suffix = rng.pick(['研究所', '研究院', '研究中心']);
      return { name: `${r.prefix}${b}${f}${suffix}`, domain: `${bpy}-${fpy}`, regionCode: r.code, authority: '12', style: 'digits' };
    }
    case 'new_rd_institution': {
      const r = pickRegion(rng, 0.3, 0.15);
      const [b, bpy] = brand(rng, BRAND_A, BRAND_B);
      const [f, fpy] = rng.pick(RD_FIELDS);
      if (rng.chance(0.5)) {
        return { name: `${r.prefix}${b}${f}研究院有限公司`, domain: `${bpy}-${fpy}`, regionCode: r.code, authority: '91', style: 'ma' };
      }
      return {
        name: `${r.prefix}${b}${f}创新研究院`,
        domain: `${bpy}-${fpy}-ri`,
        regionCode: r.code,
        authority: rng.chance(0.5) ? '52' : '12',
        style: 'mj',
      };
    }
    case 'industrial_park': {
      const d = pickDistrict(rng);
      const [t, tpy] = rng.pick(PARK_THEMES);
      const r = rng.next();
      if (r < 0.2)
        return {
          name: `重庆${d.short}高新技术产业开发区管理委员会`,
          domain: `${d.py}-gxq`,
          regionCode: d.code,
          authority: '11',
          style: 'digits',
        };
      if (r < 0.6)
        return {
          name: `重庆${d.short}${t}产业园管理委员会`,
          domain: `${d.py}-${tpy}-park`,
          regionCode: d.code,
          authority: '11',
          style: 'digits',
        };
      return {
        name: `重庆${d.short}${t}产业园运营管理有限公司`,
        domain: `${d.py}-${tpy}-yy`,
        regionCode: d.code,
        authority: '91',
        style: 'ma',
      };
    }
    case 'soe': {
      const [ind, ipy] = rng.pick(SOE_INDUSTRIES);
      if (rng.chance(0.5)) {
        const d = pickDistrict(rng);
        return {
          name: `重庆市${d.short}${ind}集团有限公司`,
          domain: `${d.py}-${ipy}`,
          regionCode: d.code,
          authority: '91',
          style: 'digits',
        };
      }
      const [b, bpy] = brand(rng, TRAD_A, TRAD_B);
      return { name: `重庆${b}${ind}集团有限公司`, domain: `${bpy}-${ipy}`, regionCode: CHONGQING_CODE, authority: '91', style: 'digits' };
    }
    case 'private_enterprise': {
      const r = pickRegion(rng, 0, 0.1);
      const [b, bpy] = brand(rng, TRAD_A, TRAD_B);
      const [ind, ipy] = rng.pick(PRIVATE_INDUSTRIES);
      return {
        name: `${r.prefix}${b}${ind}${rng.pick(PRIVATE_FORMS)}`,
        domain: `${bpy}-${ipy}`,
        regionCode: r.code,
        authority: '91',
        style: 'ma',
      };
    }
    case 'ai_company': {
      const r = pickRegion(rng, 0, 0.3);
      let [b, bpy] = brand(rng, BRAND_A, BRAND_B);
      // 渝 and 巴 mark Chongqing; companies elsewhere rarely carry them.
      while (!r.code.startsWith('50') && /[渝巴]/.test(b)) [b, bpy] = brand(rng, BRAND_A, BRAND_B);
      const [s, spy] = rng.pick(AI_SUFFIXES);
      const form = rng.chance(0.85) ? '有限公司' : '股份有限公司';
      return { name: `${r.prefix}${b}${s}${form}`, domain: `${bpy}${spy}`, regionCode: r.code, authority: '91', style: 'ma' };
    }
    case 'service_agency': {
      const d = pickDistrict(rng);
      const [b, bpy] = brand(rng, TRAD_A, BRAND_B);
      const r = rng.next();
      if (r < 0.3) return { name: `重庆${b}技术转移服务有限公司`, domain: `${bpy}-jszy`, regionCode: d.code, authority: '91', style: 'ma' };
      if (r < 0.5)
        return { name: `重庆市${d.name}科技创新服务中心`, domain: `${d.py}-kcfw`, regionCode: d.code, authority: '12', style: 'digits' };
      if (r < 0.7) return { name: `重庆${b}知识产权运营有限公司`, domain: `${bpy}-ip`, regionCode: d.code, authority: '91', style: 'ma' };
      if (r < 0.85)
        return { name: `重庆市${d.name}人工智能产业联盟`, domain: `${d.py}-aia`, regionCode: d.code, authority: '51', style: 'mj' };
      return { name: `重庆${b}科技企业孵化器有限公司`, domain: `${bpy}-fhq`, regionCode: d.code, authority: '91', style: 'ma' };
    }
  }
}

/** Kind mix after the first round (one of each kind); demand and supply both well represented. */
const KIND_WEIGHTS: Record<OrganizationKind, number> = {
  government: 15,
  soe: 8,
  private_enterprise: 12,
  ai_company: 24,
  university: 6,
  research_institute: 5,
  new_rd_institution: 5,
  hospital: 8,
  school: 6,
  industrial_park: 5,
  service_agency: 4,
};

const LANDLINE_SHARE: Record<OrganizationKind, number> = {
  government: 0.7,
  soe: 0.5,
  private_enterprise: 0.3,
  ai_company: 0.2,
  university: 0.6,
  research_institute: 0.6,
  new_rd_institution: 0.3,
  hospital: 0.7,
  school: 0.7,
  industrial_park: 0.5,
  service_agency: 0.4,
};

export function orgContactPhone(rng: Rng, kind: OrganizationKind, regionCode: string): string {
  return rng.chance(LANDLINE_SHARE[kind]) ? landlinePhone(rng, regionCode) : mobilePhone(rng);
}

/** Shared state so several batches (or the operator's own organisation) never reuse a name or code. */
export interface OrgRegistry {
  names: Set<string>;
  codes: Set<string>;
}
export const newOrgRegistry = (): OrgRegistry => ({ names: new Set(), codes: new Set() });

export function buildOrganization(rng: Rng, registry: OrgRegistry, draft: NameDraft, kind: OrganizationKind, n: number): DemoOrganization {
  let { name, domain } = draft;
  if (registry.names.has(name)) {
    for (let k = 2; ; k++) {
      const candidate = `${draft.name}（${k}）`;
      if (!registry.names.has(candidate)) {
        name = candidate;
        domain = `${draft.domain}-${k}`;
        break;
      }
    }
  }
  registry.names.add(name);
  const creditCode = makeCreditCode(rng, draft.authority, draft.regionCode, draft.style, registry.codes);
  const contactName = personName(rng);
  return {
    name,
    creditCode,
    kind,
    regionCode: draft.regionCode,
    address: address(rng, draft.regionCode),
    contactName,
    contactPhone: orgContactPhone(rng, kind, draft.regionCode),
    admin: {
      email: `admin+${n}@${domain}.${DEMO_EMAIL_SUFFIX}`,
      displayName: rng.chance(0.6) ? contactName : personName(rng),
      password: DEMO_PASSWORD,
    },
  };
}

/** Internal form: draws from a given stream and registry; `firstIndex` numbers the admin e-mails. */
export function generateOrganizationsWith(rng: Rng, registry: OrgRegistry, count: number, firstIndex = 1): DemoOrganization[] {
  const out: DemoOrganization[] = [];
  // One of every kind first (in a seeded order), so even small sets cover all kinds.
  const firstRound = rng.shuffle(ORGANIZATION_KINDS);
  const weights = ORGANIZATION_KINDS.map((k) => KIND_WEIGHTS[k]);
  for (let i = 0; i < count; i++) {
    const kind = i < firstRound.length ? firstRound[i]! : rng.weighted(ORGANIZATION_KINDS, weights);
    // A few fresh draws before falling back to numbered names.
    let draft = draftName(rng, kind);
    for (let tries = 0; tries < 8 && registry.names.has(draft.name); tries++) draft = draftName(rng, kind);
    out.push(buildOrganization(rng, registry, draft, kind, firstIndex + i));
  }
  return out;
}

/**
 * `count` distinct organisations of all kinds, deterministic in `seed`. Demand-side kinds sit in
 * Chongqing districts; some suppliers are in Beijing, Shanghai, Suzhou, Hangzhou, Shenzhen or
 * Chengdu. Names and credit codes are unique; past the natural name space names get （2）, （3）….
 */
export function generateOrganizations(opts: { seed: Seed; count: number }): DemoOrganization[] {
  return generateOrganizationsWith(new Rng(opts.seed, 'organizations'), newOrgRegistry(), opts.count);
}

/** Every Chongqing district code, for callers that want to place things. */
export const CHONGQING_DISTRICT_CODES: readonly string[] = CQ_DISTRICTS.map((d) => d.code);
