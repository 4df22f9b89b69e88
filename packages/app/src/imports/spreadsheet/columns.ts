/**
 * Column definitions for the XLSX import of scenario needs and capabilities.
 *
 * Each column knows its Chinese header (as written in the template), the dotted key of the
 * field it fills in `scenarioNeedSchema` / `capabilitySchema` (`ownerCreditCode` names the
 * owner organisation and is not part of the record), whether it is required, and how to turn
 * a normalised cell into that field. Column parsers only do what a spreadsheet needs
 * (names → codes, "TRL7" → 7, "是" → true, lists split on 、,；); range and length checks are
 * left to the domain schema so that the API and the import agree on every rule.
 */
import {
  checkCreditCode,
  CREDIT_CODE_MESSAGES,
  creditCodeCheckChar,
  parseRegion,
  parseSector,
  parseTechField,
  REGIONS,
  regionFullName,
  SECTORS,
  TECH_FIELDS,
  type ListType,
} from '@scenebridge/domain';

export type { ListType };

/** Stable error codes of an import report (`RowError.code`). */
export const IMPORT_ERROR_CODES = {
  REQUIRED: '必填项为空',
  INVALID_CREDIT_CODE: '统一社会信用代码无效',
  INVALID_SECTOR: '领域不在目录中',
  INVALID_TECH_FIELD: '技术领域不在目录中',
  INVALID_REGION: '地区不在行政区划目录中',
  INVALID_NUMBER: '不是有效的数字',
  INVALID_VALUE: '取值不在允许范围内',
  INVALID_PHONE: '联系电话格式不正确',
  INVALID_EMAIL: '电子邮箱格式不正确',
  INVALID_FORMAT: '格式不正确',
  INVALID_RANGE: '上下限矛盾（如预算下限高于上限）',
  OUT_OF_RANGE: '数值超出范围',
  TOO_SHORT: '内容过短',
  TOO_LONG: '内容过长',
  TOO_MANY_VALUES: '列举的项目过多',
  CELL_ERROR: '单元格为公式错误值（如 #N/A）',
  DUPLICATE_IN_FILE: '与文件中前面的行重复',
  MISSING_COLUMN: '缺少必填列或未找到表头',
  DUPLICATE_COLUMN: '表头中同一列出现多次',
  SCHEMA: '其他校验错误',
} as const;
export type ImportErrorCode = keyof typeof IMPORT_ERROR_CODES;

/** A non-empty cell after normalisation (rich text, formulas, hyperlinks, dates resolved). */
export type Cell = string | number | boolean;
export type CellParse = { ok: true; value: unknown } | { ok: false; code: ImportErrorCode; message: string };

export interface ColumnDef {
  /** Dotted path of the field in the record (`contact.phone`), or `ownerCreditCode`. */
  key: string;
  /** Header exactly as written in the template (without the `*` required marker). */
  header: string;
  /** Other headers accepted for this column (compared after normalisation, see `normaliseHeader`). */
  aliases: readonly string[];
  required: boolean;
  /** Column width in the template, in characters. */
  width: number;
  /** Explanation for the 填写说明 sheet and the header comment. */
  help: string;
  /** Value of the template's example row. */
  example: string | number;
  /** Values offered as a dropdown in the template. */
  options?: readonly string[];
  /** Format the column as text in the template (credit codes and phone numbers keep leading zeros). */
  textFormat?: boolean;
  /** Only called for non-empty cells; empty cells are REQUIRED errors or left undefined. */
  parse(cell: Cell): CellParse;
}

/** The example row is recognised by this prefix of its title and skipped by the parser. */
export const EXAMPLE_MARKER = '【示例】';
export const MAX_DATA_ROWS = 20_000;

/** Separators of multi-valued cells: 、 , ， ; ； and line breaks. */
const LIST_SEPARATOR = /[、,，;；\r\n]+/;

const ok = (value: unknown): CellParse => ({ ok: true, value });
const fail = (code: ImportErrorCode, message: string): CellParse => ({ ok: false, code, message });

