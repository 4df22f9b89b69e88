/** Review of 揭榜 applications (评审, 答辩/路演): assignment, scoring, ranking, defence slots. */
import { APPLICATION_STATES, DEFENCE_SLOT_STATES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';
import { assignmentStatus, criterion, reviewScheme, reviewerProgressRow } from '../review/index.js';

export { autoAssignResult as applicationAutoAssignResult } from '../review/index.js';

/** The application actions the ranking offers the operator. */
export const APPLICATION_ACTIONS_FOR_REVIEW = ['shortlist', 'propose', 'unpropose', 'not_award'] as const;

/** POST /challenges/:id/review/assignments (201) */
export const createdApplicationReview = z.object({
  id: z.string(),
  applicationId: z.string(),
  reviewerUserId: z.string(),
  status: assignmentStatus,
});
export type CreatedApplicationReview = z.infer<typeof createdApplicationReview>;

export const applicationRankingReview = z.object({
  reviewId: z.string(),
  reviewerUserId: z.string(),
  reviewerName: z.string(),
  status: assignmentStatus,
  weightedScore: z.number().nullable(),
  conflictReason: z.string().nullable(),
});

export const applicationRankingItem = z.object({
  id: z.string(),
  leadOrganizationName: z.string(),
  memberOrganizationNames: z.array(z.string()),
  quoteFen: z.number().int(),
  status: z.enum(APPLICATION_STATES),
  /** What the operator may do with it now (shortlist, propose, unpropose, not_award). */
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS_FOR_REVIEW)),
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  spreadFlag: z.boolean(),
  mean: z.number().nullable(),
  trimmed: z.boolean(),
  count: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number(),
  reviews: z.array(applicationRankingReview),
});
export type ApplicationRankingItem = z.infer<typeof applicationRankingItem>;

/** GET /challenges/:id/review/ranking */
export const applicationRanking = z.object({
  challenge: z.object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    rewardFen: z.number().int(),
    mode: z.enum(['single', 'horse_race']),
    maxTeams: z.number().int().nullable(),
    reviewScheme,
  }),
  items: z.array(applicationRankingItem),
  reviewers: z.array(reviewerProgressRow),
});
export type ApplicationRanking = z.infer<typeof applicationRanking>;

/** GET /application-reviews */
export const myApplicationReview = z.object({
  id: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  applicationId: z.string(),
  /** Null in blind review. */
  leadOrganizationName: z.string().nullable(),
  status: assignmentStatus,
  weightedScore: z.number().nullable(),
  dueAt: isoDateTime.nullable(),
  overdue: z.boolean(),
});
export type MyApplicationReview = z.infer<typeof myApplicationReview>;
export const myApplicationReviewList = z.object({ items: z.array(myApplicationReview) });

/** GET /application-reviews/:id — with blind review nothing names the applicants. */
export const applicationReviewDetail = z.object({
  id: z.string(),
  status: assignmentStatus,
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  weightedScore: z.number().nullable(),
  conflictReason: z.string().nullable(),
  dueAt: isoDateTime.nullable(),
  blind: z.boolean(),
  criteria: z.array(criterion),
  challenge: z.object({
    id: z.string(),
    title: z.string(),
    problem: z.string(),
    rewardFen: z.number().int(),
    indicators: z.array(z.object({ name: z.string(), target: z.string(), unit: z.string(), method: z.string() })),
    milestones: z.array(z.object({ name: z.string(), percent: z.number() })),
  }),
  application: z.object({
    id: z.string(),
    plan: z.string(),
    quoteFen: z.number().int(),
    schedule: z.array(z.object({ plannedDate: z.string() })),
    consortiumSize: z.number().int(),
    leadOrganizationName: z.string().nullable(),
    memberOrganizationNames: z.array(z.string()).nullable(),
    teamLeader: z.object({ name: z.string(), title: z.string(), phone: z.string() }).nullable(),
  }),
});
export type ApplicationReviewDetail = z.infer<typeof applicationReviewDetail>;

/** PUT /application-reviews/:id */
export const savedApplicationScores = z.object({
  id: z.string(),
  status: assignmentStatus,
  weightedScore: z.number().nullable(),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
});
export type SavedApplicationScores = z.infer<typeof savedApplicationScores>;

/** POST /application-reviews/:id/conflict */
export const applicationConflictResult = z.object({ reassignedTo: z.string().nullable() });

export const defenceSlot = z.object({
  id: z.string(),
  challengeId: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  room: z.string().nullable(),
  onlineLink: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(DEFENCE_SLOT_STATES),
  cancelReason: z.string().nullable(),
  applications: z.array(z.object({ id: z.string(), leadOrganizationName: z.string() })),
});
export type DefenceSlot = z.infer<typeof defenceSlot>;
export const defenceSlotList = z.object({ items: z.array(defenceSlot) });
export type DefenceSlotList = z.infer<typeof defenceSlotList>;
