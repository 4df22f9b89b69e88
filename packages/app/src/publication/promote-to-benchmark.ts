import { findSubmission, insertBenchmarkCase, updateSubmission } from '@scenebridge/db';
import { decide, DomainError, notFound, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';

export async function promoteToBenchmark({
  services,
  actor,
  submissionId,
  resultsText,
}: {
  services: Services;
  actor: Actor | null;
  submissionId: string;
  resultsText: string;
}) {
  publicationPolicy.authorize(actor, 'promote', PUBLISHED_LISTS);
  if (resultsText.trim().length < 10) throw new DomainError('VALIDATION_FAILED', '成效说明至少10个字', 400);
  return inTransaction(services, actor, async (tx, events) => {
    const row = await findSubmission(tx, submissionId, { forUpdate: true });
    // A draft is its organisation's own: the operator knows only submitted items.
    if (!row || !row.submission.submittedAt) throw notFound('填报');
    const s = row.submission;
    const t = decide(submissionMachine, { from: s.status as SubmissionState, action: 'promote_benchmark', actors: ['operator'] });
    await updateSubmission(tx, s.id, s.status, { status: t.to });
    const d = s.data as Record<string, unknown>;
    const sector = (typeof d.sector === 'string' ? d.sector : (d.sectors as string[] | undefined)?.[0]) ?? 'science';
    const c = await insertBenchmarkCase(tx, {
      submissionId,
      title: s.title,
      issuer: row.organizationName,
      sector,
      resultsText: resultsText.trim(),
      promotedAt: services.now(),
      promotedBy: actor!.userId,
    });
    await events.record({
      action: 'submission.promote_benchmark',
      entityType: 'submission',
      entityId: s.id,
      fromState: s.status,
      toState: t.to,
      data: { benchmarkCaseId: c.id },
    });
    events.announce('publication.changed', {});
    return c;
  });
}
