import type { Actor, Services } from '../context.js';
import {
  assembleBenchmarkBatch,
  toBenchmarkDocument,
  validateBenchmarkItems,
  type BenchmarkBatchOptions,
  type BenchmarkItem,
} from './benchmark-batch.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';

/** What publishing would write now, as the documents print it; nothing is written or audited. */
export async function previewBenchmarkBatch({
  services,
  actor,
  items,
  options = {},
}: {
  services: Services;
  actor: Actor | null;
  items: readonly BenchmarkItem[];
  options?: BenchmarkBatchOptions;
}) {
  publicationPolicy.authorize(actor, 'promote', PUBLISHED_LISTS);
  validateBenchmarkItems(items);
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const planned = await assembleBenchmarkBatch(tx, actor!, items, options, now);
    return toBenchmarkDocument({ ...planned, id: 'preview', publishedAt: now }, planned.entries);
  });
}
