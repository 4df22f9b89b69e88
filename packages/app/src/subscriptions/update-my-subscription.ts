/**
 * Subscriptions: saved searches and "match me" profiles of a user of an approved organisation.
 * Each user sees and changes only their own; another user's subscription answers 404.
 */
import {
  appendAuditEvents, countSubscriptionsOfUser, deleteSubscription, findSubscription, findUser, insertSubscription,
  listHits, listSubscriptionsOfUser, submissionsOfOrganization, updateSubscription, type SubscriptionRow, type Transaction,
} from '@scenebridge/db';
import { DomainError, forbidden, LIST_TYPES, notFound, regionCodeSchema, sectorSchema, techFieldSchema } from '@scenebridge/domain';
import { z } from 'zod';
import { isOrgUser, type Actor, type Services } from '../context.js';
import { checkUnsubscribe, unsubscribeSecret } from '../mail/index.js';
import { auditEvent } from '../audit/index.js';
import { validationError } from '../submissions/index.js';

export const MAX_SUBSCRIPTIONS_PER_USER = 20;
export const SUBSCRIPTION_KINDS = ['saved_search', 'match_profile'] as const;
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;

export const savedSearchQuerySchema = z.object({
  q: z.string().trim().min(1, '关键词不能为空').max(100, '关键词不能超过100个字').optional(),
  listType: z.enum(LIST_TYPES).optional(),
  sector: sectorSchema.optional(),
  techFields: z.array(techFieldSchema).min(1).max(5, '技术领域最多5个').optional(),
  regionCode: regionCodeSchema.optional(),
}).strict().refine((q) => Object.values(q).some((v) => v !== undefined), '请至少填写一个订阅条件');
export type SavedSearchQuery = z.infer<typeof savedSearchQuerySchema>;

export const matchProfileQuerySchema = z.object({
  submissionIds: z.array(z.uuid('编号格式不正确')).min(1, '请至少选择一项本机构的需求或能力').max(20, '最多选择20项'),
}).strict();
export type MatchProfileQuery = z.infer<typeof matchProfileQuerySchema>;

const name = z.string().trim().min(1, '请填写订阅名称').max(60, '订阅名称不能超过60个字');
const common = { name, frequency: z.enum(DIGEST_FREQUENCIES).default('daily'), emailEnabled: z.boolean().default(true) };
export const createSubscriptionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved_search'), ...common, query: savedSearchQuerySchema }),
  z.object({ kind: z.literal('match_profile'), ...common, query: matchProfileQuerySchema }),
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

/** Role first, then the organisation's standing: nobody learns about objects they may not have. */
function subscriber(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  if (!isOrgUser(actor)) throw forbidden('只有机构用户可以订阅');
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能订阅', 403);
  return actor;
}

async function ownSubscription(db: Services['db'] | Transaction, actor: Actor, id: string, forUpdate = false): Promise<SubscriptionRow> {
  const row = await findSubscription(db, id, { forUpdate });
  if (!row || row.userId !== actor.userId) throw notFound('订阅');
  return row;
}

export function presentSubscription(s: SubscriptionRow, pendingHits = 0) {
  return {
    id: s.id, kind: s.kind, name: s.name, query: s.query, frequency: s.frequency, emailEnabled: s.emailEnabled,
    active: s.unsubscribedAt === null, createdAt: s.createdAt, unsubscribedAt: s.unsubscribedAt, lastDigestAt: s.lastDigestAt, pendingHits,
  };
}

/** A profile lists only the caller's organisation's own items (any other id is refused alike). */
async function checkQuery(db: Services['db'] | Transaction, actor: Actor, kind: string, query: unknown) {
  const parsed = (kind === 'saved_search' ? savedSearchQuerySchema : matchProfileQuerySchema).safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  if (kind === 'match_profile') {
    const ids = [...new Set((parsed.data as MatchProfileQuery).submissionIds)];
    const own = await submissionsOfOrganization(db, actor.organizationId, ids);
    if (own.length !== ids.length) throw new DomainError('PROFILE_ITEMS_INVALID', '只能选择本机构的需求或能力', 400);
    return { submissionIds: ids };
  }
  return parsed.data;
}

export async function listMySubscriptions({ services, actor }: { services: Services; actor: Actor | null }) {
  const me = subscriber(actor);
  const rows = await listSubscriptionsOfUser(services.db, me.userId);
  return rows.map((r) => presentSubscription(r.subscription, r.pendingHits));
}

