/**
 * The subscription jobs: matching newly published items against every active subscription
 * (hits + one in-app notification per subscription per scan), and the daily or weekly email
 * digest of the hits not yet sent. Both are safe to run twice, or in two processes at once.
 */
import { createHash } from 'node:crypto';
import {
  currentXmin, enqueueOutbox, findSubscription, getSetting, insertHits, listActiveSubscriptions, listHits,
  listPublishedSince, listSubscriptionsWithPendingHits, lockActiveSubscriptions, lockSetting, markHitsDigested, notifyUsers,
  putSetting, submissionsOfOrganization, updateSubscription, type NotifyItem, type PublishedCandidate, type SubscriptionRow,
} from '@scenebridge/db';
import type { Services } from '../context.js';
import { renderDigest } from '../mail/index.js';
import { signUnsubscribe, unsubscribeSecret, unsubscribeUrl } from '../mail/index.js';
import { DIGEST_EMAIL, type PrerenderedEmailPayload } from '../mail/index.js';
import type { MatchProfileQuery, SavedSearchQuery } from './subscriptions.js';

export interface ScoredItem {
  id: string;
  /** > 0 for a match; the order of a digest. */
  score: number;
}

/**
 * What the scan asks of the search service (packages/server/src/search implements it). Both
 * methods are given the ids to consider and return the matching ones among them; they must
 * score items that were published a moment ago, even if the index has not caught up yet.
 */
