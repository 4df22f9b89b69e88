import { createHash } from 'node:crypto';
import { countApplicationAttachments, insertApplicationAttachment } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { safeFilename, sniffUpload } from '../submissions/index.js';
import { attachmentTarget, MAX_ATTACHMENTS_PER_APPLICATION } from './attachment-target.js';

/**
 * The lead adds a file to its draft. The same guard as the submissions' files (type from the
 * bytes, the zip guard before any Office file is inflated, the size limit); a refused file
 * leaves nothing behind.
 */
export async function addApplicationAttachment({
  services,
  actor,
  applicationId,
  filename,
  content,
}: {
  services: Services;
  actor: Actor | null;
  applicationId: string;
  filename: string;
  content: Buffer;
}) {
  const a = requireActor(actor);
  // Who may add comes before what is sent: an outsider learns nothing from the file's checks.
  await attachmentTarget(services.db, a, applicationId, services.now());
  if (content.length === 0) throw new DomainError('EMPTY_FILE', '文件为空', 400);
  if (content.length > services.config.maxUploadBytes) throw new DomainError('FILE_TOO_LARGE', '文件超过10MB上限', 413);
  const type = await sniffUpload(content);
  if (!type) throw new DomainError('UNSUPPORTED_FILE_TYPE', '仅支持PDF、DOCX、XLSX、PNG、JPG文件（按文件内容识别）', 415);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return inTransaction(services, a, async (tx, events) => {
    await attachmentTarget(tx, a, applicationId, services.now(), { forUpdate: true });
    if ((await countApplicationAttachments(tx, applicationId)) >= MAX_ATTACHMENTS_PER_APPLICATION) {
      throw new DomainError('TOO_MANY_ATTACHMENTS', `每份申报最多${MAX_ATTACHMENTS_PER_APPLICATION}个附件`, 409);
    }
    const meta = await insertApplicationAttachment(tx, {
      applicationId,
      filename: safeFilename(filename, type.ext),
      mediaType: type.mediaType,
      size: content.length,
      sha256,
      content,
      createdBy: a.userId,
    });
    await events.record({
      action: 'application.attachment_added',
      entityType: 'application',
      entityId: applicationId,
      data: { attachmentId: meta.id, filename: meta.filename, sha256, size: meta.size },
    });
    return meta;
  });
}
