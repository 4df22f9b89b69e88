import { searchApprovedOrganizations } from '@scenebridge/db';
import { forbidden } from '@scenebridge/domain';
import { isOrgUser, type Actor, type Services } from '../context.js';
import { requireActor } from '../shared/index.js';

/** Approved organisations by name (part of it) or credit code, for the lead to pick consortium members. */
export async function searchConsortiumPartners({ services, actor, q }: { services: Services; actor: Actor | null; q: string }) {
  const a = requireActor(actor);
  if (!isOrgUser(a)) throw forbidden('只有机构用户可以组建联合体');
  const rows = await searchApprovedOrganizations(services.db, q.trim());
  return rows.filter((r) => r.id !== a.organizationId);
}
