/**
 * A challenge's winners (中榜单位) as the challenge page and the public 揭榜结果 show them: who won,
 * the amount, the 任务书 number and its status; the milestones only for whoever takes part
 * (the owner, the winner's organisations, operators).
 */
import { AWARD_STATES, CHALLENGE_STATES, MILESTONE_STATES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

export const challengeWinnerMilestone = z.object({
  seq: z.number().int(),
  name: z.string(),
  deliverables: z.string(),
  percent: z.number().int(),
  amountFen: z.number().int(),
  /** YYYY-MM-DD, Shanghai: the date the winner's application planned. */
  dueDate: z.string().nullable(),
  /** 赛马: a point where teams are assessed. */
  checkpoint: z.boolean(),
  status: z.enum(MILESTONE_STATES),
});

export const challengeWinner = z.object({
  id: z.string(),
  applicationId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  /** Confirmed consortium members, besides the lead. */
  memberNames: z.array(z.string()),
  agreementNo: z.string(),
  amountFen: z.number().int(),
  status: z.enum(AWARD_STATES),
  awardedAt: isoDateTime,
  /** null when the caller does not take part in the challenge. */
  milestones: z.array(challengeWinnerMilestone).nullable(),
});
export type ChallengeWinner = z.infer<typeof challengeWinner>;

export const challengeWinnerList = z.object({ items: z.array(challengeWinner) });
export type ChallengeWinnerList = z.infer<typeof challengeWinnerList>;

/** One challenge of the public 揭榜结果 list. */
export const challengeResult = z.object({
  id: z.string(),
  title: z.string(),
  organizationName: z.string(),
  rewardFen: z.number().int(),
  status: z.enum(CHALLENGE_STATES),
  mode: z.enum(['single', 'horse_race']),
  updatedAt: isoDateTime,
  winners: z.array(challengeWinner.omit({ milestones: true, applicationId: true })),
});
export type ChallengeResult = z.infer<typeof challengeResult>;

export const challengeResultList = z.object({
  /** Awarded and in delivery (中榜结果). */
  awarded: z.array(challengeResult),
  /** Completed (已完成). */
  completed: z.array(challengeResult),
});
export type ChallengeResultList = z.infer<typeof challengeResultList>;
