import { findOrganization, type Executor } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { organizationPolicy } from './policy.js';

/** The organisation, if the actor may see it; a missing one and another's answer alike (404). */
export async function findVisibleOrganization(db: Executor, actor: Actor | null, id: string) {
  const org = await findOrganization(db, id);
  if (!org) throw notFound(organizationPolicy.label);
  organizationPolicy.authorize(actor, 'view', org);
  return org;
}
