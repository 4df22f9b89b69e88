/** Submissions (填报) of scenario needs and capabilities, their attachments and history. */
import { CHALLENGE_STATES, LIST_TYPES, SUBMISSION_STATES, submissionMachine } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const attachment = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: isoDateTime,
});
export type Attachment = z.infer<typeof attachment>;

const organizationRef = z.object({ id: z.string(), name: z.string() });

export const submissionDetail = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  listType: z.enum(LIST_TYPES),
  status: z.enum(SUBMISSION_STATES),
  title: z.string(),
  organization: organizationRef,
  /**
   * The form as filled in. A draft holds any part of its list type's fields, so this stays an
   * open record: the list type's form rules apply on submit, not to every answer.
   */
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  /** 回执编号 (e.g. SB2026-000123), stable from the first submission on; null for a draft never submitted. */
  receiptNo: z.string().nullable(),
  statusReason: z.string().nullable(),
  attachments: z.array(attachment),
  /** Only the actions a person takes (not the system's). */
  allowedActions: z.array(z.enum(submissionMachine.transitions.map((t) => t.action))),
  /** A need's challenges (揭榜挂帅 drafted from it) with their winners: for its owner's users and operators only. */
  challengeLinks: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(CHALLENGE_STATES),
        winners: z.array(z.object({ awardId: z.string(), organizationName: z.string(), agreementNo: z.string() })),
      }),
    )
    .optional(),
});
export type SubmissionDetail = z.infer<typeof submissionDetail>;

export const submissionListItem = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  listType: z.enum(LIST_TYPES),
  status: z.enum(SUBMISSION_STATES),
  statusReason: z.string().nullable(),
  title: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  sector: z.string().nullable(),
  regionCode: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  organization: organizationRef,
});
export type SubmissionListItem = z.infer<typeof submissionListItem>;

export const submissionPage = pageOf(submissionListItem);
export type SubmissionPage = z.infer<typeof submissionPage>;

export const historyEvent = z.object({
  at: isoDateTime,
  actorLabel: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

/** The whole history of one submission, oldest first (at most 500 events). */
export const submissionHistory = z.object({ items: z.array(historyEvent) });
export type SubmissionHistory = z.infer<typeof submissionHistory>;
export * from './lifecycle.js';
export * from './labels.js';
