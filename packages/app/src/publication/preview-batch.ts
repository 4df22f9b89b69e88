import { batchNumberTaken, findCall, nextBatchNumber } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import { NUMBER_RANGES } from '@scenebridge/domain/field-rules';
import type { Actor, Services } from '../context.js';
import { batchNumberInTitle, suggestBatchNumber, type BatchNumberSource } from './batch-number.js';
import type { PublishedBatch, PublishedListType } from './documents/index.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';
import { assembleBatch, type BatchOptions } from './publish-batch.js';

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();

/**
 * What 发布批次 would publish now, without publishing: the entries in ranking order, the number
 * (the operator's, or the one suggested from the call's title or the year's sequence), title and
 * issuer, and the batch as the XLSX list and DOCX bulletin would print it. Nothing is written and
 * nothing is audited; the same checks as publishing apply (409 when nothing is selected).
 */
export async function previewBatch({
  services,
  actor,
  callId,
  options,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  options: BatchOptions;
}) {
  publicationPolicy.authorize(actor, 'publish', PUBLISHED_LISTS);
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const call = await findCall(tx, callId);
    if (!call) throw notFound('征集');
    let number = options.number;
    let numberSource: BatchNumberSource | 'operator' = 'operator';
    if (number === undefined) {
      const year = shanghaiYear(now);
      const next = await nextBatchNumber(tx, call.listType, year);
      const named = batchNumberInTitle(call.title);
      const namedTaken = named !== null && (await batchNumberTaken(tx, call.listType, year, named));
      const s = suggestBatchNumber(call.title, next, (n) => n === named && namedTaken, NUMBER_RANGES.batchNumber);
      number = s.number;
      numberSource = s.source;
    }
    const planned = await assembleBatch(tx, actor!, call, { ...options, number }, now);
    const document: PublishedBatch & { listType: PublishedListType } = {
      id: 'preview',
      title: planned.title,
      number: planned.number,
      year: planned.year,
      listType: planned.listType as PublishedListType,
      issuer: planned.issuer,
      publishedAt: now.toISOString(),
      callTitle: call.title,
      callOpensAt: call.opensAt.toISOString(),
      callClosesAt: call.closesAt.toISOString(),
      callClosedAt: call.closedAt?.toISOString() ?? null,
      entries: planned.entries.map((e) => ({ ...e, version: 1, erratum: null, correctedAt: null })),
    };
    return { callId, numberSource, document };
  });
}
