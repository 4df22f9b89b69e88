/** 中榜 task agreements (任务书): delivery, acceptance and payments, as the API answers them. */
import { ACCEPTANCE_VERDICTS, AWARD_STATES, MILESTONE_STATES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const AWARD_ACTIONS = [
  'start',
  'deliver',
  'assignAcceptors',
  'recordOwnerOpinion',
  'recordExpertOpinion',
  'pay',
  'eliminate',
] as const;

export const awardSummary = z.object({
  id: z.string(),
  agreementNo: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  /** 'single' | 'horse_race' (赛马). */
  challengeMode: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  status: z.enum(AWARD_STATES),
  statusReason: z.string().nullable(),
  /** 分 (integer). */
  amountFen: z.number().int(),
  paidFen: z.number().int(),
  awardedAt: isoDateTime,
  agreementStartedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
});
export type AwardSummary = z.infer<typeof awardSummary>;
export const awardPage = pageOf(awardSummary);
export type AwardPage = z.infer<typeof awardPage>;

export const acceptorDto = z.object({
  id: z.string(),
  round: z.number().int(),
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(['owner', 'expert']),
  verdict: z.enum(ACCEPTANCE_VERDICTS).nullable(),
  score: z.number().nullable(),
  opinion: z.string().nullable(),
  recordedAt: isoDateTime.nullable(),
});
export type AcceptorDto = z.infer<typeof acceptorDto>;

export const deliveryLink = z.object({ title: z.string(), url: z.string() });

export const milestoneDto = z.object({
  id: z.string(),
  seq: z.number().int(),
  name: z.string(),
  deliverables: z.string(),
  percent: z.number().int(),
  amountFen: z.number().int(),
  paidFen: z.number().int(),
  dueDate: z.string().nullable(),
  checkpoint: z.boolean(),
  status: z.enum(MILESTONE_STATES),
  statusReason: z.string().nullable(),
  round: z.number().int(),
  deliveryNote: z.string().nullable(),
  deliveryFiles: z.array(deliveryLink),
  deliveredAt: isoDateTime.nullable(),
  decidedAt: isoDateTime.nullable(),
  conditions: z.string().nullable(),
  meanScore: z.number().nullable(),
  /** Every round's acceptors; the current round's are those with `round` equal to the milestone's. */
  acceptors: z.array(acceptorDto),
  /** What the caller may do on this milestone now. */
  canDeliver: z.boolean(),
  canAssignAcceptors: z.boolean(),
  canRecordOpinion: z.boolean(),
  canPay: z.boolean(),
});
export type MilestoneDto = z.infer<typeof milestoneDto>;

export const paymentDto = z.object({
  id: z.string(),
  milestoneId: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  reference: z.string(),
  requestKey: z.string(),
  recordedByName: z.string(),
  createdAt: isoDateTime,
});
export type PaymentDto = z.infer<typeof paymentDto>;

export const awardDetail = awardSummary.extend({
  applicationId: z.string(),
  acceptanceReport: z.string().nullable(),
  milestones: z.array(milestoneDto),
  payments: z.array(paymentDto),
  allowedActions: z.array(z.enum(AWARD_ACTIONS)),
});
export type AwardDetail = z.infer<typeof awardDetail>;

export const acceptanceTask = z.object({
  acceptorId: z.string(),
  round: z.number().int(),
  verdict: z.enum(ACCEPTANCE_VERDICTS).nullable(),
  recordedAt: isoDateTime.nullable(),
  milestoneId: z.string(),
  milestoneName: z.string(),
  milestoneSeq: z.number().int(),
  milestoneStatus: z.enum(MILESTONE_STATES),
  /** The task is open: the milestone waits for this expert's verdict in its current round. */
  open: z.boolean(),
  awardId: z.string(),
  agreementNo: z.string(),
  organizationName: z.string(),
  challengeTitle: z.string(),
});
export type AcceptanceTask = z.infer<typeof acceptanceTask>;
export const acceptanceTaskList = z.object({ items: z.array(acceptanceTask) });

export * from './labels.js';
