import { listOrganizationUsers } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { organizationPolicy } from './policy.js';
import { findVisibleOrganization } from './visible.js';

export async function listUsersOfOrganization({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const org = await findVisibleOrganization(services.db, actor, id);
  organizationPolicy.authorize(actor, 'manageUsers', org);
  return listOrganizationUsers(services.db, id);
}
