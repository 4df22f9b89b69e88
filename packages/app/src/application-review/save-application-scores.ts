import { findApplication, findApplicationReview, findChallenge, updateApplicationReview } from '@scenebridge/db';
import { DomainError, weightedScore } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { decideReview, myApplicationReview, schemeOf } from './rules.js';

/** Saves the reviewer's scores and comments per criterion; `submit` fixes them and computes the weighted score. */
export async function saveApplicationScores({
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
  await myApplicationReview(services.db, actor, id, 'score');
  return inTransaction(services, actor, async (tx, events) => {
    const a = (await findApplicationReview(tx, id, { forUpdate: true }))!;
    const t = decideReview(a, submit ? 'submit_scores' : 'save_scores', ['reviewer']);
    const challenge = (await findChallenge(tx, a.challengeId))!;
    if (challenge.status !== 'under_review') throw new DomainError('CHALLENGE_NOT_UNDER_REVIEW', '榜单不在评审阶段，不能评分', 409);
    const app = (await findApplication(tx, a.applicationId))!;
    if (app.status === 'withdrawn') throw new DomainError('NOT_IN_REVIEW', '该申报已撤回', 409);
    const criteria = schemeOf(challenge).criteria;
    const keys = new Set(criteria.map((c) => c.key));
    const unknown = [...Object.keys(scores), ...Object.keys(comments)].filter((k) => !keys.has(k));
    if (unknown.length) throw new DomainError('UNKNOWN_CRITERION', `未知的评审指标：${[...new Set(unknown)].join('、')}`, 400);
    const total = submit ? weightedScore(criteria, scores) : null;
    const updated = await updateApplicationReview(tx, id, a.status, {
      scores,
      comments,
      weightedScore: total,
      status: t.to,
      submittedAt: submit ? services.now() : null,
    });
    if (!updated) throw new DomainError('CONFLICT', '数据已被他人修改，请刷新后重试', 409);
    if (submit) {
      await events.record({
        action: 'application_review.scored',
        entityType: 'application',
        entityId: a.applicationId,
        data: { reviewId: id, scores, weightedScore: total, challengeId: a.challengeId },
      });
    }
    return updated;
  });
}
