/**
 * A challenge award (揭榜挂帅 中榜, `award.created`) becomes a deal in the award's transaction:
 * source award, stage `negotiating` (the winner is chosen; what remains is the contract, so the
 * intent and meeting stages count as reached at the award), need = the challenge's source need,
 * demand = the need's organisation, supply = the winner, expected amount = the award amount.
 * A challenge without a source need gets no deal (a deal is about a need). Idempotent: one deal
 * per award (unique award_id). The need is already `awarded` by the award (awards feature).
 */
import { findChallenge, findSubmission } from '@scenebridge/db';
import { eventsOn, type Subscriber } from '../shared/index.js';
import { openDeal } from './open-deal.js';

const SYSTEM = { userId: null, label: 'system' } as const;

export const dealsFromAwards: Subscriber = async (events, { tx, services, actor }) => {
  for (const e of events.filter((x) => x.action === 'award.created')) {
    const data = (e.data ?? {}) as { challengeId?: string; organizationId?: string; amountFen?: number };
    if (!data.challengeId || !data.organizationId) continue;
    const c = await findChallenge(tx, data.challengeId);
    if (!c?.sourceNeedId) continue;
    const need = await findSubmission(tx, c.sourceNeedId);
    if (!need || need.submission.organizationId === data.organizationId) continue;
    await openDeal(
      tx,
      eventsOn(tx, services, actor),
      services,
      {
        source: 'award',
        status: 'negotiating',
        title: `${c.title}（揭榜）`.slice(0, 200),
        needId: c.sourceNeedId,
        demandOrganizationId: need.submission.organizationId,
        supplyOrganizationId: data.organizationId,
        awardId: e.entityId,
        expectedAmountFen: data.amountFen ?? null,
        createdBy: null,
      },
      SYSTEM,
    );
  }
};
