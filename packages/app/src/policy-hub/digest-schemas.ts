/** What the 政策动态 routes accept, with Chinese messages. */
import { POLICY_DIGEST_STATES } from '@scenebridge/domain/policies';
import { z } from 'zod';

export const DIGEST_LIMITS = { policies: 30, measuresPerItem: 20, directions: 10 } as const;

const distinct = (ids: readonly string[]) => new Set(ids.map((i) => i.toLowerCase())).size === ids.length;
const policyId = z.uuid('政策编号格式不正确');
const title = z.string({ message: '请填写标题' }).trim().min(2, '标题至少2个字').max(100, '标题不能超过100个字');
const intro = z.string().trim().max(2000, '编者按不能超过2000个字');

export const createPolicyDigestBody = z.object({
  title,
  intro: intro.optional(),
  policyIds: z
    .array(policyId, { message: '请选择政策' })
    .min(1, '至少选择一项政策')
    .max(DIGEST_LIMITS.policies, `每期最多${DIGEST_LIMITS.policies}项政策`)
    .refine(distinct, '同一政策不能重复选择'),
});
export type CreatePolicyDigestInput = z.infer<typeof createPolicyDigestBody>;

export const policyDigestDirectionBody = z.object({
  title: z.string().trim().min(1, '请填写方向标题').max(100, '方向标题不能超过100个字'),
  text: z.string().trim().max(1000, '方向说明不能超过1000个字'),
});

const itemBody = z.object({
  policyId,
  summary: z.string().trim().min(1, '请填写摘要').max(5000, '摘要不能超过5000个字'),
  measureIds: z
    .array(z.uuid('措施编号格式不正确'))
    .max(DIGEST_LIMITS.measuresPerItem, `每项政策最多列${DIGEST_LIMITS.measuresPerItem}条措施`)
    .refine(distinct, '同一措施不能重复列出'),
});

export const updatePolicyDigestBody = z.object({
  version: z.number().int().min(1),
  title,
  intro: intro.nullable(),
  items: z
    .array(itemBody)
    .min(1, '至少保留一项政策')
    .max(DIGEST_LIMITS.policies, `每期最多${DIGEST_LIMITS.policies}项政策`)
    .refine((items) => distinct(items.map((i) => i.policyId)), '同一政策不能重复选择'),
  directions: z.array(policyDigestDirectionBody).max(DIGEST_LIMITS.directions, `研究方向最多${DIGEST_LIMITS.directions}条`),
});
export type UpdatePolicyDigestInput = z.infer<typeof updatePolicyDigestBody>;

export const publishPolicyDigestBody = z.object({ version: z.number().int().min(1) });
export type PublishPolicyDigestInput = z.infer<typeof publishPolicyDigestBody>;

export const policyDigestListQuery = z.object({
  status: z.enum(POLICY_DIGEST_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PolicyDigestListQuery = z.infer<typeof policyDigestListQuery>;
