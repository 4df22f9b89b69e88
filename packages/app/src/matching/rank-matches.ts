/**
 * Two-way matching: for a need, the capabilities that could serve it; for a capability, the
 * needs it could serve. Candidates come from the search index (the source's key terms as the
 * query); each is then scored by `matchScore`, whose parts are the explanation.
 */
import {
  matchScore,
  regionFullName,
  sectorName,
  techFieldName,
  type MatchPart,
  type MatchPartKey,
  type MatchScore,
} from '@scenebridge/domain';
import { CANDIDATES, effectiveFields, matchSides, rankMatchTargets, type SearchEngine } from '@scenebridge/search';
import { docTableOf, FACET_INDEX, hasAny, viewerSees, type ListingFields, type Viewer } from '../search/index.js';

/** Items that can still be matched: published, or (for those who may see them) in the pipeline. */
const MATCHABLE = new Set(['submitted', 'in_review', 'selected', 'published', 'matching']);
export { CANDIDATES };

export const MATCH_PART_LABELS: Record<MatchPartKey, string> = {
  terms: '关键词',
  sector: '领域',
  tech: '技术领域',
  region: '地域',
  budget: '预算',
  maturity: '成熟度',
};

function detail(key: MatchPartKey, need: ListingFields, cap: ListingFields, shared: string[], m: MatchScore): string {
  if (m.offTopic && key !== 'terms')
    return key === 'sector' || key === 'tech'
      ? `${plainDetail(key, need, cap, shared)}（领域与技术领域均不符，仅计关键词分）`
      : '领域与技术领域均不符，不计分';
  return plainDetail(key, need, cap, shared);
}

/** Said of a field the owner left empty and the classifier read from the text. */
const INFERRED = '（据描述推断）';

function plainDetail(key: MatchPartKey, need: ListingFields, cap: ListingFields, shared: string[]): string {
  const n = effectiveFields(need);
  const c = effectiveFields(cap);
  switch (key) {
    case 'terms':
      return shared.length ? `共有关键词：${shared.slice(0, 8).join('、')}` : '没有共同的关键词';
    case 'sector': {
      const needNote = !need.sector && n.sector ? INFERRED : '';
      const capNote = cap.sectors.length === 0 && c.sectors.length > 0 ? INFERRED : '';
      return n.sector && c.sectors.includes(n.sector)
        ? `需求领域「${sectorName(n.sector)}」${needNote}在能力服务领域内${capNote}`
        : `需求领域「${n.sector ? sectorName(n.sector) : '未填'}」${needNote}，能力服务领域：${c.sectors.map(sectorName).join('、') || '未填'}${capNote}`;
    }
    case 'tech': {
      if (n.techFields.length === 0 || c.techFields.length === 0) return n.techFields.length ? '能力方未填技术领域' : '需求未填技术领域';
      const have = new Set(c.techFields);
      const covered = n.techFields.filter((t) => have.has(t));
      const note = need.techFields.length === 0 || cap.techFields.length === 0 ? INFERRED : '';
      return `覆盖需求技术领域 ${covered.length}/${n.techFields.length}${covered.length ? '：' + covered.map(techFieldName).join('、') : ''}${note}`;
    }
    case 'region': {
      const a = need.regionCode,
        b = cap.regionCode;
      if (!a || !b) return '一方未填地域';
      if (a === b) return `同在${regionFullName(a)}`;
      return `需求在${regionFullName(a)}，能力方在${regionFullName(b)}`;
    }
    case 'budget':
      // A capability states no price: the budget is shown for context and scores nothing.
      return need.budgetMin !== null || need.budgetMax !== null
        ? `需求预算 ${need.budgetMin ?? '?'}–${need.budgetMax ?? '?'} 万元（能力方无报价，不计分）`
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
  /** Under MIN_MATCH_SCORE: hidden unless the user asks for weaker matches. */
  weak: boolean;
  sharedTerms: string[];
  parts: Array<MatchPart & { label: string; detail: string }>;
  pinned: { reason: string; by: string | null; at: string } | null;
}

/** A scored target as the API shows it: each part with its label and the reason in words. */
export function presentMatch(source: ListingFields, target: ListingFields, id: string, m: MatchScore, shared: string[]): MatchResult {
  const [needFields, capFields] = source.listType === 'scenario_need' ? [source, target] : [target, source];
  return {
    id,
    listType: target.listType,
    title: target.title,
    status: target.status,
    organization: { id: target.organizationId, name: target.organizationName },
    score: m.score,
    weak: m.weak,
    sharedTerms: shared,
    // Fields named, not spread: this runs for six parts of every candidate.
    parts: m.parts.map((p) => ({
      key: p.key,
      weight: p.weight,
      fit: p.fit,
      points: p.points,
      share: p.share,
      label: MATCH_PART_LABELS[p.key],
      detail: detail(p.key, needFields, capFields, shared, m),
    })),
    pinned: null,
  };
}

export function scoreTarget(source: ListingFields, target: ListingFields, id: string, termFit: number, shared: string[]): MatchResult {
  const { need, cap } = matchSides(source, target);
  return presentMatch(source, target, id, matchScore(need, cap, termFit), shared);
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

/** Candidates from the index, scored and sorted (pure over the index; the benchmark and `npm run eval` rank the same way). */
export function rankMatches(
  engine: SearchEngine<ListingFields>,
  viewer: Viewer,
  sourceId: string,
  source: ListingFields,
  text: { title: string; text: string },
  candidates = CANDIDATES,
  restrictTo?: ReadonlySet<string>,
): MatchResult[] {
  const candidate = candidateTest(engine, viewer, source);
  return rankMatchTargets(engine, source, text, {
    candidates,
    filter: (d) => candidate(d.doc) && d.id !== sourceId && (!restrictTo || restrictTo.has(d.id)),
  }).map((r) => presentMatch(source, r.fields, r.id, r.match, r.shared));
}
