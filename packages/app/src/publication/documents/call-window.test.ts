import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { batchToDocx, batchToXlsx, callWindowText, PUBLICATION_INFO_SHEET } from './index.js';
import { sampleBatch } from './testing.js';

// Planned 2026-07-01 to 2026-09-30 (Shanghai); closed by the operator on 2026-08-15.
const closedEarly = { ...sampleBatch(), callClosedAt: '2026-08-15T02:00:00.000Z' };

describe('征集时间 in the bulletin and the list', () => {
  it('keeps the planned window and says when the call was closed early', () => {
    expect(callWindowText(closedEarly)).toBe('2026年7月1日至2026年9月30日（已于2026年8月15日提前截止）');
    // Closed by the clock at the deadline, or not recorded: the planned window alone.
    expect(callWindowText({ ...sampleBatch(), callClosedAt: sampleBatch().callClosesAt })).toBe('2026年7月1日至2026年9月30日');
    expect(callWindowText(sampleBatch())).toBe('2026年7月1日至2026年9月30日');
  });

  it('the DOCX cover and the XLSX facts sheet print it', async () => {
    const zip = await JSZip.loadAsync(await batchToDocx(closedEarly));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('征集时间：2026年7月1日至2026年9月30日（已于2026年8月15日提前截止）');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await batchToXlsx(closedEarly)) as never);
    const facts = new Map<string, unknown>();
    wb.getWorksheet(PUBLICATION_INFO_SHEET)!.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('征集时间')).toBe('2026年7月1日至2026年9月30日（已于2026年8月15日提前截止）');
  });
});
