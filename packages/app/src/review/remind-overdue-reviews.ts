import { listOverdueAssignments, notifyUsers } from '@scenebridge/db';
import { formatShanghai } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { shanghaiDate } from '../subscriptions/index.js';

/**
 * Reminds each reviewer of every assignment past its due time and still unscored: an in-app
 * notification and an email, at most once per assignment per Shanghai day (the dedupe key
 * carries the date), however often the clock runs this. The job writes them itself and records
 * no event: nothing happened to any object, and every recorded event would be an audit entry.
 */
export async function remindOverdueReviews(services: Services, now: Date = services.now()): Promise<{ overdue: number }> {
  const overdue = await listOverdueAssignments(services.db, now);
  if (overdue.length === 0) return { overdue: 0 };
  const day = shanghaiDate(now);
  await notifyUsers(
    services.db,
    overdue.map((a) => ({
      userId: a.reviewerUserId,
      kind: 'review.overdue',
      title: `评审任务已逾期：${a.submissionTitle}`,
      body: `「${a.callTitle}」中的评审任务已于${formatShanghai(a.dueAt!)}到期，请尽快完成评分；如存在利益冲突，请声明回避。`,
      link: `/reviews/${a.id}`,
      data: { assignmentId: a.id, callId: a.callId, submissionId: a.submissionId, dueAt: a.dueAt },
      dedupeKey: `review.overdue:${a.id}:${day}`,
      email: true,
    })),
  );
  return { overdue: overdue.length };
}
