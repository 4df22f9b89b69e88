import { lockSubmissionsWithOwners, markMerged } from '@scenebridge/db';
import { decide, DomainError, notFound, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction, type DomainEvent } from '../shared/index.js';
import { authorizeQuality } from './policy.js';
import { COMPARABLE } from './rules.js';

export const mergeBody = z.object({
  keepId: z.uuid(),
  mergeIds: z.array(z.uuid()).min(1, '请选择要合并的条目').max(20, '一次最多合并20条'),
  reason: z.string().trim().min(2, '请写明合并原因').max(1000),
});

/**
 * Folds near-duplicates into the one kept: each merged item moves to `merged` through the
 * submission machine, pointing at the kept one; all in one transaction, audited, and the
 * owners of every item involved are told (subscribers.ts).
 */
export async function mergeDuplicates({ services, actor, input }: { services: Services; actor: Actor; input: z.infer<typeof mergeBody> }) {
  authorizeQuality(actor, 'merge');
  if (input.mergeIds.includes(input.keepId)) throw new DomainError('INVALID_MERGE', '保留的条目不能同时被合并', 400);
  const ids = [input.keepId, ...new Set(input.mergeIds)];
  return inTransaction(services, actor, async (tx, events) => {
    const rows = await lockSubmissionsWithOwners(tx, ids);
    const byId = new Map(rows.map((r) => [r.submission.id, r]));
    const keep = byId.get(input.keepId);
    if (!keep || keep.submission.status === 'draft') throw notFound('保留的条目');
    if (!COMPARABLE.has(keep.submission.status))
      throw new DomainError('INVALID_MERGE', '保留的条目已撤回、驳回或合并，不能作为合并目标', 409);
    const happened: DomainEvent[] = [];
    const merged: string[] = [];
    for (const id of ids.slice(1)) {
      const r = byId.get(id);
      if (!r || r.submission.status === 'draft') throw notFound('要合并的条目');
      if (r.submission.listType !== keep.submission.listType) throw new DomainError('INVALID_MERGE', '只能合并同一类清单的条目', 400);
      const t = decide(submissionMachine, {
        from: r.submission.status as SubmissionState,
        action: 'merge',
        actors: ['operator'],
        reason: input.reason,
      });
      happened.push({
        action: 'submission.merge',
        entityType: 'submission',
        entityId: id,
        fromState: r.submission.status,
        toState: t.to,
        reason: input.reason,
        data: { mergedIntoId: input.keepId },
      });
      merged.push(id);
    }
    await markMerged(tx, merged, input.keepId, input.reason);
    happened.push({
      action: 'submission.merged_in',
      entityType: 'submission',
      entityId: input.keepId,
      reason: input.reason,
      data: { mergedIds: merged },
    });
    await events.record(...happened);
    return { keptId: input.keepId, merged };
  });
}
