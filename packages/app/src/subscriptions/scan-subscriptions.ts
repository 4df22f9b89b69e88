/**
 * The subscription scan: matching newly published items against every active subscription
 * (hits + one in-app notification per subscription per scan). Writing those notifications is
 * the job's own work, not a consequence of a recorded change, so it writes them itself. Safe to
 * run twice, or in two processes at once.
 */
import { createHash } from 'node:crypto';
import {
  currentXmin,
  getSetting,
  insertHits,
  listActiveSubscriptions,
  listPublishedSince,
  lockActiveSubscriptions,
  lockSetting,
  notifyUsers,
  putSetting,
  submissionsOfOrganization,
  type NotifyItem,
  type PublishedCandidate,
  type SubscriptionRow,
} from '@scenebridge/db';
import type { Services } from '../context.js';
import { LISTING_SUBSCRIPTION_KINDS, type MatchProfileQuery, type SavedSearchQuery } from './schemas.js';

export interface ScoredItem {
  id: string;
  /** > 0 for a match; the order of a digest. */
  score: number;
}

/**
 * What the scan asks of the search service (packages/app/src/search implements it). Both
 * methods are given the ids to consider and return the matching ones among them; they must
 * score items that were published a moment ago, even if the index has not caught up yet.
 */
export interface SubscriptionMatcher {
  matchSavedSearch(query: SavedSearchQuery, submissionIds: string[]): Promise<ScoredItem[]>;
  /** Items among candidateIds that fit the organisation's own items (needs ↔ capabilities). */
  matchProfile(organizationId: string, ownSubmissionIds: string[], candidateIds: string[]): Promise<ScoredItem[]>;
}

const WATERMARK = 'subscriptions.scan_watermark';
/**
 * Where the last scan ended. `scans` counts completed scans: the xid alone may not move between
 * two scans (the oldest running transaction anywhere on the server holds it back), so it cannot
 * tell a scan that another one finished meanwhile.
 */
interface Watermark {
  xid: string;
  scannedAt?: string;
  scans?: number;
}
const OPPOSITE: Record<string, string> = { scenario_need: 'capability', capability: 'scenario_need' };

async function matchOne(
  services: Services,
  matcher: SubscriptionMatcher,
  sub: SubscriptionRow,
  candidates: PublishedCandidate[],
): Promise<ScoredItem[]> {
  // Only items first published after the subscription began, and never the subscriber's own.
  let pool = candidates.filter((c) => c.organizationId !== sub.organizationId && c.firstPublishedAt >= sub.createdAt);
  let found: ScoredItem[];
  if (sub.kind === 'match_profile') {
    const own = await submissionsOfOrganization(services.db, sub.organizationId, (sub.query as MatchProfileQuery).submissionIds ?? []);
    const wanted = new Set(own.map((o) => OPPOSITE[o.listType]));
    pool = pool.filter((c) => wanted.has(c.listType));
    if (own.length === 0 || pool.length === 0) return [];
    found = await matcher.matchProfile(
      sub.organizationId,
      own.map((o) => o.id),
      pool.map((c) => c.id),
    );
  } else {
    const query = sub.query as SavedSearchQuery;
    if (query.listType) pool = pool.filter((c) => c.listType === query.listType);
    if (pool.length === 0) return [];
    found = await matcher.matchSavedSearch(
      query,
      pool.map((c) => c.id),
    );
  }
  const allowed = new Set(pool.map((c) => c.id));
  return found.filter((f) => allowed.has(f.id) && f.score > 0);
}

function hitsNotification(sub: SubscriptionRow, items: PublishedCandidate[]): NotifyItem {
  const ids = items.map((i) => i.id).sort();
  const titles = items
    .slice(0, 3)
    .map((i) => `「${i.title}」`)
    .join('、');
  return {
    userId: sub.userId,
    kind: 'subscription.hits',
    title: `订阅「${sub.name}」有${items.length}项新发布的匹配项目`,
    body: items.length > 3 ? `${titles}等${items.length}项` : titles,
    link: `/subscriptions/${sub.id}`,
    data: { subscriptionId: sub.id, submissionIds: ids },
    // The same new hits always give the same key, so a retried scan notifies once.
    dedupeKey: `subscription.hits:${sub.id}:${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 24)}`,
  };
}

export interface ScanReport {
  candidates: number;
  subscriptions: number;
  hits: number;
  notified: number;
  skipped: boolean;
}

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
  // The policy kinds are not about listings: 政策动态 is mailed on publication, policy matches on policy.publish.
  const subs = candidates.length ? (await listActiveSubscriptions(db)).filter((s) => LISTING_SUBSCRIPTION_KINDS.includes(s.kind)) : [];
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
      const fresh = await insertHits(
        tx,
        sub.id,
        found.get(sub.id)!.map((h) => ({ submissionId: h.id, score: h.score })),
        now,
      );
      report.hits += fresh.length;
      if (fresh.length)
        notes.push(
          hitsNotification(
            sub,
            fresh.map((id) => byId.get(id)!),
          ),
        );
    }
    await notifyUsers(tx, notes);
    report.notified = notes.length;
    await putSetting(tx, WATERMARK, { xid: next, scannedAt: now.toISOString(), scans: (locked.scans ?? 0) + 1 } satisfies Watermark);
    return report;
  });
}
