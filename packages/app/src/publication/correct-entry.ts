import { findCurrentEntry, insertBatchEntries, retireEntryVersion } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';

export interface EntryCorrection {
  name?: string;
  description?: string;
  contact?: string | null;
  erratum: string;
}

/** A published entry never changes: the correction is its next version, with an erratum note. */
export async function correctEntry({
  services,
  actor,
  batchId,
  seq,
  correction,
}: {
  services: Services;
  actor: Actor | null;
  batchId: string;
  seq: number;
  correction: EntryCorrection;
}) {
  publicationPolicy.authorize(actor, 'correct', PUBLISHED_LISTS);
  if (!correction.erratum.trim()) throw new DomainError('REASON_REQUIRED', '请填写勘误说明', 400);
  return inTransaction(services, actor, async (tx, events) => {
    const current = await findCurrentEntry(tx, batchId, seq, { forUpdate: true });
    if (!current) throw notFound('清单条目');
    await retireEntryVersion(tx, current.id);
    const { id: _id, createdAt: _c, ...rest } = current;
    const next = {
      ...rest,
      version: current.version + 1,
      isCurrent: true,
      erratum: correction.erratum.trim(),
      createdBy: actor!.userId,
      name: correction.name?.trim() || current.name,
      description: correction.description?.trim() || current.description,
      contact: correction.contact === undefined ? current.contact : correction.contact,
    };
    await insertBatchEntries(tx, [next]);
    await events.record({
      action: 'batch.entry_corrected',
      entityType: 'batch',
      entityId: batchId,
      reason: next.erratum,
      data: { seq, fromVersion: current.version, toVersion: next.version },
    });
    events.announce('publication.changed', {});
    return (await findCurrentEntry(tx, batchId, seq))!;
  });
}
