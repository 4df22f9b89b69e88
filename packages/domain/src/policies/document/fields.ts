import type { TextSpan } from './segment.js';

export interface FieldText {
  text: string;
  span: TextSpan;
}

export type ConditionKind = 'region' | 'dishonest' | 'rd_share' | 'qualification' | 'age' | 'size' | 'other';

export interface MeasureCondition extends FieldText {
  kind?: ConditionKind;
}

export interface MeasureFields {
  responsibleUnits: FieldText[];
  leadUnit?: FieldText;
  beneficiaries: FieldText[];
  conditions: MeasureCondition[];
}

function field(text: string, start: number, end: number): FieldText {
  return { text: text.slice(start, end), span: { start, end } };
}

/** Items of an enumeration (A、B和C), each with its own span; `offset` is where `list` starts. */
function listItems(text: string, offset: number, list: string): FieldText[] {
  const items: FieldText[] = [];
  for (const m of list.matchAll(/[^、，,；;\s]+(?:[（(][^）)]*[）)])?/g)) {
    const item = m[0].replace(/(?:等|等单位|等部门)$/, '');
    if (item.length >= 2) items.push(field(text, offset + m.index, offset + m.index + item.length));
  }
  return items;
}

/** 责任单位：A、B / 牵头单位：A；配合单位：B — the labelled forms. */
const LABELLED = /(牵头单位|主责单位|责任单位|责任部门|牵头部门|配合单位|参与单位|实施单位)[：:]\s*([^。；;\n）)]+)/g;
/** （市科技局牵头，市财政局、市经济信息委配合） — the parenthetical form. */
const PARENTHETICAL = /[（(]([^（）()]{2,60}?)(?:牵头|负责)(?:[，,、]\s*([^（）()]{2,80}?)(?:配合|参与|按职责分工负责))?[）)]/g;

function units(text: string): { units: FieldText[]; lead?: FieldText } {
  const found: FieldText[] = [];
  let lead: FieldText | undefined;
  for (const m of text.matchAll(LABELLED)) {
    const label = m[1] ?? '';
    const items = listItems(text, m.index + m[0].length - (m[2] ?? '').length, m[2] ?? '');
    found.push(...items);
    // The first unit listed as responsible leads unless a 牵头单位 is named.
    if (/牵头|主责|责任/.test(label)) lead = /牵头|主责/.test(label) ? items[0] : (lead ?? items[0]);
  }
  for (const m of text.matchAll(PARENTHETICAL)) {
    const leadItems = listItems(text, m.index + 1, m[1] ?? '');
    const helpers = m[2] === undefined ? [] : listItems(text, m.index + m[0].indexOf(m[2], (m[1] ?? '').length + 1), m[2]);
    found.push(...leadItems, ...helpers);
    lead ??= leadItems[0];
  }
  return lead === undefined ? { units: dedupe(found) } : { units: dedupe(found), lead };
}

/** Who a measure is for: ends on the noun that names the kind of beneficiary. */
const PARTY = '(?:企业|机构|单位|高校|院所|团队|人才|人员|主体|平台|个人|学校|园区|创客|农户|科学家|工程师|毕业生|专家)';
const PARTY_PHRASE = `[^，,。；;：:、\\s“”]{0,24}?${PARTY}`;
const PARTY_LIST = `${PARTY_PHRASE}(?:[、和及与]${PARTY_PHRASE})*(?:等)?`;
const BENEFICIARY_PATTERNS: readonly RegExp[] = [
  new RegExp(`面向(${PARTY_LIST})`, 'g'),
  // 对…给予 may wrap a whole list of conditions before its noun: 对注册地在…、近2年…的高新技术企业给予.
  new RegExp(`对([^。；;，,]{0,80}?${PARTY})(?:等)?[^，,。；;]{0,12}?(?:给予|予以)`, 'g'),
  new RegExp(`(?:支持|鼓励|引导|扶持|奖励|补助)(${PARTY_LIST})`, 'g'),
];

/** 鼓励开展…人才培养: the verb's object is an activity, not a party. */
const ACTION_START = /^(?:开展|建设|推动|加强|实施|发展|举办|设立|组建|建立|参与|打造|培育|探索|提升|完善)/;

function beneficiaries(text: string): FieldText[] {
  const found: FieldText[] = [];
  for (const re of BENEFICIARY_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = (m[1] ?? '').replace(/等$/, '');
      if (ACTION_START.test(value)) continue;
      const start = m.index + m[0].indexOf(value);
      found.push(field(text, start, start + value.length));
    }
  }
  return dedupe(found);
}

