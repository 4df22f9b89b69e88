/**
 * The historical import's columns (docs/contracts.md): one registered contract per row, the
 * Chinese headers of the template, and each row read into a registration — checked with the same
 * rules as the form (contractInputSchema), plus the registration number's format and the
 * registration date. Pure: no database.
 */
import { createHash } from 'node:crypto';
import {
  CONTRACT_TYPE_DEFS,
  LEGAL_NATURE_DEFS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  TECH_FIELDS,
  contractInputSchema,
  isCivilDate,
  parsePatentNumber,
  parseRegion,
  parseRegistrationNo,
  signedOnProblem,
  type ContractInput,
} from '@scenebridge/domain';

export interface ContractImportColumn {
  key: string;
  header: string;
  required: boolean;
  width: number;
  help: string;
}

export const CONTRACT_IMPORT_COLUMNS = [
  {
    key: 'registrationNo',
    header: '登记编号',
    required: false,
    width: 20,
    help: '原登记编号（16位：年份4位+地区代码6位+流水号6位）；用作导入去重的依据，重复导入不会重复登记',
  },
  { key: 'registeredOn', header: '登记日期', required: true, width: 12, help: 'YYYY-MM-DD' },
  { key: 'projectName', header: '项目名称', required: true, width: 36, help: '2至200字' },
  {
    key: 'contractType',
    header: '合同类型',
    required: true,
    width: 26,
    help: '如“技术开发（委托）”“技术转让（专利权）”“技术服务”，见“填写说明”',
  },
  { key: 'seller.name', header: '卖方名称', required: true, width: 28, help: '2至100字' },
  { key: 'seller.creditCode', header: '卖方统一社会信用代码', required: false, width: 22, help: '18位，自然人不填' },
  { key: 'seller.regionCode', header: '卖方所在地区', required: true, width: 16, help: '行政区划代码或名称，如 500112 或 渝北区' },
  {
    key: 'seller.natureCode',
    header: '卖方法人性质',
    required: true,
    width: 22,
    help: '如“企业法人（私营企业）”“事业法人（高等院校）”“自然人”',
  },
  { key: 'buyer.name', header: '买方名称', required: true, width: 28, help: '2至100字' },
  { key: 'buyer.creditCode', header: '买方统一社会信用代码', required: false, width: 22, help: '18位，自然人不填' },
  { key: 'buyer.regionCode', header: '买方所在地区', required: true, width: 16, help: '行政区划代码或名称' },
  { key: 'buyer.natureCode', header: '买方法人性质', required: true, width: 22, help: '同卖方法人性质' },
  { key: 'signedOn', header: '签订日期', required: true, width: 12, help: 'YYYY-MM-DD，不晚于今天' },
  { key: 'validFrom', header: '有效期起', required: true, width: 12, help: 'YYYY-MM-DD' },
  { key: 'validUntil', header: '有效期止', required: true, width: 12, help: 'YYYY-MM-DD，不早于有效期起' },
  { key: 'contractAmountFen', header: '合同成交额（元）', required: true, width: 16, help: '金额（元），最多两位小数' },
  { key: 'technologyAmountFen', header: '技术交易额（元）', required: true, width: 16, help: '金额（元），不能超过合同成交额' },
  {
    key: 'paymentMethod',
    header: '支付方式',
    required: true,
    width: 20,
    help: PAYMENT_METHODS.map((m) => PAYMENT_METHOD_LABELS[m]).join('／'),
  },
  {
    key: 'patents',
    header: '涉及专利',
    required: false,
    width: 30,
    help: '专利号（ZL开头）或申请号（CN开头），多个用分号分隔；专利权转让、专利申请权转让、专利实施许可必填',
  },
  { key: 'expectedInvestmentFen', header: '预计新增投资（元）', required: false, width: 16, help: '仅技术转让、技术许可合同' },
  { key: 'expectedOutputFen', header: '预计新增产值（元）', required: false, width: 16, help: '仅技术转让、技术许可合同' },
  { key: 'technologyField', header: '技术领域', required: false, width: 16, help: '技术领域名称或代码，见“填写说明”' },
] as const satisfies readonly ContractImportColumn[];

