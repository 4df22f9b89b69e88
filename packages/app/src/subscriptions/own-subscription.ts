import { findSubscription, type SubscriptionRow, type Transaction } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { subscriptionPolicy } from './policy.js';

/** The subscription, if the policy lets the actor take this action on it; otherwise 404 as if it did not exist. */
export async function loadSubscription(
  db: Services['db'] | Transaction,
  actor: Actor,
  id: string,
  action: 'view' | 'update' | 'delete' | 'listHits',
  forUpdate = false,
): Promise<SubscriptionRow> {
  const row = await findSubscription(db, id, { forUpdate });
  if (!row) throw notFound(subscriptionPolicy.label);
  subscriptionPolicy.authorize(actor, action, row);
  return row;
}