const NUM = '[0-9０-９.]+|[一二两三四五六七八九十]+';
const CLAUSE = '[^，,。；;\\n]';
const CONDITION_PATTERNS: readonly { kind: ConditionKind; re: RegExp }[] = [
  { kind: 'region', re: /(?:注册地|注册地址|工商注册地|税务登记地)(?:在|位于|为|须在|应在)[^，,。；;、\n的]{2,30}/g },
  { kind: 'region', re: new RegExp(`在${CLAUSE}{2,20}?(?:依法)?(?:注册|登记)(?:成立|设立)?的`, 'g') },
  {
    kind: 'dishonest',
    re: new RegExp(
      `(?:近|最近)?(?:${NUM})?年?(?:内)?(?:未|没有|无)(?:被)?(?:列入|纳入)${CLAUSE}{0,20}?(?:失信|黑名单|异常名录)[^，,。；;、\n]{0,12}`,
      'g',
    ),
  },
  { kind: 'dishonest', re: new RegExp(`(?:无|没有)(?:重大|严重)?(?:违法违规|违法|失信|不良信用)(?:行为|记录)`, 'g') },
  {
    kind: 'rd_share',
    re: new RegExp(
      `研发(?:投入|费用|经费)${CLAUSE}{0,16}?(?:占|比例|比重|强度)${CLAUSE}{0,16}?(?:不低于|不少于|达到|超过|高于|以上)\\s*(?:${NUM})\\s*[%％]`,
      'g',
    ),
  },
  {
    kind: 'age',
    re: new RegExp(`成立(?:时间)?(?:不满|不足|未满|不超过|少于|在)\\s*(?:${NUM})\\s*(?:年|个月)(?:以内|内)?`, 'g'),
  },
  { kind: 'age', re: new RegExp(`(?:年龄)?(?:不超过|不满|未满|在)?\\s*(?:${NUM})\\s*周岁(?:以下|以上|及以下|以内)?`, 'g') },
  {
    kind: 'size',
    re: new RegExp(
      `(?:营业收入|销售收入|主营业务收入|年产值|产值|从业人员|职工人数|资产总额|注册资本|年销售额)${CLAUSE}{0,8}?(?:不低于|不少于|超过|达到|低于|不超过|在)\\s*(?:${NUM})\\s*(?:亿元|万元|元|人|名)(?:以上|以下|及以上|及以下)?`,
      'g',
    ),
  },
  { kind: 'size', re: /规模以上(?:工业)?企业|规上(?:工业)?企业|中小微企业|小微企业/g },
  {
    kind: 'qualification',
    re: /(?:国家级|市级|省级)?(?:高新技术企业|专精特新(?:“小巨人”)?(?:中小)?企业|科技型中小企业|科技型企业|瞪羚企业|独角兽企业|技术创新示范企业|企业技术中心)/g,
  },
  { kind: 'other', re: new RegExp(`(?:须|需|应当?|必须)(?:具备|具有|满足|符合|取得)${CLAUSE}{2,30}`, 'g') },
];

/** A qualification names a condition only when the clause makes it one (属于/认定为/对…给予…). */
const QUALIFYING_CONTEXT = /(?:属于|认定为|被认定|评为|列为|获评|获得|取得|具有|具备|对|面向|支持|奖励|补助|申报)[^，,。；;]*$/;

function clauseBefore(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 120), at);
  const cut = Math.max(...[...'，,。；;'].map((c) => head.lastIndexOf(c)));
  return head.slice(cut + 1);
}

function conditions(text: string): MeasureCondition[] {
  const found: MeasureCondition[] = [];
  for (const { kind, re } of CONDITION_PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (kind === 'age' && !/\d|[一二两三四五六七八九十]/.test(m[0])) continue;
      if (kind === 'qualification' && !QUALIFYING_CONTEXT.test(clauseBefore(text, m.index))) continue;
      found.push({ ...field(text, m.index, m.index + m[0].length), kind });
    }
  }
  return dedupe(found);
}

/** Keeps the first of overlapping finds (patterns are listed most specific first), in text order. */
function dedupe<T extends FieldText>(items: readonly T[]): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.some((k) => k.span.start < item.span.end && item.span.start < k.span.end)) continue;
    kept.push(item);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Who carries out a measure, whom it is for and on what terms, read from its text. Spans are
 * relative to `measureText`.
 */
export function extractMeasureFields(measureText: string): MeasureFields {
  const { units: responsibleUnits, lead } = units(measureText);
  const fields: MeasureFields = { responsibleUnits, beneficiaries: beneficiaries(measureText), conditions: conditions(measureText) };
  if (lead !== undefined) fields.leadUnit = lead;
  return fields;
}
