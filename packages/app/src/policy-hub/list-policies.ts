/**
 * The policy library: the public sees published policies (and, when asked, withdrawn ones);
 * operators also see drafts. Filters: text in the title, number or issuer; issuer; region; valid
 * on a day; a measure's 支持方式 or 受益对象; "expiring soon" (published, valid today, ending within N days).
 */
import { listPolicies as listRows } from '@scenebridge/db';
import { addCivilDays, shanghaiDate } from '@scenebridge/domain';
import { POLICY_STATES, POLICY_SUPPORT_TYPES } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isOperator, type Actor, type Services } from '../context.js';
import { presentPolicySummary } from './present.js';

export const policyListQuery = z.object({
  status: z.enum(POLICY_STATES).optional(),
  q: z.string().trim().max(100, '关键词不能超过100个字').optional(),
  issuer: z.string().trim().max(100).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '地区代码应为6位数字')
    .optional(),
  /** Policies with a measure of this 支持方式. */
  supportType: z.enum(POLICY_SUPPORT_TYPES, { message: '支持方式不正确' }).optional(),
  /** Policies with a measure for these beneficiaries (受益对象, e.g. 科技型中小企业). */
  beneficiary: z.string().trim().min(1).max(50, '受益对象不能超过50个字').optional(),
  /** Only policies still valid today. */
  valid: z.enum(['true', 'false']).optional(),
  /** Published policies whose validity ends within this many days (即将到期). */
  expiringWithinDays: z.coerce.number().int().min(1).max(366).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;

export async function listPolicies({ services, actor, query }: { services: Services; actor: Actor | null; query: PolicyListQuery }) {
  const today = shanghaiDate(services.now());
  // The public may ask for withdrawn policies by status; by default it sees the published ones.
  const visible: readonly string[] = isOperator(actor) ? POLICY_STATES : ['published', 'withdrawn'];
  const statuses = query.expiringWithinDays
    ? ['published']
    : query.status
      ? visible.filter((s) => s === query.status)
      : isOperator(actor)
        ? visible
        : ['published'];
  const { items, total } = await listRows(services.db, {
    statuses,
    q: query.q,
    issuer: query.issuer,
    regionCode: query.regionCode,
    supportType: query.supportType,
    beneficiary: query.beneficiary,
    validOn: query.valid === 'true' || query.expiringWithinDays ? today : undefined,
    endingBy: query.expiringWithinDays ? addCivilDays(today, query.expiringWithinDays) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: items.map((r) => presentPolicySummary(r.p, r.measureCount)), total, page: query.page, pageSize: query.pageSize };
}
