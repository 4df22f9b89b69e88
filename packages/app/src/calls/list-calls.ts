import { listCalls } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { visibleCallStatuses } from './policy.js';

export async function listCallsFor({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { status?: string; listType?: string; page: number; pageSize: number };
}) {
  const visible = visibleCallStatuses(actor);
  // A status the caller may not see is an empty list, not every state.
  const statuses = query.status ? (visible && !visible.includes(query.status) ? [] : [query.status]) : visible;
  const { items, total } = await listCalls(services.db, {
    statuses,
    listType: query.listType,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