export async function getMySubscription({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const me = subscriber(actor);
  const row = await ownSubscription(services.db, me, id);
  return presentSubscription(row, (await listHits(services.db, id, { pendingOnly: true, limit: 1, offset: 0 })).total);
}

export async function createSubscription({ services, actor, input }: {
  services: Services; actor: Actor | null; input: z.infer<typeof createSubscriptionBody>;
}) {
  const me = subscriber(actor);
  return services.db.transaction(async (tx) => {
    if ((await countSubscriptionsOfUser(tx, me.userId)) >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new DomainError('SUBSCRIPTION_LIMIT', `每位用户最多${MAX_SUBSCRIPTIONS_PER_USER}个订阅`, 409);
    }
    const query = await checkQuery(tx, me, input.kind, input.query);
    const row = await insertSubscription(tx, {
      userId: me.userId, organizationId: me.organizationId, kind: input.kind, name: input.name, query,
      frequency: input.frequency, emailEnabled: input.emailEnabled, createdAt: services.now(),
    });
    await appendAuditEvents(tx, [auditEvent(me, { action: 'subscription.created', entityType: 'subscription', entityId: row.id, toState: 'active', data: { kind: row.kind, name: row.name, frequency: row.frequency } })]);
    return presentSubscription(row);
  });
}

export async function updateMySubscription({ services, actor, id, patch }: {
  services: Services; actor: Actor | null; id: string; patch: z.infer<typeof updateSubscriptionBody>;
}) {
  const me = subscriber(actor);
  return services.db.transaction(async (tx) => {
    const row = await ownSubscription(tx, me, id, true);
    const query = patch.query === undefined ? undefined : await checkQuery(tx, me, row.kind, patch.query);
    const now = services.now();
    const toggled = patch.active === undefined || patch.active === (row.unsubscribedAt === null) ? null : patch.active;
    const updated = await updateSubscription(tx, id, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.frequency === undefined ? {} : { frequency: patch.frequency }),
      ...(patch.emailEnabled === undefined ? {} : { emailEnabled: patch.emailEnabled }),
      ...(query === undefined ? {} : { query }),
      ...(toggled === null ? {} : { unsubscribedAt: toggled ? null : now }),
    });
    if (toggled !== null) {
      await appendAuditEvents(tx, [auditEvent(me, {
        action: toggled ? 'subscription.resubscribed' : 'subscription.unsubscribed', entityType: 'subscription', entityId: id,
        fromState: toggled ? 'unsubscribed' : 'active', toState: toggled ? 'active' : 'unsubscribed', data: { via: 'app' },
      })]);
    }
    return presentSubscription(updated!, (await listHits(tx, id, { pendingOnly: true, limit: 1, offset: 0 })).total);
  });
}

export async function deleteMySubscription({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const me = subscriber(actor);
  await services.db.transaction(async (tx) => {
    const row = await ownSubscription(tx, me, id, true);
    await deleteSubscription(tx, id);
    await appendAuditEvents(tx, [auditEvent(me, { action: 'subscription.deleted', entityType: 'subscription', entityId: id, fromState: row.unsubscribedAt ? 'unsubscribed' : 'active', data: { kind: row.kind, name: row.name } })]);
  });
}

export async function mySubscriptionHits({ services, actor, id, page, pageSize }: {
  services: Services; actor: Actor | null; id: string; page: number; pageSize: number;
}) {
  const me = subscriber(actor);
  await ownSubscription(services.db, me, id);
  const { items, total } = await listHits(services.db, id, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize };
}

/**
 * One-click unsubscribe (and its undo) from an email link. Authorised by the signed token
 * alone, never by a session. A wrong token is refused before anything is read, so the answer
 * says nothing about whether the subscription exists.
 */
export async function setSubscribedWithToken({ services, subscriptionId, token, subscribed }: {
  services: Services; subscriptionId: string; token: string; subscribed: boolean;
}): Promise<{ name: string | null; changed: boolean }> {
  const secret = await unsubscribeSecret(services.db);
  if (!checkUnsubscribe(secret, subscriptionId, token)) throw new DomainError('UNSUBSCRIBE_LINK_INVALID', '退订链接无效或已被修改', 403);
  return services.db.transaction(async (tx) => {
    const row = await findSubscription(tx, subscriptionId, { forUpdate: true });
    // Deleted since the email went out: there is nothing left to send, which is what was asked.
    if (!row) return { name: null, changed: false };
    if ((row.unsubscribedAt === null) === subscribed) return { name: row.name, changed: false };
    await updateSubscription(tx, row.id, { unsubscribedAt: subscribed ? null : services.now() });
    const user = await findUser(tx, row.userId);
    await appendAuditEvents(tx, [{
      // The subscriber acts through the link; the label says how, for the inspector.
      actorUserId: row.userId, actorLabel: `${user ? `${user.displayName} <${user.email}>` : row.userId}（邮件退订链接）`,
      action: subscribed ? 'subscription.resubscribed' : 'subscription.unsubscribed', entityType: 'subscription', entityId: row.id,
      fromState: subscribed ? 'unsubscribed' : 'active', toState: subscribed ? 'active' : 'unsubscribed', data: { via: 'email_link' },
    }]);
    return { name: row.name, changed: true };
  });
}
