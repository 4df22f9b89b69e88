import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { regionFullName, sectorName, techFieldName } from '@scenebridge/domain';
import {
  batchesToAtom,
  batchToDocx,
  batchToOcds,
  batchToXlsx,
  CONTACT_VIA_PLATFORM,
  entryOcid,
  formatChineseDate,
  orderedEntries,
  parseContact,
  publicationFileName,
  PUBLICATION_SHEET,
  wanToCny,
  XLSX_COLUMNS,
  XLSX_FIRST_ENTRY_ROW,
  XLSX_HEADER_ROW,
  xmlEscape,
  type PublishedBatch,
  type PublishedEntry,
} from './index.js';
import { sampleBatch } from './testing.js';

const HEADERS = ['序号', '名称', '发布单位', '所属领域', '技术领域', '所在地区', '描述', '联系方式', '勘误说明'];
const BASE = 'https://scene.cq.example.cn/';
const OCDS_OPTS = { ocidPrefix: 'ocds-sb8cq1', baseUrl: BASE, publisherName: '重庆市人工智能场景创新促进中心（场景桥平台）' };

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

const cellText = (v: ExcelJS.CellValue): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v as string | number;
};

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The visible text of a WordprocessingML part: one line per paragraph, <w:br/> as a line break. */
function wordText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<w:br\/>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

async function readDocx(buf: Buffer): Promise<{ zip: JSZip; text: string; xml: string }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { zip, xml, text: wordText(xml) };
}

/**
 * A tiny XML 1.0 well-formedness check (no DOMParser in Node): balanced, properly nested tags,
 * quoted attributes without duplicates, a single root, and no bare '<' or '&' in text or values.
 */
