import { entryVersions, findBatch, findBatchEntry } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Services } from '../context.js';

/** An entry (any version's id leads to the current one) with its batch and every version. */
export async function publicEntry({ services, id }: { services: Services; id: string }) {
  const entry = await findBatchEntry(services.db, id);
  if (!entry) throw notFound('清单条目');
  const batch = (await findBatch(services.db, entry.batchId))!;
  const versions = await entryVersions(services.db, entry.batchId, entry.seq);
  return { entry: versions.find((v) => v.isCurrent) ?? entry, batch, versions };
}
