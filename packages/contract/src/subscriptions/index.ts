/** Subscriptions: saved searches and "match me" profiles, and the published items they caught. */
import { LIST_TYPES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const SUBSCRIPTION_KINDS = ['saved_search', 'match_profile', 'policy_digest', 'policy_match'] as const;
export { SUBSCRIPTION_KIND_LABELS } from './labels.js';
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;

/** As stored (checked on the way in): at least one condition. */
export const savedSearchQuery = z.object({
  q: z.string().optional(),
  listType: z.enum(LIST_TYPES).optional(),
  sector: z.string().optional(),
  techFields: z.array(z.string()).optional(),
  regionCode: z.string().optional(),
});
export type SavedSearchQuery = z.infer<typeof savedSearchQuery>;

/** The caller's organisation's own needs or capabilities to match against. */
export const matchProfileQuery = z.object({ submissionIds: z.array(z.string()) });
export type MatchProfileQuery = z.infer<typeof matchProfileQuery>;

/** 政策动态 issues are mailed to every such subscriber when published; there is nothing to choose. */
export const policyDigestQuery = z.object({});
export type PolicyDigestQuery = z.infer<typeof policyDigestQuery>;

/** New published policies' measures the organisation meets (and, if asked, may meet once its profile is filled in). */
export const policyMatchQuery = z.object({ includeUnknown: z.boolean() });
export type PolicyMatchQuery = z.infer<typeof policyMatchQuery>;

/** One kind of subscription; keys in the order the server sends them. */
const subscriptionOf = <K extends (typeof SUBSCRIPTION_KINDS)[number], Q extends z.ZodType>(kind: K, query: Q) =>
  z.object({
    id: z.string(),
    kind: z.literal(kind),
    name: z.string(),
    query,
    frequency: z.enum(DIGEST_FREQUENCIES),
    emailEnabled: z.boolean(),
    /** false once unsubscribed (in the app or by the email link). */
    active: z.boolean(),
    createdAt: isoDateTime,
    unsubscribedAt: isoDateTime.nullable(),
    lastDigestAt: isoDateTime.nullable(),
    /** Hits not yet sent in a digest. */
    pendingHits: z.number().int(),
  });

export const subscription = z.discriminatedUnion('kind', [
  subscriptionOf('saved_search', savedSearchQuery),
  subscriptionOf('match_profile', matchProfileQuery),
  subscriptionOf('policy_digest', policyDigestQuery),
  subscriptionOf('policy_match', policyMatchQuery),
]);
export type Subscription = z.infer<typeof subscription>;

export const subscriptionList = z.object({ items: z.array(subscription) });
export type SubscriptionList = z.infer<typeof subscriptionList>;

export const subscriptionHit = z.object({
  submissionId: z.string(),
  /** The current published entry of the item, if it was published in a batch. */
  entryId: z.string().nullable(),
  /** The published entry's name and issuer when there is one, else the submission's. */
  title: z.string(),
  organizationName: z.string(),
  listType: z.enum(LIST_TYPES),
  sector: z.string().nullable(),
  /** The score recorded when the item matched; null when none was. */
  score: z.number().nullable(),
  matchedAt: isoDateTime,
  digestedAt: isoDateTime.nullable(),
});
export type SubscriptionHit = z.infer<typeof subscriptionHit>;

export const subscriptionHitPage = pageOf(subscriptionHit);
export type SubscriptionHitPage = z.infer<typeof subscriptionHitPage>;