export interface SubscriptionMatcher {
  matchSavedSearch(query: SavedSearchQuery, submissionIds: string[]): Promise<ScoredItem[]>;
  /** Items among candidateIds that fit the organisation's own items (needs ↔ capabilities). */
  matchProfile(organizationId: string, ownSubmissionIds: string[], candidateIds: string[]): Promise<ScoredItem[]>;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** Days counted in Asia/Shanghai (UTC+8, no daylight saving): the platform's calendar. */
export const shanghaiDay = (d: Date) => Math.floor((d.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
export const shanghaiDate = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export function isDigestDue(s: Pick<SubscriptionRow, 'frequency' | 'lastDigestAt'>, now: Date): boolean {
  if (!s.lastDigestAt) return true;
  return shanghaiDay(now) - shanghaiDay(s.lastDigestAt) >= (s.frequency === 'weekly' ? 7 : 1);
}

const WATERMARK = 'subscriptions.scan_watermark';
/**
 * Where the last scan ended. `scans` counts completed scans: the xid alone may not move between
 * two scans (the oldest running transaction anywhere on the server holds it back), so it cannot
 * tell a scan that another one finished meanwhile.
 */
interface Watermark { xid: string; scannedAt?: string; scans?: number }
const OPPOSITE: Record<string, string> = { scenario_need: 'capability', capability: 'scenario_need' };

async function matchOne(services: Services, matcher: SubscriptionMatcher, sub: SubscriptionRow, candidates: PublishedCandidate[]): Promise<ScoredItem[]> {
  // Only items first published after the subscription began, and never the subscriber's own.
  let pool = candidates.filter((c) => c.organizationId !== sub.organizationId && c.firstPublishedAt >= sub.createdAt);
  let found: ScoredItem[];
  if (sub.kind === 'match_profile') {
    const own = await submissionsOfOrganization(services.db, sub.organizationId, (sub.query as MatchProfileQuery).submissionIds ?? []);
    const wanted = new Set(own.map((o) => OPPOSITE[o.listType]));
    pool = pool.filter((c) => wanted.has(c.listType));
    if (own.length === 0 || pool.length === 0) return [];
    found = await matcher.matchProfile(sub.organizationId, own.map((o) => o.id), pool.map((c) => c.id));
  } else {
    const query = sub.query as SavedSearchQuery;
    if (query.listType) pool = pool.filter((c) => c.listType === query.listType);
    if (pool.length === 0) return [];
    found = await matcher.matchSavedSearch(query, pool.map((c) => c.id));
  }
  const allowed = new Set(pool.map((c) => c.id));
  return found.filter((f) => allowed.has(f.id) && f.score > 0);
}

function hitsNotification(sub: SubscriptionRow, items: PublishedCandidate[]): NotifyItem {
  const ids = items.map((i) => i.id).sort();
  const titles = items.slice(0, 3).map((i) => `「${i.title}」`).join('、');
  return {
    userId: sub.userId, kind: 'subscription.hits', title: `订阅「${sub.name}」有${items.length}项新发布的匹配项目`,
    body: items.length > 3 ? `${titles}等${items.length}项` : titles,
    link: `/subscriptions/${sub.id}`, data: { subscriptionId: sub.id, submissionIds: ids },
    // The same new hits always give the same key, so a retried scan notifies once.
    dedupeKey: `subscription.hits:${sub.id}:${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 24)}`,
  };
}

export interface ScanReport { candidates: number; subscriptions: number; hits: number; notified: number; skipped: boolean }

/**
 * Reads items published since the watermark, asks the matcher about each active subscription
 * (outside any transaction: the matcher may read the database itself), then records the new
 * hits, their notifications and the advanced watermark in one transaction. The watermark is
 * the oldest transaction still running when the scan began (see currentXmin), so an item
 * whose publication commits late is read by the next scan; hits are unique per subscription
 * and item, so reading an item twice changes nothing.
 */
export async function scanSubscriptions(services: Services, matcher: SubscriptionMatcher): Promise<ScanReport> {
  const db = services.db;
  const seen = await getSetting<Watermark>(db, WATERMARK);
  const start = seen?.xid ?? '0';
  const next = await currentXmin(db);
  const candidates = await listPublishedSince(db, start);
  const subs = candidates.length ? await listActiveSubscriptions(db) : [];
  const found = new Map<string, ScoredItem[]>();
  for (const sub of subs) {
    const hits = await matchOne(services, matcher, sub, candidates);
    if (hits.length) found.set(sub.id, hits);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const now = services.now();
  return db.transaction(async (tx) => {
    const report: ScanReport = { candidates: candidates.length, subscriptions: subs.length, hits: 0, notified: 0, skipped: false };
    // Serialises scans across processes; one that lost the race leaves the range to the winner.
    const locked = await lockSetting<Watermark>(tx, WATERMARK, { xid: '0' });
    if (locked.xid !== start || (locked.scans ?? 0) !== (seen?.scans ?? 0)) return { ...report, skipped: true };
    // Locked, so a subscription deleted or unsubscribed meanwhile is left out rather than failing the insert.
    const live = await lockActiveSubscriptions(tx, [...found.keys()]);
    const notes: NotifyItem[] = [];
    for (const sub of live) {
      const fresh = await insertHits(tx, sub.id, found.get(sub.id)!.map((h) => ({ submissionId: h.id, score: h.score })), now);
      report.hits += fresh.length;
      if (fresh.length) notes.push(hitsNotification(sub, fresh.map((id) => byId.get(id)!)));
    }
    await notifyUsers(tx, notes);
    report.notified = notes.length;
    await putSetting(tx, WATERMARK, { xid: next, scannedAt: now.toISOString(), scans: (locked.scans ?? 0) + 1 } satisfies Watermark);
    return report;
  });
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
          subscriptionName: sub.name, frequency: sub.frequency === 'weekly' ? 'weekly' : 'daily', items, total, baseUrl: base,
          manageUrl: `${base}/subscriptions/${sub.id}`, unsubscribeUrl: unsubscribeUrl(base, sub.id, signUnsubscribe(secret, sub.id)),
        });
        const queued = await enqueueOutbox(tx, [{
          kind: DIGEST_EMAIL, dedupeKey: `digest:${sub.id}:${shanghaiDate(now)}`, availableAt: now,
          payload: { to: c.email, ...rendered } satisfies PrerenderedEmailPayload,
        }]);
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
