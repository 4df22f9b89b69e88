/** 揭榜挂帅 challenges: what the API answers. Input rules live in the domain (challengeInputSchema). */
import { CHALLENGE_STATES, challengeMachine } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';
import { reviewScheme } from '../calls/index.js';

/** As stored: rules are checked when written, not again on the way out. */
export const challengeIndicator = z.object({ name: z.string(), target: z.string(), unit: z.string(), method: z.string() });
export const challengeMilestone = z.object({ name: z.string(), percent: z.number().int(), deliverables: z.string() });
export const challengeDeliveryPeriod = z.union([
  z.object({ kind: z.literal('months'), months: z.number().int() }),
  z.object({ kind: z.literal('dates'), start: z.string(), end: z.string() }),
]);
export const challengeMode = z.union([
  z.object({ kind: z.literal('single') }),
  z.object({ kind: z.literal('horse_race'), maxTeams: z.number().int() }),
]);
export const challengeEligibility = z.object({
  organizationKinds: z.array(z.string()).optional(),
  regionCodes: z.array(z.string()).optional(),
  qualifications: z.array(z.string()).optional(),
  notWinnerWithinYears: z.number().int().optional(),
  maxOpenApplicationsPerOrganization: z.number().int(),
  excludeDishonest: z.literal(true),
});
export const challengeChangeSummary = z.object({ note: z.string(), fields: z.array(z.string()), at: isoDateTime });

export const challengeDetail = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  sourceNeedId: z.string().nullable(),
  title: z.string(),
  problem: z.string(),
  indicators: z.array(challengeIndicator),
  /** 分 (integer). */
  rewardFen: z.number().int(),
  milestones: z.array(challengeMilestone),
  deliveryPeriod: challengeDeliveryPeriod,
  mode: challengeMode,
  applicationDeadline: isoDateTime,
  reviewScheme,
  eligibility: challengeEligibility,
  status: z.enum(CHALLENGE_STATES),
  /** The reason of the last return or termination. */
  statusReason: z.string().nullable(),
  /** What the owner changed the last time it edited the challenge while open. */
  changeSummary: challengeChangeSummary.nullable(),
  submittedAt: isoDateTime.nullable(),
  firstOpenedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Open and before its deadline by the server's clock. */
  acceptingApplications: z.boolean(),
  /** The caller may edit it now (the owner, in draft or open). */
  canEdit: z.boolean(),
  /** Machine moves the caller may take here (editing an open challenge is `canEdit`, not a move). */
  allowedActions: z.array(z.enum(challengeMachine.transitions.map((t) => t.action))),
});
export type ChallengeDetail = z.infer<typeof challengeDetail>;

export const challengePage = pageOf(challengeDetail);
export type ChallengePage = z.infer<typeof challengePage>;
export * from './lifecycle.js';
export * from './labels.js';
