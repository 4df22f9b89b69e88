/**
 * A published listing enters matching (对接中) when something starts on it: an interest (意向)
 * today; a deal or a challenge (揭榜挂帅) later. The move is the system's, taken in the caller's
 * transaction through the submission machine and audited as `submission.start_matching` with its
 * cause. Idempotent: a listing already in matching (or anything but published) stays as it is.
 */
import { findSubmission, updateSubmission, type Transaction } from '@scenebridge/db';
import { decide, DomainError, notFound, submissionMachine } from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';

/** What started matching; `id` names the interest, deal or challenge. */
export interface MatchingCause {
  kind: 'interest' | 'deal' | 'challenge';
  id: string;
}

const CAUSE_REASON: Record<MatchingCause['kind'], string> = {
  interest: '收到对接意向',
  deal: '开始对接洽谈',
  challenge: '发布揭榜挂帅榜单',
};

/** The system, not the user whose action caused it, takes the move. */
const SYSTEM = { userId: null, label: 'system' } as const;

/** Moves the listing published → matching; true if it moved, false if it was not published. */
export async function startMatchingIfPublished(
  tx: Transaction,
  events: TransactionEvents,
  submissionId: string,
  cause: MatchingCause,
): Promise<boolean> {
  const row = await findSubmission(tx, submissionId, { forUpdate: true });
  if (!row) throw notFound('项目');
  const s = row.submission;
  if (s.status !== 'published') return false;
  const t = decide(submissionMachine, { from: 'published', action: 'start_matching', actors: ['system'] });
  const moved = await updateSubmission(tx, s.id, s.status, { status: t.to, statusReason: null });
  if (!moved) throw new DomainError('CONFLICT', '项目状态已变化，请重试', 409);
  await events.record({
    action: 'submission.start_matching',
    entityType: 'submission',
    entityId: s.id,
    fromState: s.status,
    toState: t.to,
    reason: CAUSE_REASON[cause.kind],
    data: { cause },
    actedBy: SYSTEM,
  });
  return true;
}
