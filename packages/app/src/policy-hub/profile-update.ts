/**
 * The organisation keeps its own policy profile; an operator confirms it (核验). Any later change
 * by the organisation clears the confirmation, so a confirmed profile is always the one checked.
 */
import { confirmPolicyProfile as confirmRow, findPolicyProfile, upsertPolicyProfile } from '@scenebridge/db';
import { calendarDaySchema, DomainError, forbidden, notFound, SECTOR_CODES, shanghaiDate } from '@scenebridge/domain';
import { REVENUE_BAND_CODES } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { presentPolicyProfile, profileSourceOf } from './profile-load.js';

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export const policyProfileInput = z.object({
  employees: z
    .number({ message: '职工人数应为整数' })
    .int('职工人数应为整数')
    .min(0, '职工人数不能为负')
    .max(10_000_000)
    .nullable()
    .optional(),
  revenueBand: z.enum(REVENUE_BAND_CODES, { message: '营业收入区间不正确' }).nullable().optional(),
  rdSharePercent: z
    .number({ message: '研发投入占比应为数字' })
    .min(0, '研发投入占比应在0到100之间')
    .max(100, '研发投入占比应在0到100之间')
    .refine(twoDecimals, '研发投入占比最多保留两位小数')
    .nullable()
    .optional(),
  sectors: z
    .array(z.enum(SECTOR_CODES, { message: '行业不正确' }))
    .max(20, '所属行业最多20个')
    .refine((l) => new Set(l).size === l.length, '所属行业不能重复')
    .optional(),
  foundedOn: calendarDaySchema('成立日期').nullable().optional(),
});
export type PolicyProfileInput = z.infer<typeof policyProfileInput>;

function authorizeOrgUser(actor: Actor): void {
  if (!isOrgUser(actor)) throw forbidden('只有机构用户有政策画像');
}

export async function getMyPolicyProfile({ services, actor }: { services: Services; actor: Actor }) {
  authorizeOrgUser(actor);
  return presentPolicyProfile(await profileSourceOf(services.db, actor.organizationId));
}

/** Fields sent replace the stored ones (null clears); fields left out stay as they are. */
export async function updateMyPolicyProfile({ services, actor, input }: { services: Services; actor: Actor; input: PolicyProfileInput }) {
  if (!actor.roles.includes('org_admin')) throw forbidden('只有机构管理员可以修改政策画像');
  if (actor.organizationStatus !== 'approved')
    throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能填写政策画像', 403);
  const body = policyProfileInput.parse(input);
  const now = services.now();
  if (body.foundedOn && body.foundedOn > shanghaiDate(now)) throw new DomainError('VALIDATION_FAILED', '成立日期不能晚于今天', 400);
  return inTransaction(services, actor, async (tx, events) => {
    const before = await findPolicyProfile(tx, actor.organizationId);
    const pick = <K extends keyof PolicyProfileInput>(k: K, current: unknown) => (body[k] === undefined ? current : body[k]);
    const after = await upsertPolicyProfile(tx, {
      organizationId: actor.organizationId,
      employees: pick('employees', before?.employees ?? null) as number | null,
      revenueBand: pick('revenueBand', before?.revenueBand ?? null) as string | null,
      rdSharePercent: ((v) => (v === null ? null : String(v)))(
        pick('rdSharePercent', before?.rdSharePercent ?? null) as number | string | null,
      ),
      sectors: pick('sectors', before?.sectors ?? []) as string[],
      foundedOn: pick('foundedOn', before?.foundedOn ?? null) as string | null,
      updatedBy: actor.userId,
      updatedAt: now,
      confirmedBy: null,
      confirmedAt: null,
    });
    const fields = ['employees', 'revenueBand', 'rdSharePercent', 'sectors', 'foundedOn'] as const;
    await events.record({
      action: 'policy_profile.updated',
      entityType: 'organization',
      entityId: actor.organizationId,
      data: {
        before: before ? Object.fromEntries(fields.map((f) => [f, before[f]])) : null,
        after: Object.fromEntries(fields.map((f) => [f, after[f]])),
        confirmationCleared: !!before?.confirmedAt,
      },
    });
    return presentPolicyProfile(await profileSourceOf(tx, actor.organizationId));
  });
}

/** 核验: the operator says the profile is right as it stands. */
export async function confirmPolicyProfile({
  services,
  actor,
  organizationId,
}: {
  services: Services;
  actor: Actor;
  organizationId: string;
}) {
  if (!isOperator(actor)) {
    if (actor.organizationId === organizationId) throw forbidden('只有平台运营方可以核验政策画像');
    throw notFound('机构');
  }
  return inTransaction(services, actor, async (tx, events) => {
    await profileSourceOf(tx, organizationId);
    await confirmRow(tx, organizationId, actor.userId, services.now());
    await events.record({ action: 'policy_profile.confirmed', entityType: 'organization', entityId: organizationId });
    return presentPolicyProfile(await profileSourceOf(tx, organizationId));
  });
}
