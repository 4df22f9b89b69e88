import { deleteOrganizationQualification, lockOrganization } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { organizationPolicy } from './policy.js';
import { findVisibleOrganization } from './visible.js';

/** The operator removes a recorded qualification (revoked, or recorded in error); the audit entry keeps what it was. */
export async function removeOrganizationQualification({
  services,
  actor,
  organizationId,
  qualificationId,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
  qualificationId: string;
}) {
  const org = await findVisibleOrganization(services.db, actor, organizationId);
  organizationPolicy.authorize(actor, 'manageProfile', org);
  await inTransaction(services, actor, async (tx, events) => {
    if (!(await lockOrganization(tx, organizationId))) throw notFound(organizationPolicy.label);
    const row = await deleteOrganizationQualification(tx, organizationId, qualificationId);
    if (!row) throw notFound('资质');
    await events.record({
      action: 'organization.qualification_removed',
      entityType: 'organization',
      entityId: organizationId,
      data: { qualificationId: row.id, code: row.code, certificateNo: row.certificateNo, validUntil: row.validUntil },
    });
  });
}
