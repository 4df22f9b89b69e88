import { findAssignment, findCall, findSubmission, updateAssignment } from '@scenebridge/db';
import { DomainError, weightedScore, type ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { decideAssignment, myAssignment } from './rules.js';

export async function saveScores({
  services,
  actor,
  id,
  scores,
  comments,
  submit,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  scores: Record<string, number>;
  comments: Record<string, string>;
  submit: boolean;
}) {
  await myAssignment(services, actor, id, 'score');
  return inTransaction(services, actor, async (tx, events) => {
    const a = (await findAssignment(tx, id, { forUpdate: true }))!;
    const t = decideAssignment(a, submit ? 'submit_scores' : 'save_scores', ['reviewer']);
    const sub = (await findSubmission(tx, a.submissionId))!;
    if (sub.submission.status !== 'in_review') throw new DomainError('NOT_IN_REVIEW', '该项目当前不在评审中', 409);
    const call = (await findCall(tx, a.callId))!;
    const criteria = (call.reviewScheme as ReviewScheme).criteria;
    const keys = new Set(criteria.map((c) => c.key));
    const unknown = Object.keys(scores).filter((k) => !keys.has(k));
    if (unknown.length) throw new DomainError('UNKNOWN_CRITERION', `未知的评审指标：${unknown.join('、')}`, 400);
    const total = submit ? weightedScore(criteria, scores) : null;
    const updated = await updateAssignment(tx, id, a.status, {
      scores,
      comments,
      weightedScore: total,
      status: t.to,
      submittedAt: submit ? services.now() : null,
    });
    if (submit) {
      await events.record({
        action: 'review.scored',
        entityType: 'submission',
        entityId: a.submissionId,
        data: { assignmentId: id, scores, weightedScore: total },
      });
    }
    return updated!;
  });
}
