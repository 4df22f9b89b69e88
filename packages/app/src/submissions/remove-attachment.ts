import { deleteAttachment, findAttachmentMeta } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { attachmentTarget } from './attachment-target.js';
import { attachmentPolicy } from './policy.js';

export async function removeAttachment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const meta = await findAttachmentMeta(services.db, id);
  if (!meta) throw notFound(attachmentPolicy.label);
  await attachmentTarget(services, actor, meta.submissionId);
  await inTransaction(services, actor, async (tx, events) => {
    await deleteAttachment(tx, id);
    await events.record({
      action: 'attachment.removed',
      entityType: 'submission',
      entityId: meta.submissionId,
      data: { attachmentId: id, filename: meta.filename, sha256: meta.sha256 },
    });
  });
}
