/**
 * Zip archives and zip bombs built in code, for tests (never committed as binaries).
 * Not used by the server at run time.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** Content stored deflated. */
  data?: Buffer | string;
  /** Already deflated bytes (raw deflate), with what the headers should claim. */
  raw?: { compressed: Buffer; size: number; crc: number };
}

/** A plain zip (no ZIP64, no data descriptors); the headers say what `raw` claims. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let compressed: Buffer, size: number, crc: number;
    if (e.raw) ({ compressed, size, crc } = e.raw);
    else {
      const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
      compressed = deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate of `head + unit × repeat + tail` without compressing `unit × repeat`: the unit is
 * compressed once ending in a full flush (byte-aligned, no back-references across the
 * boundary), so its bytes can be repeated; a final empty block closes the stream. Cheap to
 * build whatever the inflated size; the CRC of the whole is computed incrementally.
 */
export function repeatedDeflate(head: string, unit: string, repeat: number, tail: string): ZipEntrySpec['raw'] & {} {
  const flush = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const u = Buffer.from(unit, 'utf8');
  const unitDeflated = flush(unit);
  let crc = crc32(Buffer.from(head, 'utf8'));
  // CRC over a block of up to 4096 units at a time keeps this fast for hundreds of MB.
  const per = Math.min(repeat, 4096);
  const block = Buffer.alloc(u.length * per);
  for (let i = 0; i < per; i++) u.copy(block, i * u.length);
  let left = repeat;
  for (; left >= per && per > 0; left -= per) crc = crc32(block, crc);
  if (left > 0) crc = crc32(block.subarray(0, left * u.length), crc);
  crc = crc32(Buffer.from(tail, 'utf8'), crc);
  const parts = [flush(head)];
  for (let i = 0; i < repeat; i++) parts.push(unitDeflated);
  parts.push(flush(tail), Buffer.from([0x03, 0x00]));
  const size = Buffer.byteLength(head) + u.length * repeat + Buffer.byteLength(tail);
  return { compressed: Buffer.concat(parts), size, crc };
}

const CONTENT_TYPES_XLSX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = (target: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface XlsxBombOptions {
  /** Cells per row. Default 1000. */
  columns?: number;
  /**
   * Cells in columns A, B, C, … (a wide sheet); by default every cell of a row is the same
   * `<c r="A2">`, which deflate compresses about 1000:1.
   */
  distinctColumns?: boolean;
  /** How many times the row is repeated. */
  rows: number;
  /** Uncompressed size written in the headers; default the true size. */
  declaredSize?: number;
}

/** An .xlsx whose one sheet holds `rows × columns` numeric cells, built without inflating them. */
export function xlsxBomb({ columns = 1000, rows, declaredSize, distinctColumns = false }: XlsxBombOptions): Buffer {
  let unit = '<row r="2">';
  for (let c = 0; c < columns; c++) unit += `<c r="${distinctColumns ? columnName(c) : 'A'}2"><v>1</v></c>`;
  unit += '</row>';
  const sheet = repeatedDeflate(SHEET_HEAD, unit, rows, SHEET_TAIL);
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES_XLSX },
    { name: '_rels/.rels', data: ROOT_RELS('xl/workbook.xml') },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', raw: { ...sheet, size: declaredSize ?? sheet.size } },
  ]);
}

const CONTENT_TYPES_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A .docx whose word/document.xml inflates to about `megabytes` MB of paragraphs. */
export function docxBomb({ megabytes, declaredSize }: { megabytes: number; declaredSize?: number }): Buffer {
  const unit =
    '<w:p><w:r><w:t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</w:t></w:r></w:p>';
  const body = repeatedDeflate(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    unit.repeat(64),
    Math.ceil((megabytes * 1024 * 1024) / (unit.length * 64)),
    '</w:body></w:document>',
  );
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES_DOCX },
    { name: '_rels/.rels', data: ROOT_RELS('word/document.xml') },
    { name: 'word/document.xml', raw: { ...body, size: declaredSize ?? body.size } },
  ]);
}

/**
 * Runs `fn` while a worker thread samples the process's resident set every few milliseconds —
 * from another thread, so the samples continue while `fn` blocks the event loop. Returns the
 * peak growth over the RSS before the call, in bytes.
 */
export async function peakRssGrowth(fn: () => Promise<unknown>): Promise<{ growth: number; ms: number }> {
  const { Worker } = await import('node:worker_threads');
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss();
     const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
     parentPort.on('message', () => { clearInterval(t); peak = Math.max(peak, process.memoryUsage.rss()); parentPort.postMessage(peak); });
     parentPort.postMessage('ready');`,
    { eval: true },
  );
  await new Promise((resolve) => sampler.once('message', resolve));
  const before = process.memoryUsage.rss();
  const t0 = performance.now();
  try {
    await fn();
    const ms = performance.now() - t0;
    sampler.postMessage('stop');
    const peak = (await new Promise((resolve) => sampler.once('message', resolve))) as number;
    return { growth: Math.max(0, peak - before), ms };
  } finally {
    await sampler.terminate();
  }
}
