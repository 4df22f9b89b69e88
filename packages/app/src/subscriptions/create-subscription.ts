import {
  countSubscriptionsOfUser,
  insertSubscription,
  latestSubscriptionOfKind,
  lockSubscriptionKindOfUser,
  updateSubscription,
  type Transaction,
} from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction, type TransactionEvents } from '../shared/index.js';
import { authorizeSubscriber } from './policy.js';
import { presentSubscription } from './present.js';
import { checkQuery } from './query.js';
import { MAX_SUBSCRIPTIONS_PER_USER, POLICY_SUBSCRIPTION_NAMES, type createSubscriptionBody } from './schemas.js';

type Input = z.infer<typeof createSubscriptionBody>;

/**
 * 订阅政策动态 is one click and one per user: a second create answers the active one, and one
 * ended earlier is taken up again rather than piling up rows.
 */
async function existingPolicyDigest(tx: Transaction, events: TransactionEvents, me: Actor) {
  await lockSubscriptionKindOfUser(tx, me.userId, 'policy_digest');
  const active = await latestSubscriptionOfKind(tx, me.userId, 'policy_digest', { active: true });
  if (active) return active;
  const ended = await latestSubscriptionOfKind(tx, me.userId, 'policy_digest', { active: false });
  if (!ended) return null;
  const row = (await updateSubscription(tx, ended.id, { unsubscribedAt: null }))!;
  await events.record({
    action: 'subscription.resubscribed',
    entityType: 'subscription',
    entityId: row.id,
    fromState: 'unsubscribed',
    toState: 'active',
    data: { via: 'app' },
  });
  return row;
}

export async function createSubscription({ services, actor, input }: { services: Services; actor: Actor | null; input: Input }) {
  const me = authorizeSubscriber(actor);
  return inTransaction(services, me, async (tx, events) => {
    if (input.kind === 'policy_digest') {
      const existing = await existingPolicyDigest(tx, events, me);
      // It never has listing hits: nothing is pending.
      if (existing) return { subscription: presentSubscription(existing), created: false };
    }
    if ((await countSubscriptionsOfUser(tx, me.userId)) >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new DomainError('SUBSCRIPTION_LIMIT', `每位用户最多${MAX_SUBSCRIPTIONS_PER_USER}个订阅`, 409);
    }
    const query = await checkQuery(tx, me, input.kind, input.query);
    const name = input.name ?? POLICY_SUBSCRIPTION_NAMES[input.kind as keyof typeof POLICY_SUBSCRIPTION_NAMES];
    const row = await insertSubscription(tx, {
      userId: me.userId,
      organizationId: me.organizationId,
      kind: input.kind,
      name,
      query,
      frequency: input.frequency,
      emailEnabled: input.emailEnabled,
      createdAt: services.now(),
    });
    await events.record({
      action: 'subscription.created',
      entityType: 'subscription',
      entityId: row.id,
      toState: 'active',
      data: { kind: row.kind, name: row.name, frequency: row.frequency },
    });
    return { subscription: presentSubscription(row), created: true };
  });
}
