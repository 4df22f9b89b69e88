import { matchDecisionsFor } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { loadVisibleListing, textsOf, viewerOf } from '../search/index.js';
import { MATCHING, matchingPolicy } from './policy.js';
import { CANDIDATES, isCandidate, rankMatches, scoreTarget, type MatchResult } from './rank-matches.js';

/** Ranked matches for one listing, with the pins and exclusions of operators and brokers applied. */
export async function matchesFor({ services, actor, id, limit = 20 }: { services: Services; actor: Actor; id: string; limit?: number }) {
  await loadVisibleListing(services, actor, id);
  const state = await services.search.current();
  const { engine } = state;
  const source = engine.fieldsOf(id);
  if (!source) return { source: id, items: [], excluded: [] };
  const viewer = viewerOf(actor);
  const text = (await textsOf(services.db, state, [id])).get(id) ?? { title: source.title, text: '' };
  const results = rankMatches(engine, viewer, id, source, text, CANDIDATES);

  const decisions = await matchDecisionsFor(services.db, id);
  const excludedIds = new Set(decisions.filter((d) => d.decision.decision === 'exclude').map((d) => d.decision.targetId));
  const pins = decisions.filter((d) => d.decision.decision === 'pin');
  const byId = new Map(results.map((r) => [r.id, r]));
  const pinned: MatchResult[] = [];
  for (const p of pins) {
    const f = engine.fieldsOf(p.decision.targetId);
    if (!isCandidate(viewer, source, id, p.decision.targetId, f)) continue;
    const r = byId.get(p.decision.targetId) ?? scoreTarget(source, f, p.decision.targetId, 0, []);
    pinned.push({ ...r, pinned: { reason: p.decision.reason, by: p.decidedByName, at: p.decision.decidedAt.toISOString() } });
  }
  const pinnedIds = new Set(pinned.map((p) => p.id));
  const rest = results.filter((r) => !excludedIds.has(r.id) && !pinnedIds.has(r.id));
  const curator = matchingPolicy.allow(actor, 'curate', MATCHING);
  return {
    source: id,
    items: [...pinned, ...rest].slice(0, Math.max(limit, pinned.length)),
    // Only those who curate see what was excluded and why (so they can undo it).
    excluded: curator
      ? decisions
          .filter((d) => d.decision.decision === 'exclude')
          .map((d) => ({
            id: d.decision.targetId,
            title: engine.fieldsOf(d.decision.targetId)?.title ?? null,
            reason: d.decision.reason,
            by: d.decidedByName,
            at: d.decision.decidedAt.toISOString(),
          }))
      : [],
  };
}
