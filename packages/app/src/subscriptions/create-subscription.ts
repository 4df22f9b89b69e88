import { countSubscriptionsOfUser, insertSubscription } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeSubscriber } from './policy.js';
import { presentSubscription } from './present.js';
import { checkQuery } from './query.js';
import { MAX_SUBSCRIPTIONS_PER_USER, type createSubscriptionBody } from './schemas.js';

export async function createSubscription({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor | null;
  input: z.infer<typeof createSubscriptionBody>;
}) {
  const me = authorizeSubscriber(actor);
  return inTransaction(services, me, async (tx, events) => {
    if ((await countSubscriptionsOfUser(tx, me.userId)) >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new DomainError('SUBSCRIPTION_LIMIT', `每位用户最多${MAX_SUBSCRIPTIONS_PER_USER}个订阅`, 409);
    }
    const query = await checkQuery(tx, me, input.kind, input.query);
    const row = await insertSubscription(tx, {
      userId: me.userId,
      organizationId: me.organizationId,
      kind: input.kind,
      name: input.name,
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
    return presentSubscription(row);
  });
}
