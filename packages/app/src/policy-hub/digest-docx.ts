/**
 * The DOCX of a 政策动态 issue (layout in digest-document.ts), written like the batch bulletin
 * (publication/documents/docx.ts): fonts only named (宋体 body, 黑体 headings, 红色 masthead),
 * literal 一、二、 markers rather than Word list numbering so the numbers are exactly the issue's.
 */
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { DigestDocument } from './digest-document.js';

const BODY_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
/** Half-points: 初号 42pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
const SIZE = { chuhao: 84, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;
const MASTHEAD_RED = 'C00000';

function line(
  text: string,
  opts: { size?: number; bold?: boolean; center?: boolean; heading?: boolean; color?: string; after?: number; indent?: boolean } = {},
) {
  const run: IRunOptions = { text, size: opts.size, bold: opts.bold, color: opts.color, font: opts.heading ? HEADING_FONT : BODY_FONT };
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    spacing: { after: opts.after ?? 120 },
    indent: opts.indent ? { firstLine: 480 } : undefined,
    children: [new TextRun(run)],
  });
}

/** A verbatim passage: its own line breaks kept as <w:br/>, blank lines dropped. */
function passage(text: string): Paragraph {
  const lines = text.split(/\n+/).filter((l) => l.trim());
  return new Paragraph({
    spacing: { after: 120 },
    indent: { firstLine: 480 },
    children: lines.map((l, i) => new TextRun({ text: l, font: BODY_FONT, break: i > 0 ? 1 : undefined })),
  });
}

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text, font: HEADING_FONT })] });

function masthead(doc: DigestDocument): Paragraph[] {
  return [
    line(doc.masthead, { size: SIZE.chuhao, bold: true, center: true, heading: true, color: MASTHEAD_RED, after: 240 }),
    line(doc.numberText, { size: SIZE.sanhao, center: true }),
    line(doc.publisher, { size: SIZE.xiaosi, center: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      // The red rule under the masthead, as on the printed bulletins.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: MASTHEAD_RED, space: 4 } },
      children: [new TextRun({ text: doc.dateText, size: SIZE.xiaosi, font: BODY_FONT })],
    }),
    line(doc.title, { size: SIZE.sihao, bold: true, center: true, heading: true, after: 240 }),
  ];
}

function body(doc: DigestDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.intro) out.push(line('编者按', { bold: true, heading: true }), ...doc.intro.split(/\n+/).map((p) => line(p, { indent: true })));
  out.push(line('目录', { bold: true, heading: true, size: SIZE.sihao }), ...doc.contents.map((c) => line(c)));
  for (const s of doc.sections) {
    out.push(heading(s.heading), ...s.paragraphs.map((p) => line(p, { indent: true })));
    if (s.measures.length) out.push(line('措施原文', { bold: true, heading: true }), ...s.measures.map(passage));
  }
  if (doc.directions.length) {
    out.push(heading(doc.directionsHeading));
    doc.directions.forEach((d, i) =>
      out.push(line(`${i + 1}. ${d.title}`, { bold: true }), ...(d.text ? [line(d.text, { indent: true })] : [])),
    );
  }
  return out;
}

export async function digestToDocx(doc: DigestDocument): Promise<Buffer> {
  const file = new Document({
    title: `${doc.masthead} ${doc.numberText}`,
    creator: doc.publisher,
    description: doc.title,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.xiaosi, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360 } },
        },
        heading2: {
          run: { font: HEADING_FONT, size: SIZE.sihao, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.wuhao })],
              }),
            ],
          }),
        },
        children: [...masthead(doc), ...body(doc)],
      },
    ],
  });
  return Packer.toBuffer(file);
}
