/**
 * DOCX and Atom of a public list that is not a numbered batch (open challenges, 公示): the same
 * fonts, header and escaping as a batch's documents, over a flat list of rows. Each row a
 * heading and its column values; each feed entry a page of the portal.
 */
import { AlignmentType, Document, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatChineseDate, toRfc3339 } from './format.js';
import { xmlEscape } from './xml.js';

export interface PublicListRow {
  heading: string;
  /** One per column, in the list's column order. */
  values: string[];
}

export interface PublicListFeedEntry {
  id: string;
  title: string;
  /** The portal page, e.g. /public/challenges/<id>. */
  path: string;
  author: string;
  summary: string;
  published: Date;
  updated: Date;
}

export interface PublicList {
  /** e.g. 揭榜挂帅 · 正在揭榜的榜单 */
  title: string;
  /** The HTML list this mirrors, e.g. /public/challenges. */
  listPath: string;
  columns: readonly string[];
  rows: readonly PublicListRow[];
  feed: readonly PublicListFeedEntry[];
  generatedAt: Date;
}

const BODY_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };

function field(label: string, value: string): Paragraph {
  const lines = (value || '—').split(/\r?\n/);
  return new Paragraph({
    spacing: { after: 60 },
    indent: { left: 420 },
    children: [
      new TextRun({ text: `${label}：`, bold: true }),
      ...lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : undefined })),
    ],
  });
}

export async function publicListToDocx(list: PublicList): Promise<Buffer> {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text: list.title, size: 40, bold: true, font: HEADING_FONT })],
  });
  const sub = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 360 },
    children: [new TextRun(`截至${formatChineseDate(list.generatedAt.toISOString())}　共${list.rows.length}项（时间为北京时间）`)],
  });
  const body = list.rows.length
    ? list.rows.flatMap((r, i) => [
        new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(`${i + 1}. ${r.heading}`)] }),
        ...list.columns.map((c, j) => field(c, r.values[j] ?? '')),
      ])
    : [new Paragraph({ children: [new TextRun('暂无条目。')] })];
  const doc = new Document({
    title: list.title,
    creator: '场景桥 SceneBridge',
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360 } },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
      },
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: list.title, size: 21 })] })],
          }),
        },
        children: [title, sub, ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const EPOCH = new Date(0);

export function publicListToAtom(list: PublicList, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const t = xmlEscape;
  const alternate = `${base}${list.listPath}`;
  const updated = list.feed.reduce((acc, e) => (e.updated > acc ? e.updated : acc), EPOCH);
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${t(alternate)}</id>`,
    `  <title>${t(list.title)}</title>`,
    `  <updated>${toRfc3339(updated.toISOString())}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${t(`${alternate}.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${t(alternate)}"/>`,
    '  <author><name>场景桥 SceneBridge</name></author>',
    '  <generator>SceneBridge</generator>',
  ];
  for (const e of list.feed) {
    out.push(
      '  <entry>',
      `    <id>urn:uuid:${t(e.id.toLowerCase())}</id>`,
      `    <title>${t(e.title)}</title>`,
      `    <updated>${toRfc3339(e.updated.toISOString())}</updated>`,
      `    <published>${toRfc3339(e.published.toISOString())}</published>`,
      `    <link rel="alternate" type="text/html" href="${t(`${base}${e.path}`)}"/>`,
      `    <author><name>${t(e.author)}</name></author>`,
      `    <summary type="text">${t(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