/** Cell as a string for text fields: numbers printed plainly, booleans as 是/否. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell);
}
/** For codes and names: NFKC (full-width letters/digits/punctuation → ASCII) without any whitespace. */
const compact = (cell: Cell) => cellText(cell).normalize('NFKC').replace(/\s+/g, '');
const preview = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

function text(cell: Cell): CellParse {
  return ok(cellText(cell).replace(/\r\n?/g, '\n').trim());
}
/** Titles are single-line. */
function singleLine(cell: Cell): CellParse {
  return ok(cellText(cell).replace(/\s+/g, ' ').trim());
}

function creditCode(cell: Cell): CellParse {
  const raw = compact(cell).toUpperCase();
  const r = checkCreditCode(raw);
  if (r.ok) return ok(r.code);
  if (typeof cell === 'number') return fail('INVALID_CREDIT_CODE', '统一社会信用代码被Excel存成了数字，请将该列设为“文本”格式后重新填写');
  return fail('INVALID_CREDIT_CODE', `“${preview(raw)}”：${CREDIT_CODE_MESSAGES[r.problem]}`);
}

function sector(cell: Cell): CellParse {
  const v = compact(cell);
  const code = parseSector(v);
  return code ? ok(code) : fail('INVALID_SECTOR', `“${preview(v)}”不是目录中的领域，请从下拉列表选择（可选值见“填写说明”）`);
}

function sectorList(cell: Cell): CellParse {
  return codeList(cell, parseSector, 'INVALID_SECTOR', '服务领域', '领域');
}
function techFieldList(cell: Cell): CellParse {
  return codeList(cell, parseTechField, 'INVALID_TECH_FIELD', '技术领域', '技术领域');
}
function codeList(cell: Cell, parseOne: (v: string) => string | undefined, code: ImportErrorCode, label: string, kind: string): CellParse {
  const items = cellText(cell)
    .normalize('NFKC')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return fail('REQUIRED', `请填写${label}`);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const c = parseOne(item);
    if (c === undefined) unknown.push(item);
    else if (!codes.includes(c)) codes.push(c);
  }
  if (unknown.length > 0)
    return fail(code, `${unknown.map((u) => `“${preview(u)}”`).join('、')}不是目录中的${kind}（可选值见“填写说明”，多个用“、”分隔）`);
  return ok(codes);
}

function region(cell: Cell): CellParse {
  const v = compact(cell);
  const code = parseRegion(v);
  return code
    ? ok(code)
    : fail('INVALID_REGION', `“${preview(v)}”不在行政区划目录中，请填写区县名称（如“渝北区”“重庆市渝北区”）或6位行政区划代码`);
}

/** Amounts in 万元; accepts 1,200 / 1200万 / 1200万元 / full-width digits. */
function amount(cell: Cell): CellParse {
  if (typeof cell === 'number') return ok(cell);
  const v = compact(cell)
    .replace(/,/g, '')
    .replace(/万元?$/, '');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return ok(Number(v));
  return fail('INVALID_NUMBER', `“${preview(cellText(cell))}”不是有效的金额，请填写数字，单位为万元（如 50 或 120.5）`);
}

/** TRL as 7, "7", "TRL7", "TRL 7", "TRL-7", "7级". */
function trl(cell: Cell): CellParse {
  if (typeof cell === 'number') return Number.isInteger(cell) ? ok(cell) : fail('INVALID_NUMBER', `“${cell}”不是整数，技术成熟度为1–9级`);
  const m = /^(?:TRL)?[-:]?(\d+)级?$/i.exec(compact(cell));
  if (m) return ok(Number(m[1]));
  return fail('INVALID_NUMBER', `“${preview(cellText(cell))}”不是有效的技术成熟度，请填写1–9的整数（如 7 或 TRL7）`);
}

