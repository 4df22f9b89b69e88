/**
 * Policy documents built in code for the reader's tests (no binary fixtures): Word files with
 * the `docx` package, PDFs with pdfkit (a Noto CJK font from the system for Chinese text), a
 * PNG, GB18030 text. Not used by the server.
 */
import { policySeedText, type PolicySeedId } from '@scenebridge/demo';
import { crc32, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** The lines of seed `prefix` (e.g. '000_') that start with each of `starts`, first match each. */
export function seedParagraphs(prefix: string, starts: readonly string[]): string[] {
  const lines = policySeedText(prefix.slice(0, 3) as PolicySeedId).split('\n');
  return starts.map((s) => {
    const line = lines.find((l) => l.startsWith(s));
    if (line === undefined) throw new Error(`no line starting ${s}`);
    return line.trim();
  });
}

/** Each paragraph split into two runs (the first bold), as Word writes formatted text. */
export async function docxOf(paragraphs: readonly string[]): Promise<Buffer> {
  const children = paragraphs.map((p) => {
    const cut = Math.min(6, p.length);
    return new Paragraph({ children: [new TextRun({ text: p.slice(0, cut), bold: true }), new TextRun(p.slice(cut))] });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

export interface PdfOptions {
  /** Text width in points: narrow enough and every paragraph wraps mid-sentence. */
  width?: number;
  /** Page height: small and the text runs over several pages. */
  height?: number;
  /** Writes "— n —" at the foot of every page, as official documents do. */
  pageNumbers?: boolean;
  font?: 'cjk' | 'helvetica';
  /** A picture instead of text, as a scanner makes. */
  image?: Buffer;
  /** Space after each paragraph, in points. */
  paragraphGap?: number;
  /** First-line indent of each paragraph but the first, in points (two characters in official documents). */
  indent?: number;
}

function renderPdf(build: (doc: PDFKit.PDFDocument) => void, size: [number, number]): Promise<Buffer> {
  const doc = new PDFDocument({ size, margin: 36, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  build(doc);
  doc.end();
  return done;
}

export function pdfOf(paragraphs: readonly string[], opts: PdfOptions = {}): Promise<Buffer> {
  const { width = 240, height = 400, pageNumbers = false, font = 'cjk', image, paragraphGap = 4, indent = 0 } = opts;
  return renderPdf(
    (doc) => {
      if (font === 'cjk') doc.font(CJK_FONT.path, CJK_FONT.family);
      else doc.font('Helvetica');
      doc.fontSize(11);
      if (image) doc.image(image, 36, 36, { width: 200 });
      paragraphs.forEach((p, i) => doc.text(p, { width, paragraphGap, indent: i === 0 ? 0 : indent }));
      if (!pageNumbers) return;
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        doc.page.margins.bottom = 0; // writing in the margin would otherwise open a new page
        doc.text(`— ${i + 1} —`, 36, height - 24, { width, align: 'center' });
      }
    },
    [width + 72, height],
  );
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A grey-scale PNG with a diagonal pattern, like a scanned page at a tiny size. */
export function pngOf(width = 64, height = 48): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey, no interlace
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x + y) % 16 < 8 ? 40 : 230;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

let gbTable: Map<string, readonly [number, number]> | undefined;

/** GB18030 bytes of `text` (ASCII and the two-byte GBK range, which covers common Chinese). */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const pair = gbTable.get(ch);
    if (code < 0x80) bytes.push(code);
    else if (pair) bytes.push(...pair);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return Buffer.from(bytes);
}

/** Deterministic noise (mulberry32). */
export function randomBytes(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
