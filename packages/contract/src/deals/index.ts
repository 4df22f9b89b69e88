/**
 * 对接项目 (deals, docs/deals.md) as the API answers them: a need and a supplier working towards
 * a contract, its stage (dealMachine), activity (active | dormant), broker, expected amount (分)
 * and activity log; the list, the Kanban board and the interest acceptance.
 */
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';
import { DEAL_ACTIONS, DEAL_ACTIVITY_KINDS, DEAL_ACTIVITY_STATES, DEAL_SOURCES, DEAL_STATES, INTEREST_STATES } from './lifecycle.js';

export * from './lifecycle.js';
export * from './labels.js';

const ref = z.object({ id: z.string(), name: z.string() });
/** A listing the deal is about: its title and its current status (submissionMachine). */
const listingRef = z.object({ id: z.string(), title: z.string(), status: z.string() });

export const deal = z.object({
  id: z.string(),
  /** DJ-YYYY-NNNNN */
  code: z.string(),
  title: z.string(),
  source: z.enum(DEAL_SOURCES),
  status: z.enum(DEAL_STATES),
  /** The decline reason, when declined. */
  statusReason: z.string().nullable(),
  activity: z.enum(DEAL_ACTIVITY_STATES),
  need: listingRef,
  capability: listingRef.nullable(),
  demandOrganization: ref,
  supplyOrganization: ref,
  broker: ref.nullable(),
  interestId: z.string().nullable(),
  awardId: z.string().nullable(),
  /** 分 (integer), null when not yet estimated. */
  expectedAmountFen: z.number().int().nullable(),
  intentAt: isoDateTime.nullable(),
  meetingAt: isoDateTime.nullable(),
  negotiatingAt: isoDateTime.nullable(),
  signedAt: isoDateTime.nullable(),
  declinedAt: isoDateTime.nullable(),
  lastActivityAt: isoDateTime,
  dormantSince: isoDateTime.nullable(),
  /** The earliest follow-up not yet done (下一步) and its due date (YYYY-MM-DD, Asia/Shanghai). */
  nextStep: z.string().nullable(),
  nextStepDueOn: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Send it back with every change (optimistic locking: CONFLICT when stale). */
  version: z.number().int(),
  /** The stage moves the viewer may take now, and `wake` for a dormant deal the viewer may log on. */
  allowedActions: z.array(z.enum(DEAL_ACTIONS)),
  canLogActivity: z.boolean(),
  /** A broker may claim an open deal that has no broker. */
  canClaim: z.boolean(),
  /** The operator assigns (or reassigns) the broker of an open deal. */
  canAssignBroker: z.boolean(),
  canEditAmount: z.boolean(),
});
export type Deal = z.infer<typeof deal>;

export const dealLink = z.object({ title: z.string(), url: z.string() });

export const dealActivity = z.object({
  id: z.string(),
  dealId: z.string(),
  kind: z.enum(DEAL_ACTIVITY_KINDS),
  note: z.string(),
  occurredAt: isoDateTime,
  links: z.array(dealLink),
  nextStep: z.string().nullable(),
  /** YYYY-MM-DD (Asia/Shanghai). */
  nextStepDueOn: z.string().nullable(),
  nextStepDoneAt: isoDateTime.nullable(),
  /** Open next step whose due date is before today (Asia/Shanghai). */
  overdue: z.boolean(),
  createdBy: ref.nullable(),
  createdAt: isoDateTime,
  canMarkDone: z.boolean(),
});
export type DealActivity = z.infer<typeof dealActivity>;

/** GET /deals/:id */
export const dealDetail = deal.extend({ activities: z.array(dealActivity) });
export type DealDetail = z.infer<typeof dealDetail>;

/** GET /deals (filters: status, activity, brokerId | 'none', q, needId; page, pageSize) */
export const dealList = pageOf(deal);
export type DealList = z.infer<typeof dealList>;

export const dealBoardColumn = z.object({
  stage: z.enum(DEAL_STATES),
  count: z.number().int(),
  /** Sum of the column's expected amounts (分); deals without one count as 0. */
  totalExpectedFen: z.number().int(),
  dormantCount: z.number().int(),
  /** The first N deals of the column, most recent activity first. */
  items: z.array(deal),
});
export type DealBoardColumn = z.infer<typeof dealBoardColumn>;
/** GET /deals/board (same filters as the list but status; `perColumn` items per column, default 20) */
export const dealBoard = z.object({ columns: z.array(dealBoardColumn) });
export type DealBoard = z.infer<typeof dealBoard>;

/** POST /interests/:id/accept: 201 with a new deal, 200 with the existing one when repeated. */
export const acceptInterestReceipt = z.object({ deal, created: z.boolean() });
export type AcceptInterestReceipt = z.infer<typeof acceptInterestReceipt>;

/** POST /interests/:id/decline: the interest as answered; `changed` false when it was already declined. */
export const declineInterestReceipt = z.object({
  id: z.string(),
  status: z.enum(INTEREST_STATES),
  declineReason: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  changed: z.boolean(),
});
export type DeclineInterestReceipt = z.infer<typeof declineInterestReceipt>;

/** POST /deals: 201 with the deal. */
export const dealReceipt = z.object({ deal, created: z.boolean() });
export type DealReceipt = z.infer<typeof dealReceipt>;
