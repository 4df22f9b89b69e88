/**
 * The XLSX template users download, fill in Excel/WPS and upload again.
 * Sheet 1 填报表: header row (required columns marked *, each header carries a comment with the
 * rules), one example row whose title starts with 【示例】 (skipped on import), dropdowns.
 * Sheet 2 填写说明: the rules per column and the allowed sectors, technology fields and regions.
 */
import ExcelJS from 'exceljs';
import { columnsFor, EXAMPLE_MARKER, MAX_DATA_ROWS, OPENNESS_OPTIONS, REFERENCE_TABLES, type ListType } from './columns.js';

export const TEMPLATE_FORM_SHEET = '填报表';
export const TEMPLATE_HELP_SHEET = '填写说明';

const LIST_LABEL: Record<ListType, string> = { scenario_need: '场景需求', capability: '场景能力' };
/** Dropdowns cover this many rows below the header. */
const VALIDATION_ROWS = 5_000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TITLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function buildTemplate(listType: ListType): Promise<Buffer> {
  const columns = columnsFor(listType);
  const label = LIST_LABEL[listType];
  const wb = new ExcelJS.Workbook();
  wb.creator = '场景桥 SceneBridge';
  wb.created = new Date(0); // deterministic output

  // ---- 填报表 -------------------------------------------------------------------------------
  const ws = wb.addWorksheet(TEMPLATE_FORM_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  });
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: {
      ...(c.textFormat ? { numFmt: '@' } : {}),
      alignment: { vertical: 'top', wrapText: c.width >= 30 },
    },
  }));

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required
      ? {
          richText: [
            { text: '*', font: { bold: true, color: { argb: 'FFC00000' } } },
            { text: c.header, font: { bold: true } },
          ],
        }
      : c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = { texts: [{ text: `${c.required ? '必填' : '选填'}。${c.help}` }] };
  });
  header.height = 30;

  const example = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    cell.value = c.example;
    cell.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  });

  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    if (!c.options) return;
    const col = colLetter(i + 1);
    dv.add(`${col}2:${col}${VALIDATION_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.options.join(',')}"`],
      showErrorMessage: true,
      // Only a warning: the importer also accepts codes and other spellings (e.g. TRL7).
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
      showInputMessage: true,
      promptTitle: c.header,
      prompt: c.help.slice(0, 250),
    });
  });

  // ---- 填写说明 ------------------------------------------------------------------------------
  const help = wb.addWorksheet(TEMPLATE_HELP_SHEET);
  help.columns = [{ width: 22 }, { width: 10 }, { width: 70 }, { width: 40 }];
  const title = help.addRow([`${label}批量导入模板 · 填写说明`]);
  title.font = { bold: true, size: 14 };
  help.mergeCells(`A${title.number}:D${title.number}`);
  const notes = [
    `1. 在“${TEMPLATE_FORM_SHEET}”工作表中每行填写一条${label}，第1行为表头，请勿修改列名（列的顺序可以调整，选填列可以删除）。`,
    '2. 列名前带“*”的为必填列；鼠标悬停在列名上可查看填写要求。',
    `3. 第2行为示例行，其${columns[1]!.header}以“${EXAMPLE_MARKER}”开头，导入时会自动跳过，可保留也可删除；请勿在真实数据的名称前加“${EXAMPLE_MARKER}”。`,
    `4. 一个文件最多${MAX_DATA_ROWS.toLocaleString('en-US')}行数据；空行会被忽略。仅支持.xlsx格式（旧版.xls请先另存为.xlsx）。`,
    '5. 可填写多项的列（技术领域、服务领域）用“、”“，”或“；”分隔；领域和地区既可填写中文名称，也可填写代码。',
    '6. 导入前会先逐行校验，每个有问题的单元格都会给出行号、列名和原因；同一文件中同一机构的同名条目只能出现一次。',
    '7. 同一机构的同名条目视为同一条：修改后重新导入同一文件不会重复创建。',
  ];
  for (const n of notes) {
    const r = help.addRow([n]);
    help.mergeCells(`A${r.number}:D${r.number}`);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 32;
  }
  help.addRow([]);

  const section = (name: string, heads: string[]) => {
    const t = help.addRow([name]);
    t.font = { bold: true, size: 12 };
    const h = help.addRow(heads);
    h.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = TITLE_FILL;
      cell.border = THIN;
    });
  };
  const addTableRow = (values: (string | number)[]) => {
    const r = help.addRow(values);
    r.eachCell((cell) => {
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  };

  section('各列填写要求', ['列名', '是否必填', '填写要求', '示例']);
  for (const c of columns) addTableRow([c.header, c.required ? '必填' : '选填', c.help, String(c.example)]);
  help.addRow([]);

  section('领域（所属领域 / 服务领域）', ['名称', '代码']);
  for (const s of REFERENCE_TABLES.sectors) addTableRow([s.name, s.code]);
  help.addRow([]);
  section('技术领域', ['名称', '代码']);
  for (const t of REFERENCE_TABLES.techFields) addTableRow([t.name, t.code]);
  help.addRow([]);
  if (listType === 'scenario_need') {
    section('数据开放 / 场地开放', ['取值', '含义']);
    const meaning = { none: '不向供给方开放', on_request: '签订协议或经审批后开放', open: '可直接开放使用' } as const;
    for (const o of OPENNESS_OPTIONS) addTableRow([o.name, meaning[o.code]]);
    help.addRow([]);
  }
  section('地区（可填名称或代码）', ['名称', '代码']);
  for (const r of REFERENCE_TABLES.regions) addTableRow([r.name, r.code]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
