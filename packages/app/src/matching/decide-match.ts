import { deleteMatchDecision, upsertMatchDecision } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { loadVisibleListing } from '../search/index.js';
import { inTransaction } from '../shared/index.js';
import { authorizeMatching } from './policy.js';

/** Operators' and brokers' pins and exclusions of match results (and undoing them), audited. */
export async function decideMatch({
  services,
  actor,
  sourceId,
  targetId,
  decision,
  reason,
}: {
  services: Services;
  actor: Actor;
  sourceId: string;
  targetId: string;
  decision: 'pin' | 'exclude' | 'clear';
  reason: string;
}) {
  authorizeMatching(actor, 'curate');
  const source = (await loadVisibleListing(services, actor, sourceId)).row;
  const target = (await loadVisibleListing(services, actor, targetId)).row;
  if (source.listType === target.listType) throw new DomainError('INVALID_PAIR', '匹配结果须为另一类清单条目', 400);
  return inTransaction(services, actor, async (tx, events) => {
    if (decision === 'clear') {
      const removed = await deleteMatchDecision(tx, sourceId, targetId);
      if (!removed) throw notFound('匹配处理记录');
      await events.record({
        action: 'match.decision_cleared',
        entityType: 'submission',
        entityId: sourceId,
        reason,
        data: { targetId, was: removed.decision, wasReason: removed.reason },
      });
      return { sourceId, targetId, decision: null };
    }
    const row = await upsertMatchDecision(tx, { sourceId, targetId, decision, reason, decidedBy: actor.userId });
    await events.record({ action: `match.${decision}`, entityType: 'submission', entityId: sourceId, reason, data: { targetId } });
    return { sourceId, targetId, decision: row.decision, reason: row.reason, decidedAt: row.decidedAt.toISOString() };
  });
}
