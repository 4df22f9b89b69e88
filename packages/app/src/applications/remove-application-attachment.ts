import { deleteApplicationAttachment, findApplicationAttachmentMeta } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { attachmentTarget } from './attachment-target.js';

const LABEL = '申报附件';

/** The lead removes a file from its draft. */
export async function removeApplicationAttachment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const a = requireActor(actor);
  const meta = await findApplicationAttachmentMeta(services.db, id);
  if (!meta) throw notFound(LABEL);
  await inTransaction(services, a, async (tx, events) => {
    await attachmentTarget(tx, a, meta.applicationId, services.now(), { forUpdate: true });
    // Another request may have removed it meanwhile: the lock above orders the two.
    if (!(await findApplicationAttachmentMeta(tx, id))) throw notFound(LABEL);
    await deleteApplicationAttachment(tx, id);
    await events.record({
      action: 'application.attachment_removed',
      entityType: 'application',
      entityId: meta.applicationId,
      data: { attachmentId: id, filename: meta.filename, sha256: meta.sha256 },
    });
  });
}
