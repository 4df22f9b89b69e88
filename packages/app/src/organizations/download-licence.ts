import { readOrganizationLicence } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { findVisibleOrganization } from './visible.js';

/** One licence file with its bytes; a file of another organisation, or of one the actor may not see, is 404. */
export async function downloadOrganizationLicence({
  services,
  actor,
  organizationId,
  licenceId,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
  licenceId: string;
}) {
  await findVisibleOrganization(services.db, actor, organizationId);
  const file = await readOrganizationLicence(services.db, organizationId, licenceId);
  if (!file) throw notFound('营业执照');
  return file;
}
