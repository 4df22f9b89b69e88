import { findChallenge, updateChallengeStatus, type ChallengeWithOrg, type Transaction } from '@scenebridge/db';
import { assertDeadlineAhead, challengeMachine, decide, DomainError, type ChallengeState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import type { TransactionEvents } from '../shared/index.js';
import { startMatchingIfPublished } from '../submissions/index.js';
import { challengeMachineActors } from './policy.js';

/** One move of a challenge, by a user or (actor null) by the clock, audited in the same transaction. */
export async function applyChallengeTransition(
  tx: Transaction,
  events: TransactionEvents,
  actor: Actor | null,
  c: ChallengeWithOrg,
  action: string,
  reason: string | undefined,
  now: Date,
): Promise<ChallengeWithOrg> {
  const t = decide(challengeMachine, {
    from: c.status as ChallengeState,
    action: action as never,
    actors: challengeMachineActors(actor, c),
    reason,
  });
  const why = reason?.trim() || null;
  // Sent for review and opened only with a deadline still ahead by the server's clock.
  if (t.action === 'submit_for_review' || t.action === 'approve') assertDeadlineAhead(c.applicationDeadline, now);
  const patch: Parameters<typeof updateChallengeStatus>[4] = { statusReason: null };
  if (t.action === 'submit_for_review') patch.submittedAt = now;
  if (t.action === 'approve' && !c.firstOpenedAt) patch.firstOpenedAt = now;
  if (t.action === 'close') patch.closedAt = now;
  if (t.action === 'return' || t.action === 'terminate') patch.statusReason = why;
  const moved = await updateChallengeStatus(tx, c.id, c.status, t.to, patch);
  if (!moved) throw new DomainError('CONFLICT', '榜单状态已变化，请刷新后重试', 409);
  await events.record({
    action: `challenge.${t.action}`,
    entityType: 'challenge',
    entityId: c.id,
    fromState: c.status,
    toState: t.to,
    reason: why ?? (actor ? null : 'clock'),
    data: t.action === 'close' ? { applicationDeadline: c.applicationDeadline.toISOString(), closedAt: now.toISOString() } : undefined,
  });
  // The source need has something starting on it once the challenge is public (idempotent on later approvals).
  if (t.action === 'approve' && c.sourceNeedId) await startMatchingIfPublished(tx, events, c.sourceNeedId, { kind: 'challenge', id: c.id });
  return (await findChallenge(tx, c.id))!;
}
