import {
  findActiveAssignmentFor,
  findAttachmentMeta,
  findCall,
  findSubmission,
  listAttachments,
  readAttachmentContent,
} from '@scenebridge/db';
import { notFound, type ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { attachmentPolicy, submissionPolicy } from './policy.js';

export async function downloadAttachment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const meta = await findAttachmentMeta(services.db, id);
  const row = meta && (await findSubmission(services.db, meta.submissionId));
  if (!meta || !row) throw notFound(attachmentPolicy.label);
  const seesSubmission = submissionPolicy.allow(actor, 'view', row.submission);
  const assignedToActor = !seesSubmission && !!actor && !!(await findActiveAssignmentFor(services.db, meta.submissionId, actor.userId));
  attachmentPolicy.authorize(actor, 'view', { submission: row.submission, assignedToActor });
  let filename = meta.filename;
  if (!seesSubmission) {
    // Read as the item's reviewer: under blind review without the original names.
    const call = await findCall(services.db, row.submission.callId);
    if ((call?.reviewScheme as ReviewScheme | undefined)?.blind) {
      const all = await listAttachments(services.db, meta.submissionId);
      filename = `附件${all.findIndex((a) => a.id === id) + 1}.${meta.filename.split('.').pop()}`;
    }
  }
  const content = await readAttachmentContent(services.db, id);
  return { meta: { ...meta, filename }, content: content! };
}
