import { latestOrganizationLicences } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { findVisibleOrganization } from './visible.js';

/** The organisation with its newest business licence file (null if none was sent). */
export async function getOrganization({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const org = await findVisibleOrganization(services.db, actor, id);
  const licence = (await latestOrganizationLicences(services.db, [org.id])).get(org.id) ?? null;
  return { ...org, licence };
}
