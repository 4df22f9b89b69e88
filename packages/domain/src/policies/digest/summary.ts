/**
 * A policy's entry in a 政策动态 issue, drafted for the operator to edit: when and by whom it was
 * issued, then its key measures — those with quantitative terms, the support a reader can act on
 * first — each as its heading and its terms in words.
 */
import { chineseDateText } from './numbering.js';
import { termsInWords, type DigestTerm } from './terms-in-words.js';

export interface DigestMeasure {
  id: string;
  /** Document order. */
  seq: number;
  heading: string | null;
  /** The measure's own words, verbatim. */
  text: string;
  terms: readonly DigestTerm[];
}

export interface DigestPolicy {
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  documentNumber: string | null;
}

export const DIGEST_KEY_MEASURES = 5;

/** Caps and time limits bind the applicant; amounts and shares describe support; targets and counts describe plans. */
const TERM_RANK: Readonly<Record<string, number>> = {
  ratio_cap: 0,
  amount_cap: 0,
  count_cap: 0,
  age_limit: 0,
  time_limit: 0,
  amount: 1,
  ratio: 1,
  period: 1,
  target_year: 2,
  count: 2,
};

/** A measure's best rank, or undefined when it has no term but dates (the notice's own date is one). */
function rankOf(m: DigestMeasure): number | undefined {
  const ranks = m.terms.map((t) => TERM_RANK[t.type]).filter((r): r is number => r !== undefined);
  return ranks.length ? Math.min(...ranks) : undefined;
}

/** Up to `limit` measures with terms, the binding ones first, returned in document order. */
export function pickKeyMeasures<M extends DigestMeasure>(measures: readonly M[], limit = DIGEST_KEY_MEASURES): M[] {
  return measures
    .map((m) => ({ m, rank: rankOf(m) }))
    .filter((x): x is { m: M; rank: number } => x.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.m.seq - b.m.seq)
    .slice(0, limit)
    .map((x) => x.m)
    .sort((a, b) => a.seq - b.seq);
}

const MARKER = /^\s*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百]+条)\s*/;

/** The heading, or the first clause of the text when the measure has none. */
export function measureLabel(m: Pick<DigestMeasure, 'heading' | 'text'>): string {
  if (m.heading?.trim()) return m.heading.trim().replace(/[。；;，,：:]+$/, '');
  const first = m.text
    .replace(MARKER, '')
    .split(/[。；;，,：:\n]/, 1)[0]!
    .trim();
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

/** 2022年7月29日，商务部等13部门印发《…》（文号），提出： */
export function digestLead(p: DigestPolicy, hasMeasures: boolean): string {
  const title = p.title.trim();
  const named = /^《.*》$/.test(title) ? title : `《${title}》`;
  const who = p.issuer && !title.startsWith(p.issuer) ? `${p.issuer}印发${named}` : title;
  const parts = [p.issuedOn ? `${chineseDateText(p.issuedOn)}，` : '', who, p.documentNumber ? `（${p.documentNumber}）` : ''];
  return `${parts.join('')}${hasMeasures ? '，提出：' : '。'}`;
}

/** The lead, then one line per key measure: "1. 提高间接费用比例：不超过40%（200万元及以下部分），…。" */
export function composeDigestSummary(p: DigestPolicy, keyMeasures: readonly DigestMeasure[]): string {
  const lines = keyMeasures.map((m, i) => `${i + 1}. ${measureLabel(m)}：${termsInWords(m.terms)}。`);
  return [digestLead(p, lines.length > 0), ...lines].join('\n');
}
