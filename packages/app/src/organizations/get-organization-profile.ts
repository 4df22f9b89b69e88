import { findOrganizationDishonestyFlag, listOrganizationQualifications } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { organizationPolicy } from './policy.js';
import { presentDishonestyFlag, presentQualification } from './present-profile.js';
import { findVisibleOrganization } from './visible.js';

/**
 * What eligibility screening reads of an organisation beyond its registration: its qualifications
 * and its 失信 flag. The operator and the organisation's own users see it; others get 404.
 */
export async function getOrganizationProfile({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const org = await findVisibleOrganization(services.db, actor, id);
  const [qualifications, flag] = await Promise.all([
    listOrganizationQualifications(services.db, org.id),
    findOrganizationDishonestyFlag(services.db, org.id),
  ]);
  const now = services.now();
  return {
    organizationId: org.id,
    qualifications: qualifications.map((q) => presentQualification(q, now)),
    dishonesty: presentDishonestyFlag(flag),
    canEdit: organizationPolicy.allow(actor, 'manageProfile', org),
  };
}
