/**
 * Creating a deal, whatever started it (an accepted interest, a challenge award, a broker's or
 * operator's proposal): a DJ-YYYY-NNNNN code under an advisory lock, the row, `deal.created` in
 * the audit chain, and the need published → matching by the system (submissionMachine
 * start_matching) when it is still published. Runs in the caller's transaction.
 */
import { insertDealIfAbsent, nextDealCode, type DealRow, type Transaction } from '@scenebridge/db';
import { shanghaiDate, type DealSource, type DealState } from '@scenebridge/domain';
import type { Services } from '../context.js';
import type { TransactionEvents } from '../shared/index.js';
import { startMatchingIfPublished } from '../submissions/index.js';

export interface OpenDealInput {
  source: DealSource;
  status: Extract<DealState, 'suggested' | 'intent' | 'negotiating'>;
  title: string;
  needId: string;
  capabilityId?: string | null;
  demandOrganizationId: string;
  supplyOrganizationId: string;
  interestId?: string | null;
  awardId?: string | null;
  brokerUserId?: string | null;
  expectedAmountFen?: number | null;
  createdBy: string | null;
}

/** Undefined when the interest's or award's deal already exists (unique index): the caller reads that one. */
export async function openDeal(
  tx: Transaction,
  events: TransactionEvents,
  services: Services,
  input: OpenDealInput,
  actedBy?: { userId: string | null; label: string },
): Promise<DealRow | undefined> {
  const now = services.now();
  const year = Number(shanghaiDate(now).slice(0, 4));
  // Stages a deal starts past count as reached when it starts (the funnel reads these).
  const reached = (s: DealState) => DEAL_ORDER.indexOf(s) <= DEAL_ORDER.indexOf(input.status) && s !== 'suggested';
  const row = await insertDealIfAbsent(tx, {
    code: await nextDealCode(tx, year),
    title: input.title,
    source: input.source,
    needId: input.needId,
    capabilityId: input.capabilityId ?? null,
    demandOrganizationId: input.demandOrganizationId,
    supplyOrganizationId: input.supplyOrganizationId,
    interestId: input.interestId ?? null,
    awardId: input.awardId ?? null,
    status: input.status,
    activity: 'active',
    brokerUserId: input.brokerUserId ?? null,
    expectedAmountFen: input.expectedAmountFen ?? null,
    intentAt: reached('intent') ? now : null,
    meetingAt: reached('meeting') ? now : null,
    negotiatingAt: reached('negotiating') ? now : null,
    lastActivityAt: now,
    createdBy: input.createdBy,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) return undefined;
  await events.record({
    action: 'deal.created',
    entityType: 'deal',
    entityId: row.id,
    toState: row.status,
    data: {
      code: row.code,
      source: row.source,
      needId: row.needId,
      capabilityId: row.capabilityId,
      demandOrganizationId: row.demandOrganizationId,
      supplyOrganizationId: row.supplyOrganizationId,
      interestId: row.interestId,
      awardId: row.awardId,
      brokerUserId: row.brokerUserId,
      expectedAmountFen: row.expectedAmountFen,
    },
    ...(actedBy ? { actedBy } : {}),
  });
  await startMatchingIfPublished(tx, events, row.needId, { kind: 'deal', id: row.id });
  return row;
}

const DEAL_ORDER: readonly DealState[] = ['suggested', 'intent', 'meeting', 'negotiating', 'signed'];