export const OPENNESS_OPTIONS = [
  { code: 'none', name: '不开放' },
  { code: 'on_request', name: '按需开放' },
  { code: 'open', name: '开放' },
] as const;
function openness(cell: Cell): CellParse {
  const v = compact(cell);
  const hit = OPENNESS_OPTIONS.find((o) => o.name === v || o.code === v.toLowerCase());
  return hit ? ok(hit.code) : fail('INVALID_VALUE', `“${preview(v)}”无效，请填写“不开放”“按需开放”或“开放”`);
}

const YES = new Set(['是', '公开', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '不公开', 'n', 'no', 'false', '0', '×']);
function yesNo(cell: Cell): CellParse {
  if (typeof cell === 'boolean') return ok(cell);
  const v = compact(cell).toLowerCase();
  if (YES.has(v)) return ok(true);
  if (NO.has(v)) return ok(false);
  return fail('INVALID_VALUE', `“${preview(v)}”无效，请填写“是”或“否”`);
}

/** Light clean-up of how people write numbers in China; the domain regex decides. */
function phone(cell: Cell): CellParse {
  let v = compact(cell);
  v = v.replace(/^\(0(\d{2,3})\)-?/, '0$1-'); // (023)63891234
  v = v.replace(/^(?:\+|00)?86-?(?=1[3-9]\d{9}$)/, ''); // +86 13800138000
  return ok(v);
}

function email(cell: Cell): CellParse {
  return ok(
    compact(cell)
      .replace(/^mailto:/i, '')
      .toLowerCase(),
  );
}

/**
 * 参考案例: one case per line (or separated by ；), each "案例名称：简介". A segment without a
 * colon continues the previous case (a summary may contain ；). Without any colon the whole
 * text is the summary and its beginning the title. A summary shorter than the schema minimum
 * is replaced by the whole segment; if that is still too short the schema reports it.
 */
function referenceCases(cell: Cell): CellParse {
  const raw = cellText(cell).replace(/\r\n?/g, '\n');
  const segments = raw.split(/([\n；;]+)/);
  const cases: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    const seg = segments[i]!.trim();
    if (!seg) continue;
    const sep = segments[i - 1] ?? '';
    if (cases.length > 0 && !/[：:]/.test(seg)) cases[cases.length - 1] += (sep.includes('\n') ? '\n' : sep.trim()) + seg;
    else cases.push(seg);
  }
  return ok(
    cases.map((c) => {
      const m = /^([^：:]{1,100})[：:](.*)$/s.exec(c);
      if (!m) return { title: c.length > 30 ? c.slice(0, 30) : c, summary: c };
      const title = m[1]!.trim();
      const summary = m[2]!.trim();
      return { title, summary: summary.length >= 10 ? summary : c };
    }),
  );
}

/** A valid example 统一社会信用代码 (企业, 重庆市渝北区). */
export const EXAMPLE_CREDIT_CODE = '91500112MA60C3KN7' + creditCodeCheckChar('91500112MA60C3KN7');

const sectorNames = SECTORS.map((s) => s.name);
const YES_NO = ['是', '否'] as const;
const TRL_OPTIONS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

const ownerColumn: ColumnDef = {
  key: 'ownerCreditCode',
  header: '机构统一社会信用代码',
  aliases: ['统一社会信用代码', '信用代码', '社会信用代码'],
  required: true,
  width: 24,
  help: '填报机构的18位统一社会信用代码（须已在平台注册）。请将该列保持为“文本”格式，以免Excel改写数字。',
  example: EXAMPLE_CREDIT_CODE,
  textFormat: true,
  parse: creditCode,
};

