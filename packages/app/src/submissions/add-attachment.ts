import { createHash } from 'node:crypto';
import {
  countAttachments, deleteAttachment, findActiveAssignmentFor, findAttachmentMeta, findCall, findSubmission, insertAttachment,
  listAttachments, readAttachmentContent,
} from '@scenebridge/db';
import {
  DomainError, forbidden, isSubmissionEditable, notFound, withoutHiddenFormatCharacters, type ReviewScheme,
} from '@scenebridge/domain';
import { fileTypeFromBuffer } from 'file-type';
import { isOrgUser, type Actor, type Services } from '../context.js';
import { listZipEntries, verifyZipStreaming, ZipRejectedError } from '../uploads/index.js';
import { audit } from '../audit/index.js';
import { canView } from './submissions.js';

const ALLOWED: Record<string, { mediaType: string; ext: string }> = {
  pdf: { mediaType: 'application/pdf', ext: 'pdf' },
  png: { mediaType: 'image/png', ext: 'png' },
  jpg: { mediaType: 'image/jpeg', ext: 'jpg' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
};
const MAX_PER_SUBMISSION = 20;

const ZIP_SIGNATURE = 0x504b0304;

/**
 * Decides the type from the bytes, never from the name. Office files are ZIPs: before anything
 * inflates them (content sniffing included) the zip guard checks the central directory, then
 * each part is inflated with a cap at its declared size and we require the part that makes it
 * a document or workbook. Throws ARCHIVE_TOO_LARGE for a zip bomb.
 */
export async function sniffUpload(content: Buffer): Promise<{ mediaType: string; ext: string } | null> {
  const zip = content.length >= 4 && content.readUInt32BE(0) === ZIP_SIGNATURE;
  if (zip && !(await guarded(() => listZipEntries(content)))) return null;
  const detected = await fileTypeFromBuffer(content);
  const allowed = detected ? ALLOWED[detected.ext] : undefined;
  if (!allowed) return null;
  if (allowed.ext === 'docx' || allowed.ext === 'xlsx') {
    const entries = await guarded(() => verifyZipStreaming(content));
    const part = allowed.ext === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
    const names = new Set(entries?.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has(part)) return null;
  }
  return allowed;
}

/** A damaged or unsupported archive is just not an accepted type; one that is too large is an error. */
async function guarded<T>(check: () => T | Promise<T>): Promise<T | null> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof ZipRejectedError && e.code === 'INVALID_ARCHIVE') return null;
    throw e;
  }
}

/** Keeps the user's name for display, minus paths, control and invisible characters, with the true extension. */
export function safeFilename(name: string, ext: string): string {
  // Bidi overrides and zero-width characters: names are shown to other users ("invoice\u202Efdp.exe").
  const base = withoutHiddenFormatCharacters(name).split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || '附件';
  return `${stem}.${ext}`;
}

async function editableSubmission(services: Services, actor: Actor | null, submissionId: string) {
  const row = await findSubmission(services.db, submissionId);
  if (!row || !canView(actor, row.submission)) throw notFound('填报');
  if (!isOrgUser(actor) || actor!.organizationId !== row.submission.organizationId) throw forbidden('只有填报机构可以管理附件');
  if (!isSubmissionEditable(row.submission.status)) {
    throw new DomainError('NOT_EDITABLE', '当前状态不能修改附件', 409);
  }
  return row.submission;
}

export async function addAttachment({ services, actor, submissionId, filename, content }: {
  services: Services; actor: Actor | null; submissionId: string; filename: string; content: Buffer;
}) {
  await editableSubmission(services, actor, submissionId);
  if (content.length === 0) throw new DomainError('EMPTY_FILE', '文件为空', 400);
  if (content.length > services.config.maxUploadBytes) throw new DomainError('FILE_TOO_LARGE', '文件超过10MB上限', 413);
  const type = await sniffUpload(content);
  if (!type) throw new DomainError('UNSUPPORTED_FILE_TYPE', '仅支持PDF、DOCX、XLSX、PNG、JPG文件（按文件内容识别）', 415);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return services.db.transaction(async (tx) => {
    // Locking the submission serialises concurrent uploads, so the count check holds.
    const locked = await findSubmission(tx, submissionId, { forUpdate: true });
    if (!locked || !isSubmissionEditable(locked.submission.status)) {
      throw new DomainError('NOT_EDITABLE', '当前状态不能修改附件', 409);
    }
    if ((await countAttachments(tx, submissionId)) >= MAX_PER_SUBMISSION) {
      throw new DomainError('TOO_MANY_ATTACHMENTS', `每项填报最多${MAX_PER_SUBMISSION}个附件`, 409);
    }
    const meta = await insertAttachment(tx, {
      submissionId, filename: safeFilename(filename, type.ext), mediaType: type.mediaType, size: content.length,
      sha256, content, createdBy: actor!.userId,
    });
    await audit(tx, actor, {
      action: 'attachment.added', entityType: 'submission', entityId: submissionId,
      data: { attachmentId: meta.id, filename: meta.filename, sha256, size: meta.size },
    });
    return meta;
  });
}

export async function downloadAttachment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const meta = await findAttachmentMeta(services.db, id);
  const row = meta && (await findSubmission(services.db, meta.submissionId));
  if (!meta || !row) throw notFound('附件');
  let filename = meta.filename;
  if (!canView(actor, row.submission)) {
    // A reviewer assigned to the item may read its files; under blind review without the original names.
    const assigned = actor?.roles.includes('reviewer') && (await findActiveAssignmentFor(services.db, meta.submissionId, actor.userId));
    if (!assigned) throw notFound('附件');
    const call = await findCall(services.db, row.submission.callId);
    if ((call?.reviewScheme as ReviewScheme | undefined)?.blind) {
      const all = await listAttachments(services.db, meta.submissionId);
      filename = `附件${all.findIndex((a) => a.id === id) + 1}.${meta.filename.split('.').pop()}`;
    }
  }
  const content = await readAttachmentContent(services.db, id);
  return { meta: { ...meta, filename }, content: content! };
}

export async function removeAttachment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const meta = await findAttachmentMeta(services.db, id);
  if (!meta) throw notFound('附件');
  await editableSubmission(services, actor, meta.submissionId);
  await services.db.transaction(async (tx) => {
    await deleteAttachment(tx, id);
    await audit(tx, actor, {
      action: 'attachment.removed', entityType: 'submission', entityId: meta.submissionId,
      data: { attachmentId: id, filename: meta.filename, sha256: meta.sha256 },
    });
  });
}
