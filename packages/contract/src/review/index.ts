/** Review (评审): assignment, scoring, conflicts, relations and the operator's ranking. */
import { LIST_TYPES, REVIEW_ASSIGNMENT_STATES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

export const assignmentStatus = z.enum(REVIEW_ASSIGNMENT_STATES);
export type AssignmentStatus = z.infer<typeof assignmentStatus>;

/** Plain shapes, without the input rules: an answer is described, not judged. */
export const criterion = z.object({ key: z.string(), name: z.string(), weight: z.number() });
export type Criterion = z.infer<typeof criterion>;
export const reviewScheme = z.object({ reviewersPerItem: z.number().int(), blind: z.boolean(), criteria: z.array(criterion) });
export type ReviewScheme = z.infer<typeof reviewScheme>;

/** POST /calls/:id/assignments/auto */
export const autoAssignResult = z.object({
  created: z.number().int(),
  withdrawn: z.number().int(),
  items: z.number().int(),
  reviewers: z.number().int(),
  shortfalls: z.array(z.object({ itemId: z.string(), needed: z.number().int(), eligible: z.number().int() })),
});
export type AutoAssignResult = z.infer<typeof autoAssignResult>;

/** POST /calls/:id/assignments (201) */
export const createdAssignment = z.object({
  id: z.string(),
  submissionId: z.string(),
  reviewerUserId: z.string(),
  status: assignmentStatus,
});
export type CreatedAssignment = z.infer<typeof createdAssignment>;

export const rankingReview = z.object({
  assignmentId: z.string(),
  reviewerUserId: z.string(),
  reviewerName: z.string(),
  status: assignmentStatus,
  weightedScore: z.number().nullable(),
  conflictReason: z.string().nullable(),
});
export type RankingReview = z.infer<typeof rankingReview>;

export const rankingItem = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  organizationName: z.string(),
  sector: z.string().nullable(),
  /** Competition ranking (1, 2, 2, 4); null while unscored. */
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  spreadFlag: z.boolean(),
  mean: z.number().nullable(),
  trimmed: z.boolean(),
  count: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number(),
  reviews: z.array(rankingReview),
});
export type RankingItem = z.infer<typeof rankingItem>;

export const reviewerProgressRow = z.object({
  reviewerUserId: z.string(),
  name: z.string(),
  assigned: z.number().int(),
  submitted: z.number().int(),
  pending: z.number().int(),
  conflicts: z.number().int(),
  overdue: z.number().int(),
});
export type ReviewerProgressRow = z.infer<typeof reviewerProgressRow>;

/** GET /calls/:id/ranking */
export const ranking = z.object({
  call: z.object({ id: z.string(), title: z.string(), status: z.string(), reviewScheme }),
  items: z.array(rankingItem),
  reviewers: z.array(reviewerProgressRow),
});
export type Ranking = z.infer<typeof ranking>;

/** POST /calls/:id/selection */
export const selectionResult = z.object({ moved: z.number().int() });
export type SelectionResult = z.infer<typeof selectionResult>;

export const reviewer = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  relatedOrganizationIds: z.array(z.string()),
});
export type Reviewer = z.infer<typeof reviewer>;
/** GET /reviewers */
export const reviewerList = z.object({ items: z.array(reviewer) });
export type ReviewerList = z.infer<typeof reviewerList>;

export const myAssignment = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  submissionId: z.string(),
  title: z.string(),
  listType: z.enum(LIST_TYPES),
  /** null when the call is reviewed blind. */
  organizationName: z.string().nullable(),
  status: assignmentStatus,
  weightedScore: z.number().nullable(),
  dueAt: isoDateTime.nullable(),
  overdue: z.boolean(),
});
export type MyAssignment = z.infer<typeof myAssignment>;
/** GET /reviews/assignments */
export const myAssignmentList = z.object({ items: z.array(myAssignment) });
export type MyAssignmentList = z.infer<typeof myAssignmentList>;

/** Attachments as a reviewer sees them; blind review hides size and time. */
export const reviewAttachment = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int().nullable(),
  createdAt: isoDateTime.nullable(),
});
export type ReviewAttachment = z.infer<typeof reviewAttachment>;

const scores = z.record(z.string(), z.number());
const comments = z.record(z.string(), z.string());

/** GET /reviews/assignments/:id */
export const assignmentDetail = z.object({
  id: z.string(),
  status: assignmentStatus,
  scores,
  comments,
  weightedScore: z.number().nullable(),
  conflictReason: z.string().nullable(),
  dueAt: isoDateTime.nullable(),
  blind: z.boolean(),
  criteria: z.array(criterion),
  call: z.object({ id: z.string(), title: z.string() }),
  submission: z.object({
    id: z.string(),
    title: z.string(),
    listType: z.enum(LIST_TYPES),
    /** The submission's fields as stored (without the contact when blind). */
    data: z.record(z.string(), z.unknown()),
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
    attachments: z.array(reviewAttachment),
  }),
});
export type AssignmentDetail = z.infer<typeof assignmentDetail>;

/** PUT /reviews/assignments/:id */
export const savedScores = z.object({
  id: z.string(),
  status: assignmentStatus,
  weightedScore: z.number().nullable(),
  scores,
  comments,
});
export type SavedScores = z.infer<typeof savedScores>;

/** POST /reviews/assignments/:id/conflict */
export const conflictResult = z.object({ reassignedTo: z.string().nullable() });
export type ConflictResult = z.infer<typeof conflictResult>;

export const reviewerRelation = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});
export type ReviewerRelation = z.infer<typeof reviewerRelation>;
/** GET /reviews/relations */
export const reviewerRelationList = z.object({ items: z.array(reviewerRelation) });
export type ReviewerRelationList = z.infer<typeof reviewerRelationList>;
export * from './lifecycle.js';
export * from './labels.js';
