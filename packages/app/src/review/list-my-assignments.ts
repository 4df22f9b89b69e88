import { findCall, listAssignmentsOfReviewer, type CallRow } from '@scenebridge/db';
import type { ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from './policy.js';

export async function listMyAssignments({ services, actor, callId }: { services: Services; actor: Actor | null; callId?: string }) {
  authorizeReview(actor, 'score');
  // The reviewer's own assignments only: the policy's ownership rule as the repository's filter.
  const rows = await listAssignmentsOfReviewer(services.db, actor!.userId, { callId });
  const calls = new Map<string, CallRow>();
  for (const r of rows)
    if (!calls.has(r.assignment.callId)) calls.set(r.assignment.callId, (await findCall(services.db, r.assignment.callId))!);
  const now = services.now();
  return rows.map((r) => {
    const call = calls.get(r.assignment.callId)!;
    const blind = (call.reviewScheme as ReviewScheme).blind;
    return {
      id: r.assignment.id,
      callId: call.id,
      callTitle: call.title,
      submissionId: r.assignment.submissionId,
      title: r.title,
      listType: r.listType,
      organizationName: blind ? null : r.organizationName,
      status: r.assignment.status,
      weightedScore: r.assignment.weightedScore,
      dueAt: r.assignment.dueAt?.toISOString() ?? null,
      overdue: r.assignment.status === 'assigned' && !!r.assignment.dueAt && r.assignment.dueAt < now,
    };
  });
}
