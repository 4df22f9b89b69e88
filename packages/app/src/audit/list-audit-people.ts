import { searchAuditPeople } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { AUDIT_TRAIL, auditPolicy } from './policy.js';

/**
 * Whom the audit log can be filtered by: users whose name or email contains `q` (20 at most),
 * and the person already chosen (`selected`), so the page can name the filter in its URL.
 * For whoever may read the trail.
 */
export async function listAuditPeople({
  services,
  actor,
  q,
  selected,
}: {
  services: Services;
  actor: Actor | null;
  q?: string;
  selected?: string;
}) {
  auditPolicy.authorize(actor, 'list', AUDIT_TRAIL);
  const items = await searchAuditPeople(services.db, { text: q?.trim() || undefined, ids: selected ? [selected] : [], limit: 20 });
  return { items };
}
