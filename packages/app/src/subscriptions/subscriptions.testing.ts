/**
 * TEST HELPER ONLY, not the product's matcher: a deterministic stand-in for the search
 * service's SubscriptionMatcher, so that tests of the subscription jobs test the jobs.
 *   saved search: every given criterion must hold — q is a substring of the title, sector
 *     equal, one tech field shared, region equal; score 1.
 *   profile: a candidate matches when it shares a sector with one of the own items.
 */
import { schema } from '@scenebridge/db';
import { inArray } from 'drizzle-orm';
import type { Services } from '../context.js';
import type { SubscriptionMatcher } from './scan-subscriptions.js';

export function testMatcher(services: Services): SubscriptionMatcher & { calls: number } {
  const load = (ids: string[]) =>
    ids.length ? services.db.select().from(schema.submissions).where(inArray(schema.submissions.id, ids)) : Promise.resolve([]);
  const sectorsOf = (r: typeof schema.submissions.$inferSelect) => {
    const d = r.data as { sectors?: string[]; sector?: string };
    return new Set(d.sectors ?? (d.sector ? [d.sector] : []));
  };
  const m = {
    calls: 0,
    async matchSavedSearch(q: Parameters<SubscriptionMatcher['matchSavedSearch']>[0], ids: string[]) {
      m.calls++;
      return (await load(ids))
        .filter(
          (r) =>
            (!q.q || r.title.includes(q.q)) &&
            (!q.sector || sectorsOf(r).has(q.sector)) &&
            (!q.techFields || q.techFields.some((t) => r.techFields.includes(t))) &&
            (!q.regionCode || r.regionCode === q.regionCode),
        )
        .map((r) => ({ id: r.id, score: 1 }));
    },
    async matchProfile(_org: string, own: string[], candidates: string[]) {
      m.calls++;
      const mine = new Set((await load(own)).flatMap((r) => [...sectorsOf(r)]));
      return (await load(candidates)).filter((r) => [...sectorsOf(r)].some((s) => mine.has(s))).map((r) => ({ id: r.id, score: 1 }));
    },
  };
  return m;
}
