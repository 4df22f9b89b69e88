import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { publishBenchmarkBatch } from './publish-benchmark-batch.js';

/** One accepted item into the 标杆案例清单: a batch of one, numbered in the benchmark series. */
export async function promoteToBenchmark({
  services,
  actor,
  submissionId,
  resultsText,
}: {
  services: Services;
  actor: Actor | null;
  submissionId: string;
  resultsText: string;
}) {
  const r = await publishBenchmarkBatch({ services, actor, items: [{ submissionId, resultsText }] });
  const c = r.cases[0];
  // A retried promote finds its batch already published; the case is then not new.
  if (!c) throw new DomainError('ILLEGAL_TRANSITION', '该项目已列入标杆案例清单', 409, { benchmarkBatchId: r.batch.id });
  return c;
}
