import { insertOrganizationQualification, lockOrganization } from '@scenebridge/db';
import { DomainError, notFound, QUALIFICATION_LABELS, type QualificationInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { organizationPolicy } from './policy.js';
import { presentQualification } from './present-profile.js';
import { findVisibleOrganization } from './visible.js';

/** The operator records a qualification it has checked (certificate number, last valid day). One per kind. */
export async function addOrganizationQualification({
  services,
  actor,
  organizationId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
  input: QualificationInput;
}) {
  const org = await findVisibleOrganization(services.db, actor, organizationId);
  organizationPolicy.authorize(actor, 'manageProfile', org);
  return inTransaction(services, actor, async (tx, events) => {
    if (!(await lockOrganization(tx, organizationId))) throw notFound(organizationPolicy.label);
    const row = await insertOrganizationQualification(tx, {
      organizationId,
      code: input.code,
      certificateNo: input.certificateNo ?? null,
      validUntil: input.validUntil ?? null,
      createdBy: actor!.userId,
    });
    if (!row) throw new DomainError('QUALIFICATION_EXISTS', `已登记“${QUALIFICATION_LABELS[input.code]}”，如需更新请先删除原记录`, 409);
    await events.record({
      action: 'organization.qualification_added',
      entityType: 'organization',
      entityId: organizationId,
      data: { qualificationId: row.id, code: row.code, certificateNo: row.certificateNo, validUntil: row.validUntil },
    });
    return presentQualification(row, services.now());
  });
}
