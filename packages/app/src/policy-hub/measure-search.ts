/**
 * Search over the measures of published policies (their heading and own text) with the app's
 * engine: the listing search's segmenter, dictionary and synonyms (loadVocabulary), so a measure
 * is found by a word it holds and by a synonym the vocabulary knows. The index is held per
 * process in memory; before every search one cheap query compares the published set's
 * fingerprint (count, max(updated_at), digest of ids and versions) and the vocabulary version
 * with the index's, and a difference brings the index up to date (see `refresh`).
 */
import {
  measuresOfPolicies,
  publishedPoliciesStamp,
  publishedPolicyTexts,
  publishedPolicyVersions,
  vocabularyVersion,
  type Database,
} from '@scenebridge/db';
import { SearchEngine } from '@scenebridge/search';
import { z } from 'zod';
import type { Services } from '../context.js';
import { highlightTerms, loadVocabulary, snippet, type TextPart } from '../search/index.js';
import { measureTexts } from './measure-text.js';

/** The most hits a query keeps (pages beyond it are empty): measures are few, a query is precise. */
export const MEASURE_SEARCH_LIMIT = 200;
const MIN_BIGRAM_COVERAGE = 0.5;
const RELATIVE_SCORE_CUTOFF = 0.15;

export const measureSearchQuery = z.object({
  q: z.string({ message: '请输入检索词' }).trim().min(1, '请输入检索词').max(100, '检索词不能超过100个字'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type MeasureSearchQuery = z.infer<typeof measureSearchQuery>;

interface MeasureFields {
  policyId: string;
  policyTitle: string;
  path: string;
  marker: string;
  heading: string | null;
  body: string;
}

interface MeasureIndex {
  stamp: string;
  vocabularyVersion: number;
  engine: SearchEngine<MeasureFields>;
  /** Indexed policies: their version and their measures' ids. */
  policies: Map<string, { version: number; measureIds: string[] }>;
}

interface Slot {
  current?: MeasureIndex;
  refreshing?: Promise<MeasureIndex>;
}

/** Policies read and indexed per round; between rounds the event loop serves other requests. */
const CHUNK = 20;
const slots = new WeakMap<Database, Slot>();

function dropPolicy(index: MeasureIndex, policyId: string) {
  for (const id of index.policies.get(policyId)?.measureIds ?? []) index.engine.remove(id);
  index.policies.delete(policyId);
}

async function indexPolicies(db: Database, index: MeasureIndex, ids: readonly string[]) {
  const [texts, measures] = await Promise.all([publishedPolicyTexts(db, ids), measuresOfPolicies(db, ids)]);
  const byPolicy = new Map<string, typeof measures>();
  for (const m of measures) {
    const list = byPolicy.get(m.policyId);
    if (list) list.push(m);
    else byPolicy.set(m.policyId, [m]);
  }
  for (const id of ids) dropPolicy(index, id);
  for (const p of texts) {
    const own = byPolicy.get(p.id) ?? [];
    measureTexts(p.sourceText, own).forEach((t, i) => {
      const m = own[i]!;
      const body = p.sourceText.slice(t.bodyStart, t.own.end).trim();
      const fields = { policyId: p.id, policyTitle: p.title, path: m.path, marker: m.marker, heading: m.heading, body };
      index.engine.add({ id: m.id, title: m.heading ?? '', text: body, fields });
    });
    index.policies.set(p.id, { version: p.version, measureIds: own.map((m) => m.id) });
  }
}

/**
 * Brings the index in line with the published set: a new vocabulary builds a new index (the old
 * one answers until it is done); otherwise only the policies added, changed (a new version) or
 * no longer published are re-read, so publishing one notice costs its own measures.
 */
async function refresh(db: Database, slot: Slot, stamp: string, vocabulary: number): Promise<MeasureIndex> {
  let index = slot.current;
  if (!index || index.vocabularyVersion !== vocabulary) {
    const v = await loadVocabulary(db);
    const engine = new SearchEngine<MeasureFields>({ segmenter: v.segmenter, synonyms: v.synonyms });
    index = { stamp: '', vocabularyVersion: vocabulary, engine, policies: new Map() };
  }
  const published = new Map((await publishedPolicyVersions(db)).map((p) => [p.id, p.version]));
  for (const id of [...index.policies.keys()]) if (!published.has(id)) dropPolicy(index, id);
  const stale = [...published].filter(([id, version]) => index.policies.get(id)?.version !== version).map(([id]) => id);
  for (let i = 0; i < stale.length; i += CHUNK) {
    await indexPolicies(db, index, stale.slice(i, i + CHUNK));
    if (i + CHUNK < stale.length) await new Promise((resolve) => setImmediate(resolve));
  }
  index.engine.optimize();
  index.stamp = stamp;
  return index;
}

/** The index for the published set as it is now; concurrent callers share one refresh. */
export async function currentMeasureIndex(db: Database): Promise<SearchEngine<MeasureFields>> {
  const slot = slots.get(db) ?? {};
  slots.set(db, slot);
  const [stamp, vocabulary] = await Promise.all([publishedPoliciesStamp(db), vocabularyVersion(db)]);
  const current = slot.current;
  if (current && current.stamp === stamp && current.vocabularyVersion === vocabulary) return current.engine;
  slot.refreshing ??= refresh(db, slot, stamp, vocabulary)
    .then((index) => (slot.current = index))
    .finally(() => {
      slot.refreshing = undefined;
    });
  return (await slot.refreshing).engine;
}

export interface MeasureHit {
  measure: { id: string; path: string; marker: string; heading: string | null };
  policy: { id: string; title: string };
  snippet: TextPart[];
  score: number;
}

/** Published measures matching `q`, best first: the words matched (and synonyms) marked in the snippet. */
export async function searchPolicyMeasures({ services, query }: { services: Services; query: MeasureSearchQuery }) {
  const engine = await currentMeasureIndex(services.db);
  const hits = engine.search(query.q, {
    limit: MEASURE_SEARCH_LIMIT,
    minBigramCoverage: MIN_BIGRAM_COVERAGE,
    minRelativeScore: RELATIVE_SCORE_CUTOFF,
    preferWordMatches: true,
  });
  const queryWords = highlightTerms(engine.queryTerms(query.q, { nearMiss: false }).map((t) => t.term));
  const start = (query.page - 1) * query.pageSize;
  const items: MeasureHit[] = hits.slice(start, start + query.pageSize).map((h) => {
    const f = h.fields!;
    const matched = highlightTerms([...h.matchedTerms, ...h.matchedSynonyms.map((s) => s.term)]);
    return {
      measure: { id: h.id, path: f.path, marker: f.marker, heading: f.heading },
      policy: { id: f.policyId, title: f.policyTitle },
      snippet: snippet(f.body, matched.length ? matched : queryWords),
      score: Math.round(h.score * 100) / 100,
    };
  });
  return { items, total: hits.length, page: query.page, pageSize: query.pageSize };
}
