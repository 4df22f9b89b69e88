import { findBatch, findCall, listBatchEntries } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Services } from '../context.js';

/** A batch with its current entries and, for corrected entries, the earlier versions. */
export async function publicBatch({ services, id }: { services: Services; id: string }) {
  const batch = await findBatch(services.db, id);
  if (!batch) throw notFound('发布批次');
  const all = await listBatchEntries(services.db, id);
  const call = (await findCall(services.db, batch.callId))!;
  return { batch, call, current: all.filter((e) => e.isCurrent), history: all.filter((e) => !e.isCurrent) };
}
