/**
 * The printed layout of a 政策动态 issue, shared by the DOCX and the HTML page, as the bulletins
 * have long been laid out (seed 000): masthead 政策动态, 第N期（总第M期）, publisher, date, the table
 * of contents, then per policy 一、二、… its summary and the key measures in their own words, and
 * last 本期推荐研究方向.
 */
import { chineseDateText, chineseListMarker } from '@scenebridge/domain/policies';
import type { PolicyDigestDetailView } from './digest-present.js';

export const DIGEST_MASTHEAD = '政策动态';
export const DIRECTIONS_HEADING = '本期推荐研究方向';
const DRAFT_NUMBER = '（草稿，发布时编号）';

export interface DigestDocument {
  masthead: string;
  numberText: string;
  publisher: string;
  dateText: string;
  title: string;
  intro: string | null;
  /** 一、… per policy, then the directions' own entry. */
  contents: string[];
  sections: { heading: string; paragraphs: string[]; measures: string[] }[];
  directionsHeading: string;
  directions: { title: string; text: string }[];
}

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

export function digestDocument(d: PolicyDigestDetailView): DigestDocument {
  const sections = d.items.map((item, i) => ({
    heading: `${chineseListMarker(i + 1)}${item.policy.title}`,
    paragraphs: paragraphs(item.summary),
    measures: item.measures.map((m) => m.text.trim()).filter(Boolean),
  }));
  const directionsHeading = `${chineseListMarker(d.items.length + 1)}${DIRECTIONS_HEADING}`;
  return {
    masthead: DIGEST_MASTHEAD,
    numberText: d.numberText ?? DRAFT_NUMBER,
    publisher: d.publisher,
    dateText: chineseDateText(d.issuedOn),
    title: d.title,
    intro: d.intro,
    contents: [...sections.map((s) => s.heading), ...(d.directions.length ? [directionsHeading] : [])],
    sections,
    directionsHeading,
    directions: d.directions,
  };
}

/** The file name of an export: 政策动态第1期（总第1期）-标题.docx. */
export const digestFileName = (doc: DigestDocument, ext: 'docx' | 'html') =>
  `${doc.masthead}${doc.numberText.startsWith('第') ? doc.numberText : ''}-${doc.title}.${ext}`.replace(/[\\/:*?"<>|]/g, '_');
