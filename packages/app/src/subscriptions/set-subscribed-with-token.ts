import { findSubscription, findUser, updateSubscription } from '@scenebridge/db';
import type { Services } from '../context.js';
import { unsubscribeSecret } from '../mail/index.js';
import { inTransaction } from '../shared/index.js';
import { authorizeEmailLink } from './policy.js';

/**
 * One-click unsubscribe (and its undo) from an email link. Authorised by the signed token
 * alone, never by a session. A wrong token is refused before anything is read, so the answer
 * says nothing about whether the subscription exists.
 */
export async function setSubscribedWithToken({
  services,
  subscriptionId,
  token,
  subscribed,
}: {
  services: Services;
  subscriptionId: string;
  token: string;
  subscribed: boolean;
}): Promise<{ name: string | null; changed: boolean }> {
  authorizeEmailLink(await unsubscribeSecret(services.db), subscriptionId, token);
  return inTransaction(services, null, async (tx, events) => {
    const row = await findSubscription(tx, subscriptionId, { forUpdate: true });
    // Deleted since the email went out: there is nothing left to send, which is what was asked.
    if (!row) return { name: null, changed: false };
    if ((row.unsubscribedAt === null) === subscribed) return { name: row.name, changed: false };
    await updateSubscription(tx, row.id, { unsubscribedAt: subscribed ? null : services.now() });
    const user = await findUser(tx, row.userId);
    await events.record({
      // The subscriber acts through the link; the label says how, for the inspector.
      actedBy: { userId: row.userId, label: `${user ? `${user.displayName} <${user.email}>` : row.userId}（邮件退订链接）` },
      action: subscribed ? 'subscription.resubscribed' : 'subscription.unsubscribed',
      entityType: 'subscription',
      entityId: row.id,
      fromState: subscribed ? 'unsubscribed' : 'active',
      toState: subscribed ? 'active' : 'unsubscribed',
      data: { via: 'email_link' },
    });
    return { name: row.name, changed: true };
  });
}
