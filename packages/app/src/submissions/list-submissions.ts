import { listSubmissions } from '@scenebridge/db';
import { SUBMISSION_STATES } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { submissionListScope } from './policy.js';

/** A deleted draft (删除草稿) leaves the list; asking for the status by name still finds it. */
const LISTED_BY_DEFAULT = SUBMISSION_STATES.filter((s) => s !== 'discarded');

export interface SubmissionListFilters {
  callId?: string;
  status?: string;
  listType?: string;
  q?: string;
}

/** The repository query for the caller's list with the given filters; the list and its export share it. */
export function submissionListQuery(actor: Actor | null, filters: SubmissionListFilters) {
  const scope = submissionListScope(actor);
  return {
    ...scope,
    callId: filters.callId,
    // Only owners can have deleted drafts (operators never see unsent ones), so only their list filters them.
    statuses: filters.status ? [filters.status] : 'organizationId' in scope ? [...LISTED_BY_DEFAULT] : undefined,
    listType: filters.listType,
    text: filters.q,
  };
}

export async function listSubmissionsFor({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: SubmissionListFilters & { page: number; pageSize: number };
}) {
  const { items, total } = await listSubmissions(services.db, {
    ...submissionListQuery(actor, query),
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