export type ContractImportKey = (typeof CONTRACT_IMPORT_COLUMNS)[number]['key'];
export const CONTRACT_IMPORT_HEADERS = CONTRACT_IMPORT_COLUMNS.map((c) => c.header);
const headerOf = new Map<string, string>(CONTRACT_IMPORT_COLUMNS.map((c) => [c.key, c.header]));
export const EXAMPLE_MARKER = '【示例】';

export interface ContractRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportedContract {
  row: number;
  input: ContractInput;
  registrationNo: string | null;
  registeredOn: string;
  importKey: string;
}

type Cell = string | number | boolean | { cellError: string } | undefined;

const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const byLabel = <T extends { code: string; label: string }>(defs: readonly T[]) => {
  const m = new Map<string, string>();
  for (const d of defs) {
    m.set(nfkc(d.label), d.code);
    m.set(d.code, d.code);
  }
  return m;
};
const TYPE_LOOKUP = byLabel(CONTRACT_TYPE_DEFS);
const NATURE_LOOKUP = byLabel(LEGAL_NATURE_DEFS);
const PAYMENT_LOOKUP = byLabel(PAYMENT_METHODS.map((code) => ({ code, label: PAYMENT_METHOD_LABELS[code] })));
// Common short forms of the payment methods.
for (const [k, v] of [
  ['一次总付', 'lump_sum'],
  ['分期支付', 'lump_sum_installments'],
  ['提成', 'royalty'],
  ['提成+入门费', 'royalty_with_entry_fee'],
  ['其他', 'other'],
] as const)
  PAYMENT_LOOKUP.set(nfkc(k), v);
const FIELD_LOOKUP = byLabel(TECH_FIELDS.map((f) => ({ code: f.code, label: f.name })));

function text(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'object') return undefined;
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).trim() || undefined;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 → YYYY-MM-DD; undefined if none of these. */
export function readDate(s: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(nfkc(s));
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isCivilDate(d) ? d : undefined;
}

