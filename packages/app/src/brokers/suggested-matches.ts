/**
 * Matches worth a deal: for live needs (published or matching), matching's own ranking
 * (matchesFor, with the curators' pins and exclusions), kept when the score reaches
 * SUGGESTED_MATCH_MIN_SCORE and the pair has no deal yet (declined deals do not count).
 * Brokers and operators; `POST /deals` with both ids turns one into a `suggested` deal.
 */
import { dealPairsOfNeeds, findSubmission, listLiveNeedIds } from '@scenebridge/db';
import type { SuggestedMatch, SuggestedMatchList } from '@scenebridge/contract/brokers';
import { forbidden, MIN_MATCH_SCORE } from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { isBroker, isListingOpenForDeals } from '../deals/index.js';
import { matchesFor } from '../matching/index.js';

/** Above the weak-match line: a pair a broker should spend time on. */
export const SUGGESTED_MATCH_MIN_SCORE = Math.max(MIN_MATCH_SCORE, 50);
const NEEDS_SCANNED = 50;
const PER_NEED = 5;

export async function suggestedMatches({
  services,
  actor,
  limit = 50,
  minScore = SUGGESTED_MATCH_MIN_SCORE,
}: {
  services: Services;
  actor: Actor;
  limit?: number;
  minScore?: number;
}): Promise<SuggestedMatchList> {
  if (!(isBroker(actor) || isOperator(actor))) throw forbidden('只有技术经理人和运营方可以查看推荐对接');
  const needIds = await listLiveNeedIds(services.db, NEEDS_SCANNED);
  const paired = await dealPairsOfNeeds(services.db, needIds);
  const out: SuggestedMatch[] = [];
  for (const needId of needIds) {
    const need = await findSubmission(services.db, needId);
    if (!need) continue;
    const { items } = await matchesFor({ services, actor, id: needId, limit: PER_NEED });
    for (const m of items) {
      if (m.score < minScore || m.listType !== 'capability' || paired.has(`${needId}|${m.id}`)) continue;
      // Brokers' matches also hold submitted, unpublished capabilities: no deal can be made on those.
      if (!isListingOpenForDeals(m.status)) continue;
      if (m.organization.id === need.submission.organizationId) continue;
      out.push({
        need: {
          id: needId,
          title: need.submission.title,
          status: need.submission.status,
          organization: { id: need.submission.organizationId, name: need.organizationName },
        },
        capability: { id: m.id, title: m.title, status: m.status, organization: m.organization },
        score: m.score,
        sharedTerms: m.sharedTerms,
      });
    }
  }
  out.sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id) || a.capability.id.localeCompare(b.capability.id));
  return { items: out.slice(0, limit), minScore };
}
