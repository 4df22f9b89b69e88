import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_INFO_SHEET, exportFileName, pagesOf, writeListWorkbook } from './list-workbook.js';

async function write(rows: number, pageSize: number) {
  const reads: [number, number][] = [];
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const result = await writeListWorkbook(
    {
      sheetName: '测试列表',
      columns: [
        { header: '序号', value: (n: number) => n },
        { header: '名称', value: (n: number) => (n % 2 ? `+公式${n}` : `名称${n}`) },
      ],
      pages: pagesOf(async (limit, offset) => {
        reads.push([limit, offset]);
        return Array.from({ length: Math.max(0, Math.min(limit, rows - offset)) }, (_, i) => offset + i + 1);
      }, pageSize),
      filters: [{ label: '状态', value: '已提交' }],
      exportedBy: '张三（测试单位）',
      exportedAt: new Date('2026-12-07T05:05:00Z'),
    },
    out,
  );
  await done;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { result, reads, wb };
}

describe('writeListWorkbook', () => {
  it('streams every page in order, neutralises formulas and says what was exported', async () => {
    const { result, reads, wb } = await write(1234, 500);
    expect(result.rows).toBe(1234);
    expect(reads).toEqual([
      [500, 0],
      [500, 500],
      [500, 1000],
    ]);
    const [data, info] = wb.worksheets;
    expect(data!.name).toBe('测试列表');
    expect(data!.getRow(1).values).toEqual([undefined, '序号', '名称']);
    expect(data!.rowCount).toBe(1235);
    expect(data!.getRow(1235).getCell(1).value).toBe(1234);
    expect(data!.getRow(2).getCell(2).value).toBe("'+公式1");
    expect(data!.getRow(3).getCell(2).value).toBe('名称2');
    expect(info!.name).toBe(EXPORT_INFO_SHEET);
    const pairs = Object.fromEntries(
      info!
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1, 3)),
    );
    expect(pairs).toMatchObject({
      导出内容: '测试列表',
      导出时间: '2026-12-07 13:05',
      导出人: '张三（测试单位）',
      条目数: 1234,
      筛选条件: '状态：已提交',
    });
  });

  it('says so when nothing matched, after one read', async () => {
    const { result, reads, wb } = await write(0, 500);
    expect(result.rows).toBe(0);
    expect(reads).toHaveLength(1);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('（没有符合条件的记录）');
  });

  it('stops after a full last page with one more, empty read', async () => {
    const { reads } = await write(1000, 500);
    expect(reads.map(([, o]) => o)).toEqual([0, 500, 1000]);
  });

  it('names the file in Shanghai time without characters Windows refuses', () => {
    expect(exportFileName('评审/排名', new Date('2026-12-07T16:30:00Z'))).toBe('评审_排名_20261208-0030.xlsx');
  });
});
