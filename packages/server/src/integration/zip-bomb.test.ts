import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, platformUser, uploadFile, type Client, type TestContext } from '../testing.js';
import { peakRssGrowth, xlsxBomb } from '@scenebridge/app/uploads/testing';
import { countXml, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS } from '@scenebridge/app/imports';
import { parseWorkbook } from '@scenebridge/app/imports';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

describe('XLSX import refuses zip bombs before exceljs builds anything', () => {
  const bombs: [string, Buffer, string, RegExp][] = [
    // 2 million cells in 0.2 MB (today's exceljs path: ~2 s and ~300 MB; 20 million cells kill the process).
    ['honest headers, 1,000:1', xlsxBomb({ rows: 2000 }), 'ARCHIVE_TOO_LARGE', /文件解压后过大.*拆分文件/],
    ['headers claim 50 KB', xlsxBomb({ rows: 2000, declaredSize: 50_000 }), 'ARCHIVE_TOO_LARGE', /文件解压后过大.*拆分文件/],
    // Compresses only ~10:1, so no archive limit applies: the cell count does.
    [
      '300 columns',
      xlsxBomb({ rows: 200, columns: 300, distinctColumns: true }),
      'FILE_TOO_COMPLEX',
      /表格内容过多.*删除多余的行列或拆分文件/,
    ],
  ];
  for (const [label, file, code, message] of bombs) {
    it(`${label} → 413 ${code}, peak RSS growth under 100 MB, nothing written`, async () => {
      const call = await makeCall(ctx.services);
      let res: Awaited<ReturnType<typeof uploadFile>> | undefined;
      const { growth, ms } = await peakRssGrowth(async () => {
        res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, file);
      });
      console.info(
        `import bomb "${label}" (${file.length} bytes): refused in ${ms.toFixed(0)} ms, peak RSS +${(growth / 1e6).toFixed(1)} MB`,
      );
      expect(res!.statusCode).toBe(413);
      expect(res!.json().error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(growth).toBeLessThan(100 * 1024 * 1024);
      const total = (await operator.get(`/api/v1/submissions?callId=${call.id}&pageSize=1`)).json().total;
      expect(total).toBe(0);
    });
  }

  it('a narrow sheet with more cells than 20,000 rows can fill is FILE_TOO_COMPLEX', async () => {
    const rows = Math.ceil(MAX_SHEET_CELLS / 50) + 100;
    const err = await parseWorkbook(xlsxBomb({ rows, columns: 50, distinctColumns: true }), 'scenario_need').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'FILE_TOO_COMPLEX', status: 413, details: { cells: rows * 50, maxRowCells: 50 } });
  });
});

describe('countXml', () => {
  it('counts start tags and cells, with or without a namespace prefix, and the widest row', () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"/></x:row>' +
      '<row r="2"><c r="A2"/><c>\n</c><c\tr="C2"/><col/><cfRule/></row></x:sheetData></x:worksheet>';
    expect(countXml(Buffer.from(xml))).toEqual({ elements: 12, cells: 5, maxRowCells: 3 });
    expect(MAX_SHEET_COLUMNS).toBe(200);
  });
});
