import { listOrganizationLicences } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { findVisibleOrganization } from './visible.js';

/** The organisation's business licence files, newest first: for the operator and the organisation's own users (others: 404). */
export async function listOrganizationLicencesFor({
  services,
  actor,
  organizationId,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
}) {
  await findVisibleOrganization(services.db, actor, organizationId);
  return listOrganizationLicences(services.db, organizationId);
}
