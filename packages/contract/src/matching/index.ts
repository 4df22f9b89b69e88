/** Matching (匹配与对接): two-way matches with their score parts, interests, pin/exclude decisions. */
import { INTEREST_STATES, LIST_TYPES, MATCH_PART_KEYS, type MatchPartKey } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

export { MATCH_PART_KEYS, type MatchPartKey };

/** One part of a score: `points` = weight × fit, and the parts add up to the score. */
export const matchPart = z.object({
  key: z.enum(MATCH_PART_KEYS),
  label: z.string(),
  weight: z.number(),
  fit: z.number(),
  points: z.number(),
  share: z.number(),
  detail: z.string(),
});
export type MatchPart = z.infer<typeof matchPart>;

const organizationRef = z.object({ id: z.string(), name: z.string() });

export const matchItem = z.object({
  id: z.string(),
  listType: z.enum(LIST_TYPES),
  title: z.string(),
  status: z.string(),
  organization: organizationRef,
  score: z.number(),
  /** Under the domain's MIN_MATCH_SCORE: not worth a user's time unless asked for. */
  weak: z.boolean(),
  sharedTerms: z.array(z.string()),
  parts: z.array(matchPart),
  pinned: z.object({ reason: z.string(), by: z.string().nullable(), at: isoDateTime }).nullable(),
});
export type MatchItem = z.infer<typeof matchItem>;

export const excludedMatch = z.object({
  id: z.string(),
  title: z.string().nullable(),
  reason: z.string(),
  by: z.string().nullable(),
  at: isoDateTime,
});
export type ExcludedMatch = z.infer<typeof excludedMatch>;

/** GET /listings/:id/matches */
export const matches = z.object({ source: z.string(), items: z.array(matchItem), excluded: z.array(excludedMatch) });
export type Matches = z.infer<typeof matches>;

export const interest = z.object({
  id: z.string(),
  needId: z.string(),
  capabilityId: z.string(),
  fromSide: z.enum(['need', 'capability']),
  organization: organizationRef,
  by: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: isoDateTime,
  /** open → accepted (a deal was opened) | declined (婉拒, with the recipient's reason). */
  status: z.enum(INTEREST_STATES),
  declineReason: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
});
export type Interest = z.infer<typeof interest>;
/** GET /listings/:id/interests */
export const interestList = z.object({ items: z.array(interest) });
export type InterestList = z.infer<typeof interestList>;

/** POST /interests: 201 when new, 200 with the existing one when repeated. */
export const interestReceipt = z.object({ id: z.string(), created: z.boolean(), createdAt: isoDateTime });
export type InterestReceipt = z.infer<typeof interestReceipt>;

/** POST /match-decisions: after `clear`, decision is null and there is no reason or time. */
export const matchDecision = z.object({
  sourceId: z.string(),
  targetId: z.string(),
  decision: z.enum(['pin', 'exclude']).nullable(),
  reason: z.string().optional(),
  decidedAt: isoDateTime.optional(),
});
export type MatchDecision = z.infer<typeof matchDecision>;
