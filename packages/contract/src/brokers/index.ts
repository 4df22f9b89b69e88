/**
 * The broker's workspace (技术经理人, docs/deals.md): profile, caseload, follow-ups due, dormant
 * deals, conversion figures and suggested matches (high-scoring pairs with no deal yet).
 */
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';
import { deal } from '../deals/index.js';
import { DEAL_STATES } from '../deals/lifecycle.js';

export * from './labels.js';

const ref = z.object({ id: z.string(), name: z.string() });

/** GET /brokers/me/profile, PUT /brokers/me/profile; GET /brokers/:userId/profile (operator). */
export const brokerProfile = z.object({
  userId: z.string(),
  displayName: z.string(),
  organization: ref,
  /** Technology-field codes of the taxonomy (TECH_FIELDS). */
  fields: z.array(z.string()),
  certificateNo: z.string().nullable(),
  bio: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
});
export type BrokerProfile = z.infer<typeof brokerProfile>;

/** GET /brokers (operator, for assigning): each broker with the open deals they hold. */
export const brokerSummary = z.object({
  userId: z.string(),
  displayName: z.string(),
  fields: z.array(z.string()),
  certificateNo: z.string().nullable(),
  openDeals: z.number().int(),
});
export type BrokerSummary = z.infer<typeof brokerSummary>;
export const brokerList = z.object({ items: z.array(brokerSummary) });
export type BrokerList = z.infer<typeof brokerList>;

export const followUp = z.object({
  activityId: z.string(),
  dealId: z.string(),
  dealCode: z.string(),
  dealTitle: z.string(),
  nextStep: z.string(),
  /** YYYY-MM-DD (Asia/Shanghai). */
  dueOn: z.string(),
  overdue: z.boolean(),
});
export type FollowUp = z.infer<typeof followUp>;

export const brokerCaseload = z.object({
  /** The broker's open deals (not signed or declined). */
  open: z.number().int(),
  dormant: z.number().int(),
  /** Open deals nobody holds yet: the broker may claim them. */
  unassignedOpen: z.number().int(),
  byStage: z.array(z.object({ stage: z.enum(DEAL_STATES), count: z.number().int() })),
});
export type BrokerCaseload = z.infer<typeof brokerCaseload>;

export const brokerConversion = z.object({
  /** Deals the broker holds or held, any stage. */
  handled: z.number().int(),
  signed: z.number().int(),
  declined: z.number().int(),
  /** signed / handled, 0..1 (0 when nothing handled). */
  signedRate: z.number(),
  /** Sum of the signed deals' expected amounts (分). */
  signedExpectedFen: z.number().int(),
});
export type BrokerConversion = z.infer<typeof brokerConversion>;

/** GET /brokers/me/workspace */
export const brokerWorkspace = z.object({
  profile: brokerProfile,
  caseload: brokerCaseload,
  /** YYYY-MM-DD, the civil date the figures were taken on (Asia/Shanghai). */
  today: z.string(),
  dueToday: z.array(followUp),
  overdue: z.array(followUp),
  dormantDeals: z.array(deal),
  conversion: brokerConversion,
});
export type BrokerWorkspace = z.infer<typeof brokerWorkspace>;

const listingSide = z.object({ id: z.string(), title: z.string(), status: z.string(), organization: ref });

/** A high-scoring need–capability pair with no deal yet; POST /deals with both ids turns it into one. */
export const suggestedMatch = z.object({
  need: listingSide,
  capability: listingSide,
  score: z.number(),
  sharedTerms: z.array(z.string()),
});
export type SuggestedMatch = z.infer<typeof suggestedMatch>;
/** GET /brokers/me/suggested-matches (broker or operator) */
export const suggestedMatchList = z.object({ items: z.array(suggestedMatch), minScore: z.number() });
export type SuggestedMatchList = z.infer<typeof suggestedMatchList>;
