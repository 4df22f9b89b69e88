/**
 * The viewer's deals: users of an organisation see their organisation's (either side); brokers
 * the deals assigned to them and those nobody holds yet; operators every deal. The list, the
 * Kanban board and the export read the same scope and filters (dealConditions in the db).
 */
import { aggregateDealsByStage, listDeals, type DealFilters, type DealScope } from '@scenebridge/db';
import type { DealBoard, DealList } from '@scenebridge/contract/deals';
import { DEAL_STATES, type DealState } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { authorizeDealsView, isBroker } from './policy.js';
import { presentDeal } from './present.js';

export function dealListScope(actor: Actor): DealScope {
  authorizeDealsView(actor);
  if (isOperator(actor)) return { all: true };
  return {
    ...(isOrgUser(actor) ? { organizationId: actor.organizationId } : {}),
    ...(isBroker(actor) ? { brokerUserId: actor.userId } : {}),
  };
}

export interface DealListQuery extends DealFilters {
  page?: number;
  pageSize?: number;
}

export async function listDealsFor({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: DealListQuery;
}): Promise<DealList> {
  const scope = dealListScope(actor);
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 20));
  const { items, total } = await listDeals(services.db, scope, query, { offset: (page - 1) * pageSize, limit: pageSize });
  return { items: items.map((d) => presentDeal(d, actor)), total, page, pageSize };
}

/** The Kanban board: per stage the count and the expected-amount sum (SQL aggregate) and the first `perColumn` deals. */
export async function dealBoard({
  services,
  actor,
  filters,
  perColumn = 20,
}: {
  services: Services;
  actor: Actor;
  filters: Omit<DealFilters, 'status'>;
  perColumn?: number;
}): Promise<DealBoard> {
  const scope = dealListScope(actor);
  const limit = Math.min(100, Math.max(1, perColumn));
  const sums = await aggregateDealsByStage(services.db, scope, filters);
  const columns = await Promise.all(
    DEAL_STATES.map(async (stage: DealState) => {
      const agg = sums.find((s) => s.stage === stage);
      const items = agg ? (await listDeals(services.db, scope, { ...filters, status: [stage] }, { offset: 0, limit })).items : [];
      return {
        stage,
        count: agg?.count ?? 0,
        totalExpectedFen: agg?.totalExpectedFen ?? 0,
        dormantCount: agg?.dormantCount ?? 0,
        items: items.map((d) => presentDeal(d, actor)),
      };
    }),
  );
  return { columns };
}
