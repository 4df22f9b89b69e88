/**
 * The search side of subscriptions: which newly published items a saved search or a "match me"
 * profile finds. Uses the same index, query semantics and match score as the search and
 * matching pages, so a digest never lists what the page would not show.
 */
import { listingTexts } from '@scenebridge/db';
import type { Services } from '../context.js';
import type { ScoredItem, SubscriptionMatcher } from './scan-subscriptions.js';
import { rankMatches } from '../matching/index.js';
import type { ListingFields } from '../search/index.js';

/** A "match me" profile reports items whose match score (0–100) reaches this. */
export const PROFILE_MATCH_THRESHOLD = 50;
const MIN_BIGRAM_COVERAGE = 0.5;

interface SavedQuery {
  q?: string;
  listType?: string;
  sector?: string;
  techFields?: string[];
  regionCode?: string;
}

function passes(f: ListingFields, q: SavedQuery): boolean {
  if (q.listType && f.listType !== q.listType) return false;
  if (q.sector && !(f.listType === 'capability' ? f.sectors.includes(q.sector) : f.sector === q.sector)) return false;
  if (q.techFields?.length && !q.techFields.some((t) => f.techFields.includes(t))) return false;
  if (q.regionCode && f.regionCode !== q.regionCode) return false;
  return true;
}

export function searchMatcher(services: Services): SubscriptionMatcher {
  return {
    async matchSavedSearch(query: SavedQuery, submissionIds: string[]): Promise<ScoredItem[]> {
      const { engine } = await services.search.current();
      const wanted = new Set(submissionIds);
      if (!query.q) {
        return submissionIds
          .filter((id) => {
            const f = engine.fieldsOf(id);
            return !!f && passes(f, query);
          })
          .map((id) => ({ id, score: 1 }));
      }
      // A digest must be precise: every space-separated part of the query has to match (through
      // its words or their synonyms), unlike the search page, which ranks partial matches too.
      let scores: Map<string, number> | null = null;
      for (const part of query.q.split(/\s+/).filter(Boolean)) {
        const hits = engine.search(part, {
          limit: Math.max(1, submissionIds.length),
          minBigramCoverage: MIN_BIGRAM_COVERAGE,
          filter: (d) => wanted.has(d.id) && !!d.fields && passes(d.fields, query),
        });
        const next = new Map<string, number>();
        for (const h of hits) if (!scores || scores.has(h.id)) next.set(h.id, (scores?.get(h.id) ?? 0) + h.score);
        scores = next;
      }
      return [...(scores ?? new Map<string, number>())].map(([id, score]) => ({ id, score }));
    },

    async matchProfile(_organizationId: string, ownSubmissionIds: string[], candidateIds: string[]): Promise<ScoredItem[]> {
      const { engine } = await services.search.current();
      const restrict = new Set(candidateIds);
      const texts = await listingTexts(services.db, ownSubmissionIds);
      const best = new Map<string, number>();
      for (const own of ownSubmissionIds) {
        const source = engine.fieldsOf(own);
        const text = texts.get(own);
        if (!source || !text) continue;
        for (const m of rankMatches(engine, { seesAll: true, organizationId: null }, own, source, text, restrict.size, restrict)) {
          if (m.score >= PROFILE_MATCH_THRESHOLD && m.score > (best.get(m.id) ?? 0)) best.set(m.id, m.score);
        }
      }
      return [...best].map(([id, score]) => ({ id, score }));
    },
  };
}
