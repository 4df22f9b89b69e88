import { createHash } from 'node:crypto';
import { countAttachments, findSubmission, insertAttachment } from '@scenebridge/db';
import { DomainError, isSubmissionEditable } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { attachmentTarget } from './attachment-target.js';
import { MAX_PER_SUBMISSION, safeFilename, sniffUpload } from './uploads.js';

export async function addAttachment({
  services,
  actor,
  submissionId,
  filename,
  content,
}: {
  services: Services;
  actor: Actor | null;
  submissionId: string;
  filename: string;
  content: Buffer;
}) {
  await attachmentTarget(services, actor, submissionId);
  if (content.length === 0) throw new DomainError('EMPTY_FILE', '文件为空', 400);
  if (content.length > services.config.maxUploadBytes) throw new DomainError('FILE_TOO_LARGE', '文件超过10MB上限', 413);
  const type = await sniffUpload(content);
  if (!type) throw new DomainError('UNSUPPORTED_FILE_TYPE', '仅支持PDF、DOCX、XLSX、PNG、JPG文件（按文件内容识别）', 415);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return inTransaction(services, actor, async (tx, events) => {
    // Locking the submission serialises concurrent uploads, so the count check holds.
    const locked = await findSubmission(tx, submissionId, { forUpdate: true });
    if (!locked || !isSubmissionEditable(locked.submission.status)) {
      throw new DomainError('NOT_EDITABLE', '当前状态不能修改附件', 409);
    }
    if ((await countAttachments(tx, submissionId)) >= MAX_PER_SUBMISSION) {
      throw new DomainError('TOO_MANY_ATTACHMENTS', `每项填报最多${MAX_PER_SUBMISSION}个附件`, 409);
    }
    const meta = await insertAttachment(tx, {
      submissionId,
      filename: safeFilename(filename, type.ext),
      mediaType: type.mediaType,
      size: content.length,
      sha256,
      content,
      createdBy: actor!.userId,
    });
    await events.record({
      action: 'attachment.added',
      entityType: 'submission',
      entityId: submissionId,
      data: { attachmentId: meta.id, filename: meta.filename, sha256, size: meta.size },
    });
    return meta;
  });
}
