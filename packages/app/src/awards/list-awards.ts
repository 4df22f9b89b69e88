import { listAwards, listExpertTasks, type AwardListScope } from '@scenebridge/db';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { requireActor } from '../shared/index.js';
import { acceptanceTaskView, awardSummaryView } from './present.js';

/** Operators see every award; an organisation's users those it leads, takes part in or owns the challenge of. */
export function awardListScope(actor: Actor): AwardListScope | null {
  if (isOperator(actor)) return { all: true };
  if (isOrgUser(actor)) return { organizationId: actor.organizationId };
  return null;
}

export async function listMyAwards({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { status?: string; page: number; pageSize: number };
}) {
  const a = requireActor(actor);
  const scope = awardListScope(a);
  if (!scope) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await listAwards(services.db, {
    scope,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(awardSummaryView), total, page: query.page, pageSize: query.pageSize };
}

/** An expert's 验收 tasks, open ones first. */
export async function listMyAcceptanceTasks({ services, actor }: { services: Services; actor: Actor | null }) {
  const a = requireActor(actor);
  return { items: (await listExpertTasks(services.db, a.userId)).map(acceptanceTaskView) };
}
