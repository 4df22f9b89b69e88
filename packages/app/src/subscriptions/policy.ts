/**
 * Who may do what with subscriptions. Only users of organisations keep subscriptions, and only
 * once their organisation is approved (nobody learns about new items before that); each user
 * sees and changes only their own, and another user's subscription does not exist for them.
 * The one-click links in digest emails act without a session: their signed token is the
 * authority, checked before anything is read.
 */
import type { SubscriptionRow } from '@scenebridge/db';
import { DomainError, forbidden } from '@scenebridge/domain';
import { isOrgUser, type Actor } from '../context.js';
import { checkUnsubscribe } from '../mail/index.js';
import { definePolicy, requireActor, type Rule } from '../shared/index.js';

/** Operators, reviewers and brokers act for the platform, not for an organisation: they have no subscriptions. */
export const keepsSubscriptions = (a: Actor | null): boolean => isOrgUser(a);
/** An organisation still under review (or turned down, or suspended) receives nothing. */
export const organizationMaySubscribe = (a: Actor | null): boolean => !!a && a.organizationStatus === 'approved';
export const maySubscribe = (a: Actor | null): boolean => keepsSubscriptions(a) && organizationMaySubscribe(a);

type Owned = Pick<SubscriptionRow, 'userId'>;
const ownSubscription: Rule<Owned> = (a, s) => maySubscribe(a) && a!.userId === s.userId;

export const subscriptionPolicy = definePolicy<Owned, 'update' | 'delete' | 'listHits'>('订阅', {
  view: ownSubscription,
  update: ownSubscription,
  delete: ownSubscription,
  listHits: ownSubscription,
});

/**
 * Before any subscription is read: role first, then the organisation's standing, each with its
 * own answer (the web tells an operator and a user of an unapproved organisation apart).
 */
export function authorizeSubscriber(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (!keepsSubscriptions(me)) throw forbidden('只有机构用户可以订阅');
  if (!organizationMaySubscribe(me)) throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能订阅', 403);
  return me;
}

/** The same answer whether or not the subscription exists, so a link cannot probe for one. */
export function authorizeEmailLink(secret: Buffer, subscriptionId: string, token: string): void {
  if (!checkUnsubscribe(secret, subscriptionId, token)) throw new DomainError('UNSUBSCRIBE_LINK_INVALID', '退订链接无效或已被修改', 403);
}
