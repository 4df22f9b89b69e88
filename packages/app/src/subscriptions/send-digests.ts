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
  listPolicyMatchSubscriptionsWithPending,
  updateSubscription,
  type SubscriptionRow,
  type Transaction,
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
import { policyMatchDigest, type DigestFrame } from './policy-match-digest.js';

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
 * an email (they were already notified in the app). A 新政策匹配提醒 subscription's items are its
 * policy.match notifications not yet mailed (./policy-match-digest.ts), on the same schedule.
 */
export async function sendDigests(services: Services, now: Date = services.now()): Promise<{ queued: number; silent: number }> {
  const [listing, policy] = await Promise.all([
    listSubscriptionsWithPendingHits(services.db),
    listPolicyMatchSubscriptionsWithPending(services.db),
  ]);
  const due = [...listing, ...policy].filter((c) => isDigestDue(c.subscription, now));
  const out = { queued: 0, silent: 0 };
  if (due.length === 0) return out;
  const secret = await unsubscribeSecret(services.db);
  const base = services.config.publicBaseUrl;
  for (const c of due) {
    await services.db.transaction(async (tx) => {
      const sub = await findSubscription(tx, c.subscription.id, { forUpdate: true });
      if (!sub || sub.unsubscribedAt || !isDigestDue(sub, now)) return;
      const frame = {
        baseUrl: base,
        frequency: sub.frequency === 'weekly' ? ('weekly' as const) : ('daily' as const),
        // A policy match has no hits page: its subscription is managed from the list.
        manageUrl: sub.kind === 'policy_match' ? `${base}/subscriptions` : `${base}/subscriptions/${sub.id}`,
        unsubscribeUrl: unsubscribeUrl(base, sub.id, signUnsubscribe(secret, sub.id)),
      };
      const digest = sub.kind === 'policy_match' ? await policyMatchDigest(tx, sub, frame) : await listingDigest(tx, sub, frame);
      if (!digest) return;
      if (sub.emailEnabled && !c.userDisabled) {
        const queued = await enqueueOutbox(tx, [
          {
            kind: DIGEST_EMAIL,
            dedupeKey: `digest:${sub.id}:${shanghaiDate(now)}`,
            availableAt: now,
            payload: { to: c.email, ...digest.render() } satisfies PrerenderedEmailPayload,
          },
        ]);
        if (queued.length === 0) return;
        out.queued++;
      } else {
        out.silent++;
      }
      await digest.markSent(now);
      await updateSubscription(tx, sub.id, { lastDigestAt: now });
    });
  }
  return out;
}

/** A listing subscription's pending hits as an email, and how to mark them sent; null when none are pending. */
async function listingDigest(tx: Transaction, sub: SubscriptionRow, f: DigestFrame) {
  const { items, total } = await listHits(tx, sub.id, { pendingOnly: true, limit: DIGEST_MAX_ITEMS, offset: 0 });
  if (total === 0) return null;
  return {
    render: () =>
      renderDigest({
        subscriptionName: sub.name,
        frequency: f.frequency,
        items,
        total,
        baseUrl: f.baseUrl,
        manageUrl: f.manageUrl,
        unsubscribeUrl: f.unsubscribeUrl,
      }),
    markSent: (at: Date) => markHitsDigested(tx, sub.id, 'all', at),
  };
}
