import { auditEntityNames, listAuditEvents } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { auditListQuery, type AuditListFilters } from './audit-filters.js';
import { AUDIT_TRAIL, auditPolicy } from './policy.js';

export async function listAudit({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: AuditListFilters & { page: number; pageSize: number };
}) {
  auditPolicy.authorize(actor, 'list', AUDIT_TRAIL);
  const { items, total } = await listAuditEvents(services.db, {
    ...auditListQuery(query),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  // Ids alone tell the reader nothing: each object is shown by its current name, where it has one.
  const names = await auditEntityNames(services.db, items);
  return {
    items: items.map((e) => ({ ...e, entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
