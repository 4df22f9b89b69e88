/**
 * What follows in review from a recorded event, in its transaction: a reviewer hears of new
 * assignments (one notification per reviewer per assignment run, however many items), and the
 * reviewers of an item returned and resubmitted during review hear that it needs scoring again.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { listAssignmentsOfCall, notifyUsers, submissionsForNotice, type NotifyItem } from '@scenebridge/db';
import { exceptActor, groupBy, titleLines } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

interface Assigned {
  assignmentId: string;
  reviewerUserId: string;
}

export const reviewNotifications: Subscriber = async (events, { tx, actor }) => {
  const assigned = events
    .filter((e) => e.action === 'review.assigned' || e.action === 'review.assigned_manually')
    .map((e) => ({ ...(e.data as Assigned), submissionId: e.entityId }));
  const resubmitted = events.filter((e) => e.action === 'submission.resubmit' && e.toState === 'in_review').map((e) => e.entityId);
  if (assigned.length === 0 && resubmitted.length === 0) return;
  const items = new Map(
    (await submissionsForNotice(tx, [...new Set([...assigned.map((a) => a.submissionId), ...resubmitted])])).map((s) => [s.id, s]),
  );
  const notes: NotifyItem[] = [];
  for (const [userId, mine] of groupBy(assigned, (a) => a.reviewerUserId)) {
    if (!exceptActor(actor, [{ id: userId }]).length) continue;
    const first = items.get(mine[0]!.submissionId)!;
    const ids = mine.map((a) => a.assignmentId).sort();
    notes.push({
      userId,
      kind: 'review.assigned',
      title: mine.length === 1 ? `新的评审任务：${first.title}` : `「${first.callTitle}」有${mine.length}个新的评审任务`,
      body: `请在评审任务中打分；如与项目存在利益关系，请声明回避。\n${titleLines(mine.map((a) => items.get(a.submissionId)!.title))}`,
      link: mine.length === 1 ? `/reviews/${mine[0]!.assignmentId}` : '/reviews',
      data: { callId: first.callId, assignmentIds: ids },
      // The run's first new assignment names the run: a retried run writes nothing twice.
      dedupeKey: `review.assigned:${ids[0]}:${userId}`,
      email: emailByDefault('review.assigned'),
    });
  }
  for (const submissionId of resubmitted) {
    const item = items.get(submissionId)!;
    const reopened = (await listAssignmentsOfCall(tx, item.callId)).filter(
      (a) => a.submissionId === submissionId && a.status === 'assigned',
    );
    for (const a of reopened) {
      notes.push({
        userId: a.reviewerUserId,
        kind: 'review.reopened',
        title: `项目已修改并重新提交，请重新评审：${item.title}`,
        body: `「${item.callTitle}」中退回修改的项目已重新提交，请按修改后的内容评审；如已提交评分，评分已退回，请重新打分。`,
        link: `/reviews/${a.id}`,
        data: { callId: item.callId, assignmentId: a.id, submissionId },
        email: emailByDefault('review.reopened'),
      });
    }
  }
  await notifyUsers(tx, notes);
};
