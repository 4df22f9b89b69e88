/**
 * The signed contract (PDF) of a registration: added and removed by the seller while the
 * registration is editable (draft or returned), read by whoever may see the registration. The
 * same guard as every upload (type from the bytes, the size limit checked before the content
 * is inspected; the multipart limit stops reading a larger file); only PDF is accepted.
 */
import { createHash } from 'node:crypto';
import {
  countTechContractAttachments,
  deleteTechContractAttachment,
  findTechContract,
  findTechContractAttachmentMeta,
  insertTechContractAttachment,
  readTechContractAttachmentContent,
  type Executor,
} from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { safeFilename, sniffUpload } from '../submissions/index.js';
import { contractPolicy } from './policy.js';

export const MAX_ATTACHMENTS_PER_CONTRACT = 5;
const LABEL = '合同附件';

async function editableContract(db: Executor, actor: Actor, contractId: string, forUpdate = false) {
  const c = await findTechContract(db, contractId, { forUpdate });
  if (!c) throw notFound(contractPolicy.label);
  contractPolicy.authorize(actor, 'view', c);
  if (!contractPolicy.allow(actor, 'edit', c)) {
    if (contractPolicy.allow(actor, 'actAsOwner', c)) throw new DomainError('CONTRACT_NOT_EDITABLE', '合同登记已提交，不能修改附件', 409);
    contractPolicy.authorize(actor, 'edit', c);
  }
  return c;
}

export async function addContractAttachment({
  services,
  actor,
  contractId,
  filename,
  content,
}: {
  services: Services;
  actor: Actor | null;
  contractId: string;
  filename: string;
  content: Buffer;
}) {
  const a = requireActor(actor);
  // Who may add comes before what is sent: an outsider learns nothing from the file's checks.
  await editableContract(services.db, a, contractId);
  if (content.length === 0) throw new DomainError('EMPTY_FILE', '文件为空', 400);
  if (content.length > services.config.maxUploadBytes) throw new DomainError('FILE_TOO_LARGE', '文件超过上传大小上限', 413);
  const type = await sniffUpload(content);
  if (!type || type.ext !== 'pdf') throw new DomainError('UNSUPPORTED_FILE_TYPE', '合同文本仅支持PDF文件（按文件内容识别）', 415);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return inTransaction(services, a, async (tx, events) => {
    await editableContract(tx, a, contractId, true);
    if ((await countTechContractAttachments(tx, contractId)) >= MAX_ATTACHMENTS_PER_CONTRACT) {
      throw new DomainError('TOO_MANY_ATTACHMENTS', `每份合同登记最多${MAX_ATTACHMENTS_PER_CONTRACT}个附件`, 409);
    }
    const meta = await insertTechContractAttachment(tx, {
      contractId,
      filename: safeFilename(filename, type.ext),
      mediaType: type.mediaType,
      size: content.length,
      sha256,
      content,
      createdBy: a.userId,
    });
    await events.record({
      action: 'contract.attachment_added',
      entityType: 'tech_contract',
      entityId: contractId,
      data: { attachmentId: meta.id, filename: meta.filename, sha256, size: meta.size },
    });
    return meta;
  });
}

export async function removeContractAttachment({
  services,
  actor,
  contractId,
  attachmentId,
}: {
  services: Services;
  actor: Actor | null;
  contractId: string;
  attachmentId: string;
}) {
  const a = requireActor(actor);
  await inTransaction(services, a, async (tx, events) => {
    await editableContract(tx, a, contractId, true);
    const meta = await findTechContractAttachmentMeta(tx, attachmentId);
    if (!meta || meta.contractId !== contractId) throw notFound(LABEL);
    await deleteTechContractAttachment(tx, attachmentId);
    await events.record({
      action: 'contract.attachment_removed',
      entityType: 'tech_contract',
      entityId: contractId,
      data: { attachmentId, filename: meta.filename, sha256: meta.sha256 },
    });
  });
}

export async function downloadContractAttachment({
  services,
  actor,
  contractId,
  attachmentId,
}: {
  services: Services;
  actor: Actor | null;
  contractId: string;
  attachmentId: string;
}) {
  const a = requireActor(actor);
  const c = await findTechContract(services.db, contractId);
  if (!c) throw notFound(LABEL);
  contractPolicy.authorize(a, 'view', c);
  const meta = await findTechContractAttachmentMeta(services.db, attachmentId);
  if (!meta || meta.contractId !== contractId) throw notFound(LABEL);
  const content = await readTechContractAttachmentContent(services.db, attachmentId);
  if (!content) throw notFound(LABEL);
  return { meta, content };
}
