/**
 * Two-way matching: for a need, the capabilities that could serve it; for a capability, the
 * needs it could serve. Candidates come from the search index (the source's key terms as the
 * query); each is then scored by `matchScore`, whose parts are the explanation.
 */
import { matchScore, regionFullName, sectorName, techFieldName, type MatchPart, type MatchPartKey } from '@scenebridge/domain';
import type { SearchEngine } from '@scenebridge/search';
import { docTableOf, FACET_INDEX, hasAny, viewerSees, type ListingFields, type Viewer } from '../search/index.js';

/** Items that can still be matched: published, or (for those who may see them) in the pipeline. */
const MATCHABLE = new Set(['submitted', 'in_review', 'selected', 'published', 'matching']);
const KEY_TERMS = 24;
export const CANDIDATES = 150;
/** Covering this weighted share of the source's key terms counts as a full text fit. */
const FULL_TERM_COVERAGE = 0.5;
const SYNONYM_CREDIT = 0.6;

export const MATCH_PART_LABELS: Record<MatchPartKey, string> = {
  terms: '关键词',
  sector: '领域',
  tech: '技术领域',
  region: '地域',
  budget: '预算',
  maturity: '成熟度',
};

export interface KeyTerm {
  term: string;
  weight: number;
}

/** The source's most telling words: tf × idf over title (twice) and text, longest words kept whole. */
export function keyTerms(engine: SearchEngine<ListingFields>, title: string, text: string, n = KEY_TERMS): KeyTerm[] {
  const tf = new Map<string, number>();
  const add = (words: string[], w: number) => {
    for (const t of words) if (t.length >= 2) tf.set(t, (tf.get(t) ?? 0) + w);
  };
  add(engine.segmenter.words(title), 2);
  add(engine.segmenter.words(text), 1);
  return [...tf]
    .map(([term, f]) => ({ term, weight: Math.log1p(f) * engine.idfOf(term) }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, n);
}

function sides(source: ListingFields, target: ListingFields) {
  const [need, cap] = source.listType === 'scenario_need' ? [source, target] : [target, source];
  return {
    need: {
      sector: need.sector,
      techFields: need.techFields,
      regionCode: need.regionCode,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
    },
    cap: { sectors: cap.sectors, techFields: cap.techFields, regionCode: cap.regionCode, maturityTrl: cap.maturityTrl },
    needFields: need,
    capFields: cap,
  };
}

function detail(key: MatchPartKey, need: ListingFields, cap: ListingFields, shared: string[]): string {
  switch (key) {
    case 'terms':
      return shared.length ? `共有关键词：${shared.slice(0, 8).join('、')}` : '没有共同的关键词';
    case 'sector':
      return need.sector && cap.sectors.includes(need.sector)
        ? `需求领域「${sectorName(need.sector)}」在能力服务领域内`
        : `需求领域「${need.sector ? sectorName(need.sector) : '未填'}」，能力服务领域：${cap.sectors.map(sectorName).join('、') || '未填'}`;
    case 'tech': {
      const have = new Set(cap.techFields);
      const covered = need.techFields.filter((t) => have.has(t));
      return `覆盖需求技术领域 ${covered.length}/${need.techFields.length}${covered.length ? '：' + covered.map(techFieldName).join('、') : ''}`;
    }
    case 'region': {
      const a = need.regionCode,
        b = cap.regionCode;
      if (!a || !b) return '一方未填地域';
      if (a === b) return `同在${regionFullName(a)}`;
      return `需求在${regionFullName(a)}，能力方在${regionFullName(b)}`;
    }
    case 'budget':
      return need.budgetMin !== null || need.budgetMax !== null
        ? `需求预算 ${need.budgetMin ?? '?'}–${need.budgetMax ?? '?'} 万元`
        : '需求未填预算';
    case 'maturity':
      return cap.maturityTrl !== null ? `技术成熟度 TRL ${cap.maturityTrl}` : '未填技术成熟度';
  }
}

export interface MatchResult {
  id: string;
  listType: string;
  title: string;
  status: string;
  organization: { id: string; name: string };
  score: number;
  sharedTerms: string[];
  parts: Array<MatchPart & { label: string; detail: string }>;
  pinned: { reason: string; by: string | null; at: string } | null;
}

export function scoreTarget(source: ListingFields, target: ListingFields, id: string, termFit: number, shared: string[]): MatchResult {
  const { need, cap, needFields, capFields } = sides(source, target);
  const m = matchScore(need, cap, termFit);
  return {
    id,
    listType: target.listType,
    title: target.title,
    status: target.status,
    organization: { id: target.organizationId, name: target.organizationName },
    score: m.score,
    sharedTerms: shared,
    parts: m.parts.map((p) => ({ ...p, label: MATCH_PART_LABELS[p.key], detail: detail(p.key, needFields, capFields, shared) })),
    pinned: null,
  };
}

export function isCandidate(
  viewer: Viewer,
  source: ListingFields,
  sourceId: string,
  id: string,
  f: ListingFields | undefined,
): f is ListingFields {
  return !!f && id !== sourceId && f.listType !== source.listType && MATCHABLE.has(f.status) && viewerSees(viewer, f);
}

/**
 * `isCandidate` (but for the source's own id) for a document number, read from the doc table's
 * arrays: matching's filter sees tens of thousands of hits, and reading each one's fields object
 * costs a cache miss or more. matching.test.ts checks that the two agree.
 */
export function candidateTest(engine: SearchEngine<ListingFields>, viewer: Viewer, source: ListingFields): (doc: number) => boolean {
  const table = docTableOf(engine);
  const otherType = table.valuesOf(FACET_INDEX.listType, [source.listType === 'scenario_need' ? 'capability' : 'scenario_need']);
  const matchable = table.valuesOf(FACET_INDEX.status, MATCHABLE);
  const visible = table.visibility(viewer);
  return (d) => hasAny(otherType, d) && hasAny(matchable, d) && visible(d);
}

/** Candidates from the index, scored and sorted (pure over the index; the benchmark calls it too). */
export function rankMatches(
  engine: SearchEngine<ListingFields>,
  viewer: Viewer,
  sourceId: string,
  source: ListingFields,
  text: { title: string; text: string },
  candidates = CANDIDATES,
  restrictTo?: ReadonlySet<string>,
): MatchResult[] {
  const keys = keyTerms(engine, text.title, text.text);
  const total = keys.reduce((a, k) => a + k.weight, 0);
  const weightOf = new Map(keys.map((k) => [k.term, k.weight]));
  const candidate = candidateTest(engine, viewer, source);
  const hits =
    keys.length === 0
      ? []
      : engine.search(keys.map((k) => k.term).join(' '), {
          // Words only, so every hit is a word match: the word-first path gives the same hits and
          // scores without per-document bookkeeping. Its hits come in document order, so tens of
          // thousands of them reach the filter before the top-k fills: the filter reads typed arrays.
          limit: candidates,
          nearMiss: false,
          preferWordMatches: true,
          filter: (d) => candidate(d.doc) && d.id !== sourceId && (!restrictTo || restrictTo.has(d.id)),
        });
  const out = hits.map((h) => {
    let covered = 0;
    const shared = new Set<string>();
    for (const t of h.matchedTerms) {
      covered += weightOf.get(t) ?? 0;
      shared.add(t);
    }
    for (const s of h.matchedSynonyms) {
      if (shared.has(s.from)) continue;
      covered += SYNONYM_CREDIT * (weightOf.get(s.from) ?? 0);
      shared.add(s.from);
    }
    const termFit = total > 0 ? Math.min(1, covered / total / FULL_TERM_COVERAGE) : 0;
    return scoreTarget(source, h.fields!, h.id, termFit, [...shared]);
  });
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
