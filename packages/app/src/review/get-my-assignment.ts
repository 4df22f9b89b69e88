import { findCall, findSubmission, listAttachments } from '@scenebridge/db';
import type { ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { myAssignment } from './rules.js';

/** What a reviewer sees: with blind review, nothing that names the submitter. */
export async function getMyAssignment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const a = await myAssignment(services, actor, id);
  const sub = (await findSubmission(services.db, a.submissionId))!;
  const call = (await findCall(services.db, a.callId))!;
  const scheme = call.reviewScheme as ReviewScheme;
  const files = await listAttachments(services.db, a.submissionId);
  const data = { ...(sub.submission.data as Record<string, unknown>) };
  if (scheme.blind) delete data.contact;
  return {
    id: a.id,
    status: a.status,
    scores: a.scores,
    comments: a.comments,
    weightedScore: a.weightedScore,
    conflictReason: a.conflictReason,
    dueAt: a.dueAt?.toISOString() ?? null,
    blind: scheme.blind,
    criteria: scheme.criteria,
    call: { id: call.id, title: call.title },
    submission: {
      id: sub.submission.id,
      title: sub.submission.title,
      listType: sub.submission.listType,
      data,
      organization: scheme.blind ? null : { id: sub.submission.organizationId, name: sub.organizationName },
      attachments: files.map((f, i) =>
        scheme.blind
          ? { id: f.id, filename: `附件${i + 1}.${f.filename.split('.').pop()}`, mediaType: f.mediaType, size: null, createdAt: null }
          : { id: f.id, filename: f.filename, mediaType: f.mediaType, size: f.size, createdAt: f.createdAt.toISOString() },
      ),
    },
  };
}
