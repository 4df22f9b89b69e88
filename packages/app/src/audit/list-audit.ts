import { listAuditEvents } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { AUDIT_TRAIL, auditPolicy } from './policy.js';

export async function listAudit({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { entityType?: string; entityId?: string; page: number; pageSize: number };
}) {
  auditPolicy.authorize(actor, 'list', AUDIT_TRAIL);
  const { items, total } = await listAuditEvents(services.db, {
    entityType: query.entityType,
    entityId: query.entityId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
