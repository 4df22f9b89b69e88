/** What a subscription is made of: its kinds, frequencies, limits and the bodies the routes accept. */
import { LIST_TYPES, regionCodeSchema, sectorSchema, techFieldSchema } from '@scenebridge/domain';
import { z } from 'zod';

export const MAX_SUBSCRIPTIONS_PER_USER = 20;
export const SUBSCRIPTION_KINDS = ['saved_search', 'match_profile', 'policy_digest', 'policy_match'] as const;
/** The kinds the listing scan matches against newly published items; the policy kinds have their own triggers. */
export const LISTING_SUBSCRIPTION_KINDS: readonly string[] = ['saved_search', 'match_profile'];
/** The policy kinds' Chinese names, also their default subscription names. */
export const POLICY_SUBSCRIPTION_NAMES = { policy_digest: '订阅政策动态', policy_match: '新政策匹配提醒' } as const;
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;

export const savedSearchQuerySchema = z
  .object({
    q: z.string().trim().min(1, '关键词不能为空').max(100, '关键词不能超过100个字').optional(),
    listType: z.enum(LIST_TYPES).optional(),
    sector: sectorSchema.optional(),
    techFields: z.array(techFieldSchema).min(1).max(5, '技术领域最多5个').optional(),
    regionCode: regionCodeSchema.optional(),
  })
  .strict()
  .refine((q) => Object.values(q).some((v) => v !== undefined), '请至少填写一个订阅条件');
export type SavedSearchQuery = z.infer<typeof savedSearchQuerySchema>;

export const matchProfileQuerySchema = z
  .object({
    submissionIds: z.array(z.uuid('编号格式不正确')).min(1, '请至少选择一项本机构的需求或能力').max(20, '最多选择20项'),
  })
  .strict();
export type MatchProfileQuery = z.infer<typeof matchProfileQuerySchema>;

/** 政策动态 issues are mailed when published: nothing to choose. */
export const policyDigestQuerySchema = z.object({}).strict();
export const policyMatchQuerySchema = z
  .object({
    /** Also tell about measures that need more profile fields before they can be judged. */
    includeUnknown: z.boolean({ message: '“包括需补充信息才能判断的措施”须为是或否' }).default(false),
  })
  .strict();
export type PolicyMatchQuery = z.infer<typeof policyMatchQuerySchema>;

const name = z.string().trim().min(1, '请填写订阅名称').max(60, '订阅名称不能超过60个字');
const common = { name, frequency: z.enum(DIGEST_FREQUENCIES).default('daily'), emailEnabled: z.boolean().default(true) };
export const createSubscriptionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved_search'), ...common, query: savedSearchQuerySchema }),
  z.object({ kind: z.literal('match_profile'), ...common, query: matchProfileQuerySchema }),
  z.object({ kind: z.literal('policy_digest'), ...common, name: name.optional(), query: policyDigestQuerySchema }),
  z.object({ kind: z.literal('policy_match'), ...common, name: name.optional(), query: policyMatchQuerySchema }),
]);
export const updateSubscriptionBody = z.object({
  name: name.optional(),
  frequency: z.enum(DIGEST_FREQUENCIES).optional(),
  emailEnabled: z.boolean().optional(),
  /** false unsubscribes, true subscribes again. */
  active: z.boolean().optional(),
  /** Checked against the subscription's kind. */
  query: z.record(z.string(), z.unknown()).optional(),
});
