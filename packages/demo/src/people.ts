/** Chinese personal names, phone numbers, places and addresses for demo data. */
import { regionFullName } from '@scenebridge/domain';
import type { Rng } from './random.js';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '钟',
  '谭',
  '陆',
  '汪',
  '范',
  '石',
  '廖',
  '贾',
  '夏',
  '付',
  '方',
  '邹',
  '熊',
  '秦',
  '江',
  '向',
  '冉',
  '雷',
  '龙',
  '黎',
  '贺',
  '牟',
  '况',
  '易',
  '陶',
];
/** Common surnames carry more weight, as in the population. */
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => (i < 10 ? 6 : i < 30 ? 3 : 1));
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '华',
  '玲',
  '红',
  '建',
  '文',
  '辉',
  '鹏',
  '宇',
  '浩',
  '婷',
  '雪',
  '琳',
  '晨',
  '欣',
  '怡',
  '博',
  '旭',
  '峰',
  '斌',
  '波',
  '亮',
  '梅',
  '兰',
  '健',
  '俊',
  '帆',
  '瑶',
  '悦',
  '倩',
  '璐',
  '航',
  '凯',
  '毅',
  '翔',
  '晓',
  '丹',
  '阳',
  '林',
  '春',
  '国',
  '志',
  '海',
  '德',
  '新',
  '荣',
  '思',
  '雨',
  '佳',
  '子',
  '嘉',
  '睿',
  '泽',
  '一',
  '可',
  '昊',
  '然',
  '诗',
  '涵',
  '梓',
  '彤',
];

export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return surname + given;
}

const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '189',
  '191',
  '198',
  '199',
];
export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

const AREA_CODES: Record<string, string> = {
  '110': '010',
  '310': '021',
  '320': '0512',
  '330': '0571',
  '440': '0755',
  '510': '028',
  '500': '023',
};
/** A landline in the region's area code: 023-6xxxxxxx for Chongqing. */
export function landlinePhone(rng: Rng, regionCode: string): string {
  const area = AREA_CODES[regionCode.slice(0, 3)] ?? '023';
  const first = rng.pick(['6', '8', '6', '8', '4', '5']);
  return `${area}-${first}${rng.digits(7)}`;
}

/** Chongqing districts (GB/T 2260) with their short names and pinyin. */
export const CQ_DISTRICTS: ReadonlyArray<{ code: string; name: string; short: string; py: string }> = [
  ['500101', '万州区', 'wanzhou'],
  ['500102', '涪陵区', 'fuling'],
  ['500103', '渝中区', 'yuzhong'],
  ['500104', '大渡口区', 'dadukou'],
  ['500105', '江北区', 'jiangbei'],
  ['500106', '沙坪坝区', 'shapingba'],
  ['500107', '九龙坡区', 'jiulongpo'],
  ['500108', '南岸区', 'nanan'],
  ['500109', '北碚区', 'beibei'],
  ['500110', '綦江区', 'qijiang'],
  ['500111', '大足区', 'dazu'],
  ['500112', '渝北区', 'yubei'],
  ['500113', '巴南区', 'banan'],
  ['500114', '黔江区', 'qianjiang'],
  ['500115', '长寿区', 'changshou'],
  ['500116', '江津区', 'jiangjin'],
  ['500117', '合川区', 'hechuan'],
  ['500118', '永川区', 'yongchuan'],
  ['500119', '南川区', 'nanchuan'],
  ['500120', '璧山区', 'bishan'],
  ['500151', '铜梁区', 'tongliang'],
  ['500152', '潼南区', 'tongnan'],
  ['500153', '荣昌区', 'rongchang'],
  ['500154', '开州区', 'kaizhou'],
  ['500155', '梁平区', 'liangping'],
  ['500156', '武隆区', 'wulong'],
].map(([code, name, py]) => ({ code: code!, name: name!, short: name!.replace(/区$/, ''), py: py! }));

/** The main urban districts carry more organisations. */
export const CQ_DISTRICT_WEIGHTS = CQ_DISTRICTS.map((d) =>
  ['500103', '500105', '500106', '500107', '500108', '500112', '500109', '500113'].includes(d.code) ? 4 : 1,
);

export const CHONGQING_CODE = '500000';

/** Where suppliers from outside Chongqing sit; `prefix` is how company names begin there. */
export const OTHER_REGIONS: ReadonlyArray<{ code: string; prefix: string; py: string }> = [
  { code: '110108', prefix: '北京', py: 'bj' },
  { code: '310115', prefix: '上海', py: 'sh' },
  { code: '320500', prefix: '苏州', py: 'sz' },
  { code: '330100', prefix: '杭州', py: 'hz' },
  { code: '440300', prefix: '深圳市', py: 'shenzhen' },
  { code: '510100', prefix: '成都', py: 'cd' },
];

export function pickDistrict(rng: Rng) {
  return rng.weighted(CQ_DISTRICTS, CQ_DISTRICT_WEIGHTS);
}

const ROAD_A = [
  '金',
  '龙',
  '星',
  '科',
  '学',
  '云',
  '人',
  '湖',
  '新',
  '宝',
  '翠',
  '锦',
  '渝',
  '嘉',
  '长',
  '华',
  '兴',
  '景',
  '汇',
  '泰',
  '青',
  '桂',
];
const ROAD_B = ['开', '湖', '光', '园', '府', '汉', '和', '滨', '南', '圣', '山', '绣', '兴', '州', '江', '福', '业', '盛', '港', '桥'];
const ROAD_C = ['路', '路', '大道', '街', '大街', '中路', '北路'];

/** "重庆市渝北区星光大道88号3栋12楼"; the address is always in `regionCode` (or one of its districts). */
export function address(rng: Rng, regionCode: string): string {
  const region = regionCode === CHONGQING_CODE ? pickDistrict(rng).code : regionCode;
  const a = rng.pick(ROAD_A);
  let b = rng.pick(ROAD_B);
  if (a === b) b = '安';
  const road = a + b + rng.pick(ROAD_C);
  let s = `${regionFullName(region)}${road}${rng.int(1, 399)}号`;
  if (rng.chance(0.35)) s += `${rng.int(1, 12)}栋${rng.int(1, 28)}楼`;
  return s;
}