const techFieldsColumn = (example: string): ColumnDef => ({
  key: 'techFields',
  header: '技术领域',
  aliases: ['技术方向'],
  required: true,
  width: 28,
  help: '1–5个，填写名称或代码，多个用“、”“，”或“；”分隔。可选值见下方“技术领域”表。',
  example,
  parse: techFieldList,
});
const regionColumn: ColumnDef = {
  key: 'regionCode',
  header: '所在地区',
  aliases: ['地区', '所在区县', '行政区划', '行政区划代码', '所在地区代码'],
  required: true,
  width: 16,
  help: '区县名称（如“渝北区”或“重庆市渝北区”）或6位GB/T 2260行政区划代码（如 500112）。可选值见下方“地区”表。',
  example: '重庆市渝北区',
  parse: region,
};
const contactColumns = (ex: { name: string; phone: string; email: string }): ColumnDef[] => [
  {
    key: 'contact.name',
    header: '联系人',
    aliases: ['联系人姓名'],
    required: true,
    width: 10,
    help: '2–30个字。',
    example: ex.name,
    parse: singleLine,
  },
  {
    key: 'contact.phone',
    header: '联系电话',
    aliases: ['电话', '手机', '联系方式'],
    required: true,
    width: 16,
    help: '11位手机号或带区号的固定电话（如 023-63891234）。请保持“文本”格式，以免丢失区号前的0。',
    example: ex.phone,
    textFormat: true,
    parse: phone,
  },
  {
    key: 'contact.email',
    header: '联系邮箱',
    aliases: ['电子邮箱', '邮箱', '电子邮件'],
    required: false,
    width: 24,
    help: '选填。有效的电子邮箱地址。',
    example: ex.email,
    parse: email,
  },
  {
    key: 'contact.public',
    header: '公开联系方式',
    aliases: ['是否公开联系方式'],
    required: false,
    width: 14,
    help: '选填，“是”或“否”，默认“否”。选“是”时发布后公众可见联系人和电话。',
    example: '否',
    options: YES_NO,
    parse: yesNo,
  },
];

export const SCENARIO_NEED_COLUMNS: readonly ColumnDef[] = [
  ownerColumn,
  {
    key: 'title',
    header: '场景名称',
    aliases: ['需求名称', '场景需求名称'],
    required: true,
    width: 30,
    help: `4–100个字。同一机构的同名场景视为同一条，重复导入不会重复创建。以“${EXAMPLE_MARKER}”开头的行是示例，导入时跳过。`,
    example: `${EXAMPLE_MARKER}智慧园区AI视觉安全巡检`,
    parse: singleLine,
  },
  {
    key: 'description',
    header: '场景描述',
    aliases: ['需求描述', '场景简介'],
    required: true,
    width: 50,
    help: '20–5000个字：现状、痛点、希望用AI解决的问题和应用条件。',
    example:
      '园区现有监控摄像头800余路，依靠人工轮巡，夜间和节假日巡检覆盖不足，消防通道占用、人员闯入等隐患发现滞后。希望利用现有视频资源，实现重点区域异常事件的自动识别、告警和处置闭环。',
    parse: text,
  },
  {
    key: 'sector',
    header: '所属领域',
    aliases: ['应用领域', '领域'],
    required: true,
    width: 14,
    help: '一个领域，填写名称或代码（如“制造”或 manufacturing），可从下拉列表选择。可选值见下方“领域”表。',
    example: '城市管理',
    options: sectorNames,
    parse: sector,
  },
  techFieldsColumn('计算机视觉、物联网与感知'),
  regionColumn,
  {
    key: 'budgetMin',
    header: '预算下限（万元）',
    aliases: ['预算下限'],
    required: false,
    width: 14,
    help: '选填，单位万元，数字（如 50）。下限不能高于上限。',
    example: 50,
    parse: amount,
  },
  {
    key: 'budgetMax',
    header: '预算上限（万元）',
    aliases: ['预算上限'],
    required: false,
    width: 14,
    help: '选填，单位万元，数字（如 200）。',
    example: 200,
    parse: amount,
  },
  {
    key: 'dataOpenness',
    header: '数据开放',
    aliases: ['数据开放程度', '数据开放情况'],
    required: true,
    width: 12,
    help: '“不开放”“按需开放”或“开放”：是否向供给方开放场景数据。',
    example: '按需开放',
    options: OPENNESS_OPTIONS.map((o) => o.name),
    parse: openness,
  },
  {
    key: 'siteOpenness',
    header: '场地开放',
    aliases: ['场地开放程度', '场地开放情况'],
    required: true,
    width: 12,
    help: '“不开放”“按需开放”或“开放”：是否提供测试、验证或示范场地。',
    example: '开放',
    options: OPENNESS_OPTIONS.map((o) => o.name),
    parse: openness,
  },
  {
    key: 'expectedOutcome',
    header: '预期成效',
    aliases: ['预期效果', '预期目标'],
    required: true,
    width: 40,
    help: '10–2000个字，尽量量化。',
    example: '重点区域异常事件识别准确率达到95%以上，告警到处置平均用时缩短至10分钟以内，减少夜间人工巡检工作量60%。',
    parse: text,
  },
  ...contactColumns({ name: '张伟', phone: '023-67891234', email: 'zhangwei@example.com' }),
];

