import { listChallenges, type ChallengeListQuery } from '@scenebridge/db';
import { CHALLENGE_STATES_PUBLIC } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { challengeListScope } from './policy.js';

export interface ChallengeListFilters {
  status?: string;
  /** Only the caller's organisation's challenges. */
  mine?: boolean;
  q?: string;
}

/** The list's query, built once for the page and its export: exactly what the view rule shows. */
export function challengeListQuery(actor: Actor | null, filters: ChallengeListFilters): ChallengeListQuery {
  const scope = challengeListScope(actor);
  return {
    statuses: [...CHALLENGE_STATES_PUBLIC],
    ownOrganizationId: scope.publicStatesOr === 'own' ? scope.organizationId : undefined,
    orSubmitted: scope.publicStatesOr === 'submitted',
    // "Mine" for someone without an organisation of theirs is an empty list.
    onlyOrganizationId: filters.mine ? (scope.organizationId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    status: filters.status,
    q: filters.q?.trim() || undefined,
  };
}

export async function listChallengesFor({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: ChallengeListFilters & { page: number; pageSize: number };
}) {
  const { items, total } = await listChallenges(services.db, {
    ...challengeListQuery(actor, query),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