function checkWellFormed(xml: string): void {
  const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const text = xml.slice(last, m.index);
    if (text.includes('<') || ENTITY.test(text)) throw new Error(`bad text before offset ${m.index}: ${text.slice(0, 80)}`);
    if (stack.length === 0 && text.trim()) throw new Error(`text outside the root: ${text.slice(0, 80)}`);
    last = m.index! + m[0].length;
    const [, close, name, attrs = '', selfClose] = m;
    if (!name) continue; // declaration or comment
    if (close) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}> at ${m.index}`);
      continue;
    }
    const seen = new Set<string>();
    for (const a of attrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      if (seen.has(a[1]!)) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      seen.add(a[1]!);
      const value = a[3] ?? a[4] ?? '';
      if (value.includes('<') || ENTITY.test(value)) throw new Error(`bad attribute value ${a[1]}="${value}"`);
    }
    if (stack.length === 0) roots++;
    if (!selfClose) stack.push(name);
  }
  const tail = xml.slice(last);
  if (tail.includes('<') || tail.trim()) throw new Error(`unparsed tail: ${tail.slice(0, 80)}`);
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error(`expected one root element, got ${roots}`);
}

const corrected = (b: PublishedBatch) => b.entries.filter((e) => e.version > 1);

describe('sample batch', () => {
  it('has realistic entries with corrections', () => {
    const b = sampleBatch();
    expect(b.entries).toHaveLength(6);
    expect(corrected(b).map((e) => e.seq)).toEqual([2, 5]);
    expect(b.entries.some((e) => e.contact === null)).toBe(true);
    expect(b.entries.some((e) => e.regionCode === null)).toBe(true);
  });
});

describe('shared helpers', () => {
  it('formats the date in Asia/Shanghai', () => {
    // 16:30 UTC on the 21st is 00:30 on the 22nd in Shanghai.
    expect(formatChineseDate('2026-11-21T16:30:00Z')).toBe('2026年11月22日');
    expect(formatChineseDate('2026-01-05T03:00:00+08:00')).toBe('2026年1月5日');
    expect(() => formatChineseDate('not a date')).toThrow(RangeError);
  });

  it('orders entries by seq and rejects duplicate numbers', () => {
    const b = sampleBatch();
    const shuffled = { ...b, entries: [...b.entries].reverse() };
    expect(orderedEntries(shuffled).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const dup = { ...b, entries: [...b.entries, { ...b.entries[0]! }] };
    expect(() => orderedEntries(dup)).toThrow(/duplicate seq 1/);
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xmlEscape(`A&B <c> "d" 'e'`)).toBe('A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(xmlEscape('x\u0001y\u000bz\ud800')).toBe('xyz');
    expect(xmlEscape('tab\tnewline\n🙂')).toBe('tab\tnewline\n🙂');
  });

  it('makes a safe file name from the title', () => {
    expect(publicationFileName(sampleBatch(), 'xlsx')).toBe('2026年第3批人工智能场景机会清单.xlsx');
    expect(publicationFileName({ id: 'b1', title: 'a/b:c*?' }, 'docx')).toBe('a_b_c_.docx');
  });
});

describe('batchToXlsx', () => {
  it('reads back with the title, header and every entry in its row', async () => {
    const batch = sampleBatch();
    const wb = await readXlsx(await batchToXlsx(batch));
    const ws = wb.getWorksheet(PUBLICATION_SHEET)!;
    expect(ws).toBeDefined();

    expect(ws.getCell('A1').value).toBe('2026年第3批人工智能场景机会清单');
    const subtitle = String(ws.getCell('A2').value);
    expect(subtitle).toContain('重庆市人工智能场景创新促进中心');
    expect(subtitle).toContain('2026年11月22日');
    expect(subtitle).toContain('共6项');

    const header = ws.getRow(XLSX_HEADER_ROW);
    expect(HEADERS.map((_, i) => cellText(header.getCell(i + 1).value))).toEqual(HEADERS);
    expect(XLSX_COLUMNS.map((c) => c.header)).toEqual(HEADERS);

    expect(ws.rowCount).toBe(XLSX_HEADER_ROW + batch.entries.length);
    for (const [i, e] of batch.entries.entries()) {
      const row = ws.getRow(XLSX_FIRST_ENTRY_ROW + i);
      const v = (col: number) => cellText(row.getCell(col).value);
      expect(v(1)).toBe(e.seq);
      expect(v(2)).toBe(e.name);
      expect(v(3)).toBe(e.issuer);
      expect(v(4)).toBe(sectorName(e.sector));
      expect(v(5)).toBe(e.techFields.map(techFieldName).join('、'));
      expect(v(6)).toBe(e.regionCode ? regionFullName(e.regionCode) : '—');
      expect(v(7)).toBe(e.description);
      expect(v(8)).toBe(e.contact ?? CONTACT_VIA_PLATFORM);
      if (e.version > 1) {
        expect(v(9)).toContain(e.erratum!);
        expect(v(9)).toContain('第2版');
        expect(v(9)).toContain('2026年12月1日');
      } else {
        expect(v(9)).toBeNull();
      }
    }
    // Spot-check the concrete data, not only the mapping.
    expect(cellText(ws.getRow(XLSX_FIRST_ENTRY_ROW).getCell(4).value)).toBe('制造');
    expect(cellText(ws.getRow(XLSX_FIRST_ENTRY_ROW).getCell(6).value)).toBe('重庆市渝北区');
    expect(cellText(ws.getRow(XLSX_FIRST_ENTRY_ROW + 1).getCell(8).value)).toBe('通过平台联系');
    expect(cellText(ws.getRow(XLSX_FIRST_ENTRY_ROW + 4).getCell(2).value)).toBe('“5G+工业互联网”预测性维护 & 能耗优化<试点>');
  });

  it('writes text that would start a formula as text: no cell of the list can run', async () => {
    const batch = sampleBatch();
    const hostile = {
      ...batch.entries[0]!,
      name: "=cmd|' /C calc'!A0",
      issuer: '=HYPERLINK("http://evil.example","点击领取")',
      description: '@SUM(1+1)',
      contact: '+86 13800138000',
    };
    const wb = await readXlsx(await batchToXlsx({ ...batch, title: '-2+3清单', entries: [hostile, ...batch.entries.slice(1)] }));
    const ws = wb.getWorksheet(PUBLICATION_SHEET)!;
    const row = ws.getRow(XLSX_FIRST_ENTRY_ROW);
    expect([2, 3, 7, 8].map((c) => row.getCell(c).value)).toEqual([
      "'=cmd|' /C calc'!A0",
      '\'=HYPERLINK("http://evil.example","点击领取")',
      "'@SUM(1+1)",
      "'+86 13800138000",
    ]);
    expect(ws.getCell('A1').value).toBe("'-2+3清单");
    ws.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof c.value === 'string') expect(c.value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('sets up the sheet for reading and printing', async () => {
    const wb = await readXlsx(await batchToXlsx(sampleBatch()));
    const ws = wb.getWorksheet(PUBLICATION_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe(`${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`);
    expect(ws.getColumn(7).width).toBeGreaterThanOrEqual(40);
    expect(ws.getCell(`G${XLSX_FIRST_ENTRY_ROW}`).alignment?.wrapText).toBe(true);
    expect(ws.getCell(`I${XLSX_FIRST_ENTRY_ROW + 1}`).font?.color?.argb).toBe('FFC00000');
    // The multi-line description gets a taller row.
    expect(ws.getRow(XLSX_FIRST_ENTRY_ROW).height).toBeGreaterThan(30);
    expect(wb.getWorksheet('批次信息')!.getCell('B1').value).toBe('2026年第3批人工智能场景机会清单');
  });

  it('writes 1,000 entries in order', async () => {
    const batch = sampleBatch({ entries: 1000, corrected: [2, 500, 1000] });
    const wb = await readXlsx(await batchToXlsx(batch));
    const ws = wb.getWorksheet(PUBLICATION_SHEET)!;
    expect(ws.rowCount).toBe(XLSX_HEADER_ROW + 1000);
    const seqs: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n >= XLSX_FIRST_ENTRY_ROW) seqs.push(row.getCell(1).value);
    });
    expect(seqs).toEqual(batch.entries.map((e) => e.seq));
    const last = ws.getRow(XLSX_HEADER_ROW + 1000);
    expect(last.getCell(2).value).toBe(batch.entries[999]!.name);
    expect(String(last.getCell(9).value)).toContain(batch.entries[999]!.erratum!);
  });

  it('is deterministic for the same snapshot', async () => {
    const b = sampleBatch();
    const [a, c] = await Promise.all([batchToXlsx(b), batchToXlsx(b)]);
    const sheetXml = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(await sheetXml(a)).toBe(await sheetXml(c));
  });
});

describe('batchToDocx', () => {
  it('reads back the cover and every numbered entry in order', async () => {
    const batch = sampleBatch();
    const { text, xml } = await readDocx(await batchToDocx(batch));

    let at = 0;
    const expectInOrder = (needle: string) => {
      const i = text.indexOf(needle, at);
      expect(i, `"${needle}" after offset ${at}`).toBeGreaterThanOrEqual(0);
      at = i + needle.length;
    };
    expectInOrder('2026年第3批人工智能场景机会清单');
    expectInOrder('重庆市人工智能场景创新促进中心');
    expectInOrder('2026年11月22日');
    expectInOrder('共6项');

    const headings = batch.entries.map((e) => `${e.seq}. ${e.name}`);
    for (const [i, e] of batch.entries.entries()) {
      expectInOrder(headings[i]!);
      const sectionEnd = i + 1 < headings.length ? text.indexOf(headings[i + 1]!, at) : text.length;
      const section = text.slice(at, sectionEnd);
      expect(section).toContain(`发布单位：${e.issuer}`);
      expect(section).toContain(`所属领域：${sectorName(e.sector)}`);
      expect(section).toContain(`技术领域：${e.techFields.map(techFieldName).join('、')}`);
      expect(section).toContain(`所在地区：${e.regionCode ? regionFullName(e.regionCode) : '—'}`);
      expect(section).toContain(`描述：${e.description}`);
      expect(section).toContain(`联系方式：${e.contact ?? '通过平台联系'}`);
      if (e.version > 1) {
        expect(section).toContain(`勘误：${e.erratum}`);
        expect(section).toContain('2026年12月1日更正');
      } else {
        expect(section).not.toContain('勘误');
      }
    }
    // Special characters survive (docx escapes them; the reader decodes them).
    expect(text).toContain('5. “5G+工业互联网”预测性维护 & 能耗优化<试点>');
    expect(xml).toContain('&amp; 能耗优化&lt;试点&gt;');
    // The heading is a real Word heading, the cover is its own section.
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(xml.match(/<w:sectPr[ >]/g)).toHaveLength(2);
  });

  it('names a Chinese font with the East Asian setting and a running header', async () => {
    const { zip } = await readDocx(await batchToDocx(sampleBatch()));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rFonts[^>]*w:eastAsia="宋体"/);
    expect(styles).toMatch(/<w:rFonts[^>]*w:eastAsia="黑体"/);
    const headerFile = Object.keys(zip.files).find((f) => /^word\/header\d+\.xml$/.test(f))!;
    expect(wordText(await zip.file(headerFile)!.async('string'))).toContain('2026年第3批人工智能场景机会清单');
  });

  it('writes a capability list and an empty batch', async () => {
    const cap = await readDocx(await batchToDocx(sampleBatch({ listType: 'capability', entries: 2, corrected: [] })));
    expect(cap.text).toContain('场景能力清单');
    expect(cap.text).toContain('1. 工业视觉缺陷检测平台');
    expect(cap.text).toContain('2. 政务大模型知识问答系统');
    expect(cap.text).not.toContain('勘误');
    const empty = await readDocx(await batchToDocx({ ...sampleBatch(), entries: [] }));
    expect(empty.text).toContain('共0项');
  });

  it('writes 1,000 entries, numbered in order', async () => {
    const batch = sampleBatch({ entries: 1000 });
    const { text } = await readDocx(await batchToDocx(batch));
    const numbers = [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(batch.entries.map((e) => e.seq));
  });
});

describe('batchesToAtom', () => {
  const tricky = (): PublishedBatch => ({
    ...sampleBatch({ listType: 'capability', entries: 2, corrected: [] }),
    id: 'batch-2026-4',
    number: 4,
    title: 'R&D <能力> "清单" \'第4批\'',
    publishedAt: '2026-12-10T02:00:00Z',
  });

  it('is well-formed Atom 1.0 with feed metadata and one entry per batch, newest first', () => {
    const older = sampleBatch();
    const newer = tricky();
    const xml = batchesToAtom([older, newer], { baseUrl: BASE, feedTitle: '场景桥 · 清单发布' });
    checkWellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toMatch(/^ {2}<id>https:\/\/scene\.cq\.example\.cn\/public\/batches<\/id>$/m);
    expect(xml).toContain('<title>场景桥 · 清单发布</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://scene.cq.example.cn/public/batches.atom"/>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://scene.cq.example.cn/public/batches"/>');
    // Feed updated = the newest change across batches (here the newer batch's publication).
    expect(xml).toMatch(/^ {2}<updated>2026-12-10T02:00:00\.000Z<\/updated>$/m);

    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(2);
    const [first, second] = entries as [string, string];
    expect(first).toContain('<id>tag:scene.cq.example.cn,2026-12-10:batch/batch-2026-4</id>');
    expect(first).toContain('<link rel="alternate" type="text/html" href="https://scene.cq.example.cn/public/batches/batch-2026-4"/>');
    expect(second).toContain(`<id>urn:uuid:${older.id}</id>`);
    expect(second).toContain(`href="https://scene.cq.example.cn/public/batches/${older.id}"`);
    // A correction (2026-12-01) moves the batch's updated past its publication.
    expect(second).toContain('<updated>2026-12-01T02:30:00.000Z</updated>');
    expect(second).toContain('<published>2026-11-21T16:30:00.000Z</published>');
    expect(second).toContain('<author><name>重庆市人工智能场景创新促进中心</name></author>');
    expect(second).toMatch(/<summary type="text">共6项：汽车焊装车间焊点质量智能检测、三甲医院门诊智能导诊与分诊、.*等。<\/summary>/);
  });

  it('escapes & < > " \' in titles and summaries', () => {
    const xml = batchesToAtom([tricky()], { baseUrl: BASE, feedTitle: 'A & B <feed> "x"', updated: '2027-01-01T00:00:00+08:00' });
    checkWellFormed(xml);
    expect(xml).toContain('<title>A &amp; B &lt;feed&gt; &quot;x&quot;</title>');
    expect(xml).toContain('<title>R&amp;D &lt;能力&gt; &quot;清单&quot; &apos;第4批&apos;</title>');
    expect(xml).not.toContain('R&D');
    expect(xml).toMatch(/^ {2}<updated>2026-12-31T16:00:00\.000Z<\/updated>$/m);
    const withNeed = batchesToAtom([sampleBatch()], { baseUrl: BASE, feedTitle: 'f' });
    checkWellFormed(withNeed);
    expect(withNeed).toContain('预测性维护 &amp; 能耗优化&lt;试点&gt;');
  });

  it('stays well-formed with control characters and an empty list', () => {
    const b = { ...tricky(), title: 'bad\u0007title\u001f' };
    const xml = batchesToAtom([b], { baseUrl: BASE, feedTitle: 'f' });
    checkWellFormed(xml);
    expect(xml).toContain('<title>badtitle</title>');
    const empty = batchesToAtom([], { baseUrl: BASE, feedTitle: 'f' });
    checkWellFormed(empty);
    expect(empty).not.toContain('<entry>');
    expect(empty).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });

  it('the checker itself rejects ill-formed XML', () => {
    expect(() => checkWellFormed('<a><b></a></b>')).toThrow();
    expect(() => checkWellFormed('<a>x & y</a>')).toThrow();
    expect(() => checkWellFormed('<a t="1" t="2"/>')).toThrow();
    expect(() => checkWellFormed('<a/><b/>')).toThrow();
    expect(() => checkWellFormed('<a>1 &lt; 2</a>')).not.toThrow();
  });
});

describe('batchToOcds', () => {
  it('builds a release package with one release per entry', () => {
    const batch = sampleBatch();
    const pkg = batchToOcds(batch, OCDS_OPTS);
    expect(pkg).toMatchObject({
      uri: `https://scene.cq.example.cn/public/batches/${batch.id}/ocds.json`,
      version: '1.1',
      publishedDate: '2026-12-01T02:30:00.000Z',
      publisher: { name: OCDS_OPTS.publisherName, uri: 'https://scene.cq.example.cn' },
    });
    expect(pkg.releases).toHaveLength(6);
    const ocids = pkg.releases.map((r) => r.ocid);
    expect(new Set(ocids).size).toBe(6);
    expect(ocids).toEqual([1, 2, 3, 4, 5, 6].map((s) => `ocds-sb8cq1-N2026-3-${s}`));
    for (const r of pkg.releases) {
      expect(r.ocid.startsWith('ocds-sb8cq1-')).toBe(true);
      expect(r.initiationType).toBe('tender');
      expect(r.tender.status).toBe('planning');
      expect(r.tender.tenderPeriod).toEqual({ startDate: '2026-07-01T00:00:00.000Z', endDate: '2026-09-30T15:59:59.000Z' });
      expect(r.date <= pkg.publishedDate).toBe(true);
      expect(r.tender.documents[0]!.url).toBe(`https://scene.cq.example.cn/public/batches/${batch.id}`);
    }
    expect(new Set(pkg.releases.map((r) => r.id)).size).toBe(6);
  });

  it('marks corrections as new versions with an amendment', () => {
    const pkg = batchToOcds(sampleBatch(), OCDS_OPTS);
    const [r1, r2] = pkg.releases as [(typeof pkg.releases)[number], (typeof pkg.releases)[number]];
    expect(r1).toMatchObject({ id: 'ocds-sb8cq1-N2026-3-1-v1', tag: ['planning'], date: '2026-11-21T16:30:00.000Z' });
    expect(r1.tender.amendments).toBeUndefined();
    expect(r2).toMatchObject({ id: 'ocds-sb8cq1-N2026-3-2-v2', tag: ['planningUpdate'], date: '2026-12-01T02:30:00.000Z' });
    expect(r2.tender.amendments).toEqual([
      {
        id: 'ocds-sb8cq1-N2026-3-2-amendment-2',
        date: '2026-12-01T02:30:00.000Z',
        rationale: '第2项原“所在地区”填写有误，已更正为实际实施地点，联系方式同步更新。',
        amendsReleaseID: 'ocds-sb8cq1-N2026-3-2-v1',
        releaseID: 'ocds-sb8cq1-N2026-3-2-v2',
      },
    ]);
  });

  it('classifies items by sector and technology codes', () => {
    const batch = sampleBatch();
    const pkg = batchToOcds(batch, OCDS_OPTS);
    const item = pkg.releases[2]!.tender.items[0]!;
    expect(pkg.releases[2]!.tender.title).toBe('山地城市桥梁结构健康监测与预警');
    expect(item.classification).toEqual({ scheme: 'SceneBridge-sector', id: 'city', description: '城市管理' });
    expect(item.additionalClassifications).toEqual([
      { scheme: 'SceneBridge-tech', id: 'iot_sensing', description: '物联网与感知' },
      { scheme: 'SceneBridge-tech', id: 'digital_twin', description: '数字孪生' },
      { scheme: 'SceneBridge-tech', id: 'data_intelligence', description: '机器学习与数据智能' },
    ]);
    expect(item.deliveryAddress).toEqual({ region: '重庆市渝中区', countryName: '中国' });
    expect(pkg.releases[3]!.tender.items[0]!.deliveryAddress).toBeUndefined();
    expect(pkg.extensions).toHaveLength(1);
  });

  it('gives need owners the buyer role and the issuer the procuringEntity role', () => {
    const batch = sampleBatch();
    const r = batchToOcds(batch, OCDS_OPTS).releases[0]!;
    const e = batch.entries[0]!;
    expect(r.parties).toEqual([
      {
        id: `CN-USCC-${e.issuerCreditCode}`,
        name: '重庆长鸿汽车零部件有限公司',
        identifier: { scheme: 'CN-USCC', id: e.issuerCreditCode, legalName: '重庆长鸿汽车零部件有限公司' },
        contactPoint: { name: '李工', telephone: '023-63891234' },
        roles: ['buyer'],
      },
      { id: 'issuer', name: '重庆市人工智能场景创新促进中心', roles: ['procuringEntity'] },
    ]);
    expect(r.buyer).toEqual({ id: `CN-USCC-${e.issuerCreditCode}`, name: '重庆长鸿汽车零部件有限公司' });
    expect(r.tender.procuringEntity).toEqual({ id: 'issuer', name: '重庆市人工智能场景创新促进中心' });
    expect(r.tender.tenderers).toBeUndefined();
    // No published contact → no contactPoint.
    expect(batchToOcds(batch, OCDS_OPTS).releases[1]!.parties[0]!.contactPoint).toBeUndefined();
  });

  it('gives capability owners the tenderer role and no buyer', () => {
    const batch = sampleBatch({ listType: 'capability', entries: 2 });
    const r = batchToOcds(batch, OCDS_OPTS).releases[0]!;
    expect(r.parties[0]!.roles).toEqual(['tenderer']);
    expect(r.parties[1]!.roles).toEqual(['procuringEntity']);
    expect(r.buyer).toBeUndefined();
    expect(r.tender.tenderers).toEqual([{ id: r.parties[0]!.id, name: '重庆慧眼智能科技有限公司' }]);
  });

  it('converts budgets from 万元 to CNY', () => {
    const pkg = batchToOcds(sampleBatch(), OCDS_OPTS);
    expect(pkg.releases[0]!.tender.value).toEqual({ amount: 1_500_000, currency: 'CNY' });
    expect(pkg.releases[0]!.tender.minValue).toEqual({ amount: 800_000, currency: 'CNY' });
    // 12.3 × 10000 is 123000.00000000001 in floating point; rounded to the fen.
    expect(pkg.releases[4]!.tender.minValue).toEqual({ amount: 123_000, currency: 'CNY' });
    expect(pkg.releases[4]!.tender.value).toEqual({ amount: 456_000, currency: 'CNY' });
    // Max only, and no budget at all.
    expect(pkg.releases[3]!.tender.value).toEqual({ amount: 600_000, currency: 'CNY' });
    expect(pkg.releases[3]!.tender.minValue).toBeUndefined();
    expect(pkg.releases[5]!.tender.value).toBeUndefined();
    expect(wanToCny(null)).toBeUndefined();
    expect(wanToCny(Number.NaN)).toBeUndefined();
  });

  it('is deterministic and JSON-clean', () => {
    const batch = sampleBatch();
    const a = JSON.stringify(batchToOcds(batch, OCDS_OPTS));
    const b = JSON.stringify(batchToOcds({ ...batch, entries: [...batch.entries].reverse() }, OCDS_OPTS));
    expect(a).toBe(b);
    expect(JSON.parse(a)).toEqual(batchToOcds(batch, OCDS_OPTS));
    expect(entryOcid('ocds-abc-', batch, 7)).toBe('ocds-abc-N2026-3-7');
    expect(() => entryOcid('  ', batch, 1)).toThrow(RangeError);
  });

  it('splits a free-text contact where recognisable', () => {
    expect(parseContact('王建国 13800138000 wangjg@example.com')).toEqual({
      name: '王建国',
      telephone: '13800138000',
      email: 'wangjg@example.com',
    });
    expect(parseContact('李工 023-63891234')).toEqual({ name: '李工', telephone: '023-63891234' });
    expect(parseContact('项目办')).toEqual({ name: '项目办' });
  });
});

describe('entry type', () => {
  it('accepts the optional budget fields being absent', () => {
    const e: PublishedEntry = { ...sampleBatch().entries[0]! };
    delete e.budgetMin;
    delete e.budgetMax;
    delete e.maturityTrl;
    const pkg = batchToOcds({ ...sampleBatch(), entries: [e] }, OCDS_OPTS);
    expect(pkg.releases[0]!.tender.value).toBeUndefined();
  });
});