export const CAPABILITY_COLUMNS: readonly ColumnDef[] = [
  ownerColumn,
  {
    key: 'title',
    header: '能力名称',
    aliases: ['解决方案名称', '产品名称', '能力/解决方案名称'],
    required: true,
    width: 30,
    help: `4–100个字。同一机构的同名能力视为同一条，重复导入不会重复创建。以“${EXAMPLE_MARKER}”开头的行是示例，导入时跳过。`,
    example: `${EXAMPLE_MARKER}工业视觉缺陷检测平台`,
    parse: singleLine,
  },
  {
    key: 'description',
    header: '能力描述',
    aliases: ['解决方案描述', '能力简介'],
    required: true,
    width: 50,
    help: '20–5000个字：能解决什么问题、核心技术、部署方式和适用条件。',
    example:
      '基于深度学习的表面缺陷检测平台，支持划痕、凹坑、脏污等30余类缺陷识别，小样本训练新缺陷类型，可私有化部署在产线边缘计算设备上，与MES系统对接实现质量追溯。',
    parse: text,
  },
  techFieldsColumn('计算机视觉、机器学习与数据智能'),
  {
    key: 'sectors',
    header: '服务领域',
    aliases: ['应用领域', '适用领域'],
    required: true,
    width: 20,
    help: '1–5个领域，填写名称或代码，多个用“、”“，”或“；”分隔。可选值见下方“领域”表。',
    example: '制造、物流',
    parse: sectorList,
  },
  {
    key: 'maturityTrl',
    header: '技术成熟度（TRL）',
    aliases: ['技术成熟度', 'TRL', '技术成熟度等级'],
    required: true,
    width: 16,
    help: '1–9的整数，可写“7”或“TRL7”。1–3为原理与概念，4–6为实验室与中试验证，7–9为实际环境示范与规模应用。',
    example: 7,
    options: TRL_OPTIONS,
    parse: trl,
  },
  regionColumn,
  {
    key: 'referenceCases',
    header: '参考案例',
    aliases: ['应用案例', '典型案例'],
    required: false,
    width: 50,
    help: '选填，最多10个。每个案例一行（单元格内按Alt+Enter换行）或用“；”分隔，格式为“案例名称：简介”，简介至少10个字。',
    example:
      '某汽车零部件企业表面缺陷检测：部署12条产线，漏检率降至0.3%以下，年节约质检人工成本约200万元\n某物流园区包裹破损识别：日均识别包裹5万件，识别准确率98%以上',
    parse: referenceCases,
  },
  ...contactColumns({ name: '李娜', phone: '13800138000', email: 'lina@example.com' }),
];

export function columnsFor(listType: ListType): readonly ColumnDef[] {
  return listType === 'scenario_need' ? SCENARIO_NEED_COLUMNS : CAPABILITY_COLUMNS;
}

/** Header comparison: NFKC, no whitespace, no required markers (* ＊ ※) and no "(必填)/(选填)". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*※]/g, '')
    .replace(/\((必填|选填|可选|可多选|多选)\)$/, '');
}

/** Reference tables for the 填写说明 sheet. */
export const REFERENCE_TABLES = {
  sectors: SECTORS.map((s) => ({ name: s.name, code: s.code })),
  techFields: TECH_FIELDS.map((t) => ({ name: t.name, code: t.code })),
  regions: REGIONS.map((r) => ({ name: regionFullName(r.code), code: r.code })),
};
