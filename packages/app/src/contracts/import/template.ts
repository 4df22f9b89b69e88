/**
 * The historical import's XLSX template: 填报表 (headers, required ones marked *, one example row
 * whose project name starts with 【示例】, skipped on import) and 填写说明 (each column's rule and
 * the allowed contract types, 法人性质, payment methods and technology fields).
 */
import ExcelJS from 'exceljs';
import {
  CONTRACT_TYPE_DEFS,
  LEGAL_NATURE_DEFS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  TECH_FIELDS,
  creditCodeCheckChar,
} from '@scenebridge/domain';
import { CONTRACT_IMPORT_COLUMNS, EXAMPLE_MARKER } from './columns.js';

const SELLER = '91500112MA60C3KN7';
const BUYER = '91500105MA5U8XQ21';

export const CONTRACT_TEMPLATE_EXAMPLE: Record<string, string> = {
  登记编号: '2025500112000001',
  登记日期: '2025-06-20',
  项目名称: `${EXAMPLE_MARKER}汽车零部件表面缺陷视觉检测系统开发`,
  合同类型: '技术开发（委托）',
  卖方名称: '重庆示例智能科技有限公司',
  卖方统一社会信用代码: SELLER + creditCodeCheckChar(SELLER),
  卖方所在地区: '500112',
  卖方法人性质: '企业法人（私营企业）',
  买方名称: '重庆示例汽车零部件有限公司',
  买方统一社会信用代码: BUYER + creditCodeCheckChar(BUYER),
  买方所在地区: '江北区',
  买方法人性质: '企业法人（私营企业）',
  签订日期: '2025-06-01',
  有效期起: '2025-06-01',
  有效期止: '2026-05-31',
  '合同成交额（元）': '1200000',
  '技术交易额（元）': '1000000',
  支付方式: '一次总算、分期支付',
  涉及专利: '',
  '预计新增投资（元）': '',
  '预计新增产值（元）': '',
  技术领域: '',
};

export async function buildContractImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '场景桥 SceneBridge';
  wb.created = new Date(0);
  const ws = wb.addWorksheet('填报表', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }] });
  ws.columns = CONTRACT_IMPORT_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));
  const header = ws.getRow(1);
  CONTRACT_IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = (c.required ? '*' : '') + c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.note = c.help;
  });
  ws.addRow(CONTRACT_IMPORT_COLUMNS.map((c) => CONTRACT_TEMPLATE_EXAMPLE[c.header] ?? ''));

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 24 }, { width: 10 }, { width: 80 }];
  help.addRow(['列名', '是否必填', '填写要求']).font = { bold: true };
  for (const c of CONTRACT_IMPORT_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.help]);
  help.addRow([]);
  help.addRow([
    '说明',
    '',
    '每行一份已登记的技术合同；全部行无误才会导入（任一行有错则不导入任何一行）；同一登记编号（未填则为整行内容）重复导入不会重复登记。',
  ]);
  const list = (title: string, items: readonly string[]) => {
    help.addRow([]);
    help.addRow([title]).font = { bold: true };
    for (const item of items) help.addRow(['', '', item]);
  };
  list(
    '合同类型',
    CONTRACT_TYPE_DEFS.map((d) => d.label),
  );
  list(
    '法人性质',
    LEGAL_NATURE_DEFS.map((d) => d.label),
  );
  list(
    '支付方式',
    PAYMENT_METHODS.map((m) => PAYMENT_METHOD_LABELS[m]),
  );
  list(
    '技术领域',
    TECH_FIELDS.map((f) => `${f.name}（${f.code}）`),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
