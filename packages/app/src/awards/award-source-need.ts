/**
 * A challenge drafted from a published need (challenges.source_need_id): when the challenge is
 * awarded, the need moves to `awarded` by the system, the audit entry naming the winning
 * organisations and the challenge. A need already past published/matching (expired, or awarded
 * through something else) is left where it is.
 */
import { findSubmission, updateSubmission, type ChallengeWithOrg, type Transaction } from '@scenebridge/db';
import { decide, DomainError, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';

const SYSTEM = { userId: null, label: 'system' } as const;
const AWARDABLE = new Set(['published', 'matching']);

export async function awardSourceNeed(
  tx: Transaction,
  events: TransactionEvents,
  c: ChallengeWithOrg,
  winners: readonly { id: string; leadOrganizationId: string; leadOrganizationName: string }[],
): Promise<boolean> {
  if (!c.sourceNeedId) return false;
  const row = await findSubmission(tx, c.sourceNeedId, { forUpdate: true });
  if (!row || !AWARDABLE.has(row.submission.status)) return false;
  const s = row.submission;
  const t = decide(submissionMachine, { from: s.status as SubmissionState, action: 'award', actors: ['system'] });
  const names = winners.map((w) => w.leadOrganizationName);
  const reason = `揭榜挂帅中榜：${names.join('、')}`;
  if (!(await updateSubmission(tx, s.id, s.status, { status: t.to, statusReason: reason }))) {
    throw new DomainError('CONFLICT', '项目状态已变化，请重试', 409);
  }
  await events.record({
    action: 'submission.award',
    entityType: 'submission',
    entityId: s.id,
    fromState: s.status,
    toState: t.to,
    reason,
    data: {
      cause: { kind: 'challenge', id: c.id },
      challengeId: c.id,
      winners: winners.map((w) => ({
        applicationId: w.id,
        organizationId: w.leadOrganizationId,
        organizationName: w.leadOrganizationName,
      })),
    },
    actedBy: SYSTEM,
  });
  return true;
}
