import { listOrganizations } from '@scenebridge/db';
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
  return { items, total, page: query.page, pageSize: query.pageSize };
}
