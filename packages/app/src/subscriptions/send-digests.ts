/**
 * The daily or weekly email digest of the hits not yet sent. Queueing those emails is the job's
 * own work (nothing is audited), so it writes the outbox rows itself. Safe to run twice, or in
 * two processes at once.
 */
import {
  enqueueOutbox,
  findSubscription,
  listHits,
  listSubscriptionsWithPendingHits,
  markHitsDigested,
  updateSubscription,
  type SubscriptionRow,
} from '@scenebridge/db';
import type { Services } from '../context.js';
import {
  DIGEST_EMAIL,
  renderDigest,
  signUnsubscribe,
  unsubscribeSecret,
  unsubscribeUrl,
  type PrerenderedEmailPayload,
} from '../mail/index.js';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** Days counted in Asia/Shanghai (UTC+8, no daylight saving): the platform's calendar. */
export const shanghaiDay = (d: Date) => Math.floor((d.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
export const shanghaiDate = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export function isDigestDue(s: Pick<SubscriptionRow, 'frequency' | 'lastDigestAt'>, now: Date): boolean {
  if (!s.lastDigestAt) return true;
  return shanghaiDay(now) - shanghaiDay(s.lastDigestAt) >= (s.frequency === 'weekly' ? 7 : 1);
}

const DIGEST_MAX_ITEMS = 30;

/**
 * One email per due subscription with pending hits (daily: a new Shanghai day since the last
 * digest; weekly: seven days), queued in the outbox with its hits marked digested in the same
 * transaction. The subscription row is locked, so a scan or a second digest run waits; the
 * dedupe key (subscription + Shanghai date) keeps a repeated run from queueing anything new.
 * Subscriptions with email turned off, or of a disabled user, have their hits marked without
 * an email (they were already notified in the app).
 */
export async function sendDigests(services: Services, now: Date = services.now()): Promise<{ queued: number; silent: number }> {
  const due = (await listSubscriptionsWithPendingHits(services.db)).filter((c) => isDigestDue(c.subscription, now));
  const out = { queued: 0, silent: 0 };
  if (due.length === 0) return out;
  const secret = await unsubscribeSecret(services.db);
  const base = services.config.publicBaseUrl;
  for (const c of due) {
    await services.db.transaction(async (tx) => {
      const sub = await findSubscription(tx, c.subscription.id, { forUpdate: true });
      if (!sub || sub.unsubscribedAt || !isDigestDue(sub, now)) return;
      const { items, total } = await listHits(tx, sub.id, { pendingOnly: true, limit: DIGEST_MAX_ITEMS, offset: 0 });
      if (total === 0) return;
      if (sub.emailEnabled && !c.userDisabled) {
        const rendered = renderDigest({
          subscriptionName: sub.name,
          frequency: sub.frequency === 'weekly' ? 'weekly' : 'daily',
          items,
          total,
          baseUrl: base,
          manageUrl: `${base}/subscriptions/${sub.id}`,
          unsubscribeUrl: unsubscribeUrl(base, sub.id, signUnsubscribe(secret, sub.id)),
        });
        const queued = await enqueueOutbox(tx, [
          {
            kind: DIGEST_EMAIL,
            dedupeKey: `digest:${sub.id}:${shanghaiDate(now)}`,
            availableAt: now,
            payload: { to: c.email, ...rendered } satisfies PrerenderedEmailPayload,
          },
        ]);
        if (queued.length === 0) return;
        out.queued++;
      } else {
        out.silent++;
      }
      await markHitsDigested(tx, sub.id, 'all', now);
      await updateSubscription(tx, sub.id, { lastDigestAt: now });
    });
  }
  return out;
}
