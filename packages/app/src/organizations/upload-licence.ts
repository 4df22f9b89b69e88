import { createHash } from 'node:crypto';
import { countOrganizationLicences, insertOrganizationLicence, lockOrganization } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { safeFilename } from '../submissions/index.js';
import { JPEG_SIGNATURE, PDF_SIGNATURE, PNG_SIGNATURE, readUpload } from '../uploads/index.js';
import { organizationPolicy } from './policy.js';
import { findVisibleOrganization } from './visible.js';

export const LICENCE_TYPES = [PDF_SIGNATURE, JPEG_SIGNATURE, PNG_SIGNATURE] as const;
export const LICENCE_TYPES_LABEL = 'PDF、JPG、PNG';
/** Enough for re-applications with a new scan; a bound on what one organisation may store. */
export const MAX_LICENCES_PER_ORGANIZATION = 10;
/** The states in which the operator has yet to decide (pending) or the organisation may reapply (rejected). */
const OPEN_FOR_LICENCE = new Set(['pending', 'rejected']);

const lockedError = () => new DomainError('LICENCE_LOCKED', '机构审核已完成，不能再上传营业执照', 409);

/**
 * The organisation's admin sends its business licence (营业执照): PDF, JPG or PNG, told by the
 * first bytes before the rest is read, at most `maxUploadBytes`. Who may not see the
 * organisation gets 404 before a byte is read; a member who is not its admin 403; once approved, 409.
 */
export async function uploadOrganizationLicence({
  services,
  actor,
  organizationId,
  filename,
  source,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
  filename: string;
  /** The file's bytes as they arrive (the multipart stream). */
  source: AsyncIterable<Uint8Array>;
}) {
  const org = await findVisibleOrganization(services.db, actor, organizationId);
  organizationPolicy.authorize(actor, 'uploadLicence', org);
  if (!OPEN_FOR_LICENCE.has(org.status)) throw lockedError();
  const { content, type } = await readUpload(source, {
    maxBytes: services.config.maxUploadBytes,
    accept: LICENCE_TYPES,
    acceptLabel: LICENCE_TYPES_LABEL,
  });
  const sha256 = createHash('sha256').update(content).digest('hex');
  return inTransaction(services, actor, async (tx, events) => {
    // The lock serialises uploads with each other and with the operator's decision.
    const locked = await lockOrganization(tx, organizationId);
    if (!locked || !OPEN_FOR_LICENCE.has(locked.status)) throw lockedError();
    if ((await countOrganizationLicences(tx, organizationId)) >= MAX_LICENCES_PER_ORGANIZATION) {
      throw new DomainError('TOO_MANY_LICENCES', `每个机构最多上传${MAX_LICENCES_PER_ORGANIZATION}份营业执照`, 409);
    }
    const meta = await insertOrganizationLicence(tx, {
      organizationId,
      filename: safeFilename(filename, type.ext),
      mediaType: type.mediaType,
      size: content.length,
      sha256,
      content,
      createdBy: actor!.userId,
    });
    await events.record({
      action: 'organization.licence_uploaded',
      entityType: 'organization',
      entityId: organizationId,
      data: { licenceId: meta.id, filename: meta.filename, mediaType: meta.mediaType, sha256, size: meta.size },
    });
    return meta;
  });
}
