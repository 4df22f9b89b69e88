import { listSubmissions } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { submissionListScope } from './policy.js';

export async function listSubmissionsFor({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { callId?: string; status?: string; listType?: string; q?: string; page: number; pageSize: number };
}) {
  const { items, total } = await listSubmissions(services.db, {
    ...submissionListScope(actor),
    callId: query.callId,
    statuses: query.status ? [query.status] : undefined,
    listType: query.listType,
    text: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map((i) => ({
      ...i,
      organization: { id: i.organizationId, name: i.organizationName },
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
      submittedAt: i.submittedAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