/** 元 with at most two decimals → 分, read on the digits (never through a float product). */
export function yuanToFen(s: string): number | undefined {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(nfkc(s).replace(/[,，]/g, ''));
  if (!m) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** The key a re-import recognises a row by: its registration number, else a hash of the row's content. */
export function contractImportKey(registrationNo: string | null, values: readonly unknown[]): string {
  if (registrationNo) return `no:${registrationNo}`;
  return `h:${createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 40)}`;
}

/**
 * One data row (cells by header) → a registration or its errors. `today` bounds the signing date.
 */
export function readContractRow(
  row: number,
  cells: ReadonlyMap<string, Cell>,
  today: string,
): { ok: true; value: ImportedContract } | { ok: false; errors: ContractRowError[] } {
  const errors: ContractRowError[] = [];
  const err = (key: string, code: string, message: string) => errors.push({ row, column: headerOf.get(key) ?? '', code, message });
  const get = (key: ContractImportKey) => {
    const c = cells.get(key);
    if (c && typeof c === 'object') {
      err(key, 'CELL_ERROR', `单元格为错误值（${c.cellError}），请填写内容`);
      return undefined;
    }
    return text(c);
  };
  for (const c of CONTRACT_IMPORT_COLUMNS)
    if (c.required && get(c.key) === undefined && !errors.some((e) => e.column === c.header)) err(c.key, 'REQUIRED', `请填写${c.header}`);
  if (errors.length) return { ok: false, errors };

  const code = (key: ContractImportKey, lookup: Map<string, string>, what: string) => {
    const v = get(key);
    if (v === undefined) return undefined;
    const c = lookup.get(nfkc(v));
    if (!c) err(key, 'INVALID_VALUE', `${what}“${v}”不在可选范围内`);
    return c;
  };
  const date = (key: ContractImportKey) => {
    const v = get(key);
    if (v === undefined) return undefined;
    const d = readDate(v);
    if (!d) err(key, 'INVALID_FORMAT', '日期格式应为 YYYY-MM-DD');
    return d;
  };
  const fen = (key: ContractImportKey) => {
    const v = get(key);
    if (v === undefined) return null;
    const f = yuanToFen(v);
    if (f === undefined) err(key, 'INVALID_FORMAT', '金额应为不带单位的数字（元），最多两位小数');
    return f ?? null;
  };
  const region = (key: ContractImportKey) => {
    const v = get(key);
    if (v === undefined) return undefined;
    const r = parseRegion(nfkc(v));
    if (!r) err(key, 'INVALID_VALUE', `地区“${v}”不在行政区划代码表中`);
    return r;
  };
  const party = (side: 'seller' | 'buyer') => ({
    name: get(`${side}.name`),
    creditCode: (get(`${side}.creditCode`) ?? '').toUpperCase(),
    regionCode: region(`${side}.regionCode`),
    natureCode: code(`${side}.natureCode`, NATURE_LOOKUP, '法人性质'),
  });
  const registrationNoText = get('registrationNo');
  let registrationNo: string | null = null;
  if (registrationNoText !== undefined) {
    const parsed = parseRegistrationNo(nfkc(registrationNoText));
    if (!parsed) err('registrationNo', 'INVALID_FORMAT', '登记编号应为16位数字（年份4位+地区代码6位+流水号6位）');
    else registrationNo = nfkc(registrationNoText);
  }
  const patentsText = get('patents');
  const patents = (patentsText ?? '')
    .split(/[;；,，、\s]+/)
    .filter(Boolean)
    .map((n) => {
      const p = parsePatentNumber(n);
      return { number: n, kind: p.ok && p.value.prefixKind === 'patent' ? 'patent' : 'application' };
    });
  const raw = {
    projectName: get('projectName'),
    contractType: code('contractType', TYPE_LOOKUP, '合同类型'),
    seller: party('seller'),
    buyer: party('buyer'),
    signedOn: date('signedOn'),
    validFrom: date('validFrom'),
    validUntil: date('validUntil'),
    contractAmountFen: fen('contractAmountFen'),
    technologyAmountFen: fen('technologyAmountFen'),
    paymentMethod: code('paymentMethod', PAYMENT_LOOKUP, '支付方式'),
    patents,
    expectedInvestmentFen: fen('expectedInvestmentFen'),
    expectedOutputFen: fen('expectedOutputFen'),
    technologyField: get('technologyField') === undefined ? null : (code('technologyField', FIELD_LOOKUP, '技术领域') ?? null),
  };
  const registeredOn = date('registeredOn');
  if (errors.length) return { ok: false, errors };
  const parsed = contractInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const key = path[0] === 'seller' || path[0] === 'buyer' ? `${path[0]}.${path[1]}` : path[0]!;
      const rule = (issue as { params?: { rule?: string } }).params?.rule;
      err(
        key,
        rule ?? (issue.code === 'custom' ? 'INVALID_VALUE' : 'SCHEMA'),
        /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `${headerOf.get(key) ?? key}不正确`,
      );
    }
    return { ok: false, errors };
  }
  const input = parsed.data;
  const future = signedOnProblem(input.signedOn, today);
  if (future) err('signedOn', 'INVALID_VALUE', future);
  if (registeredOn! < input.signedOn) err('registeredOn', 'INVALID_VALUE', '登记日期不能早于签订日期');
  if (registeredOn! > today) err('registeredOn', 'INVALID_VALUE', '登记日期不能晚于今天');
  if (registrationNo && parseRegistrationNo(registrationNo)!.year !== Number(registeredOn!.slice(0, 4))) {
    err('registrationNo', 'INVALID_VALUE', '登记编号的年份与登记日期不一致');
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      input,
      registrationNo,
      registeredOn: registeredOn!,
      importKey: contractImportKey(registrationNo, [...cells.entries()].sort()),
    },
  };
}
