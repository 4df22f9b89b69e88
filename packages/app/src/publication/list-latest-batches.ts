import { listBatchEntries, listBatches } from '@scenebridge/db';
import type { Services } from '../context.js';

/**
 * The newest batches with their current entries, for the feed: one query for the batches and
 * their count, then one indexed query per batch (so keep `limit` small).
 */
export async function latestBatchesWithEntries({ services, limit }: { services: Services; limit: number }) {
  const latest = await listBatches(services.db, { limit, offset: 0 });
  const entries = await Promise.all(latest.items.map((b) => listBatchEntries(services.db, b.id, { currentOnly: true })));
  return latest.items.map((batch, i) => ({ batch, current: entries[i]! }));
}
