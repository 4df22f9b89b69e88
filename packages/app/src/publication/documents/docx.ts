/**
 * The DOCX bulletin of a published batch (公告).
 * Section 1, the cover: title, list type, issuer, publication date (2026年11月22日) and 共N项,
 * centred vertically on the page. Section 2, the entries in seq order: a heading "1. 名称"
 * (literal numbers, not Word list numbering, so the 序号 is exactly the batch's), then 发布单位,
 * 所属领域, 技术领域, 所在地区, 描述, 联系方式 and, for a corrected entry, a 勘误 line.
 * Fonts are only named (宋体 body, 黑体 headings, with the East Asian font set); the reader's
 * Word/WPS supplies them.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  VerticalAlignSection,
  type IRunOptions,
} from 'docx';
import {
  callWindowText,
  displayContact,
  displayErratum,
  displayOptional,
  displayRegion,
  displaySector,
  displayTechFields,
  formatChineseDate,
  isBenchmarkList,
  LIST_TYPE_LABEL,
  orderedEntries,
} from './format.js';
import type { PublishedBatch, PublishedEntry } from './types.js';

const BODY_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;
const ERRATUM_COLOR = 'C00000';

/** Text with line breaks as runs joined by <w:br/>. */
function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }));
}

function field(label: string, value: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    indent: { left: 420 },
    children: [new TextRun({ ...options, text: `${label}：`, bold: true }), ...runs(value, options)],
  });
}

function benchmarkFields(e: PublishedEntry): Paragraph[] {
  return [
    field('发布单位', e.issuer),
    field('揭榜（中标）单位', displayOptional(e.winner)),
    field('所属领域', displaySector(e.sector)),
    field('所在地区', displayRegion(e.regionCode)),
    field('成效说明', e.resultsText ?? e.description),
    field('验收结论', displayOptional(e.acceptanceReport)),
  ];
}

function entryParagraphs(e: PublishedEntry, benchmark: boolean): Paragraph[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(`${e.seq}. ${e.name}`)] });
  const out = benchmark ? [heading, ...benchmarkFields(e)] : [heading, ...listFields(e)];
  const erratum = displayErratum(e);
  if (erratum) out.push(field('勘误', erratum, { color: ERRATUM_COLOR }));
  return out;
}

function listFields(e: PublishedEntry): Paragraph[] {
  return [
    field('发布单位', e.issuer),
    field('所属领域', displaySector(e.sector)),
    field('技术领域', displayTechFields(e.techFields) || '—'),
    field('所在地区', displayRegion(e.regionCode)),
    field('描述', e.description),
    field('联系方式', displayContact(e.contact)),
  ];
}

function centred(text: string, size: number, opts: { bold?: boolean; heading?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: opts.after ?? 240 },
    children: [new TextRun({ text, size, bold: opts.bold, font: opts.heading ? HEADING_FONT : BODY_FONT })],
  });
}

export async function batchToDocx(batch: PublishedBatch): Promise<Buffer> {
  const entries = orderedEntries(batch);
  const publishedOn = formatChineseDate(batch.publishedAt);
  const benchmark = isBenchmarkList(batch);

  const cover = [
    centred(batch.title, SIZE.erhao, { bold: true, heading: true, after: 480 }),
    centred(LIST_TYPE_LABEL[batch.listType], SIZE.sanhao, { after: 960 }),
    centred(batch.issuer, SIZE.sanhao),
    centred(publishedOn, SIZE.sanhao),
    centred(`共${entries.length}项`, SIZE.sanhao, { after: 960 }),
    ...(benchmark
      ? []
      : [centred(`征集活动：${batch.callTitle}`, SIZE.xiaosi, { after: 120 }), centred(`征集时间：${callWindowText(batch)}`, SIZE.xiaosi)]),
  ];

  const body = entries.length
    ? entries.flatMap((e) => entryParagraphs(e, benchmark))
    : [new Paragraph({ children: [new TextRun('本批次暂无条目。')] })];

  const doc = new Document({
    title: batch.title,
    creator: batch.issuer,
    description: `${batch.title}（共${entries.length}项）`,
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
      { properties: { verticalAlign: VerticalAlignSection.CENTER }, children: cover },
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: batch.title, size: SIZE.wuhao })] }),
            ],
          }),
        },
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
        properties: { page: { pageNumbers: { start: 1 } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
