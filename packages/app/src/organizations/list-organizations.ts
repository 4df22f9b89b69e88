import { latestOrganizationLicences, listOrganizations } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { organizationDirectoryPolicy } from './policy.js';

export async function listOrganizationsForOperator({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { status?: string; q?: string; page: number; pageSize: number };
}) {
  organizationDirectoryPolicy.authorize(actor, 'list', null);
  const { items, total } = await listOrganizations(services.db, {
    status: query.status,
    text: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  // The operator decides on the licence: each row carries its newest one (null if none was sent).
  const licences = await latestOrganizationLicences(
    services.db,
    items.map((o) => o.id),
  );
  return {
    items: items.map((o) => ({ ...o, licence: licences.get(o.id) ?? null })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
