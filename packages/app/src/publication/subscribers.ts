/**
 * What follows from a published batch, in its transaction: the users of each organisation with
 * items in it hear once per batch, with their items listed. A correction (勘误) of a published
 * entry tells the users of the organisation whose item it is, with the erratum note.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  findBatch,
  findCurrentEntry,
  notifyUsers,
  submissionsForNotice,
  usersOfOrganizations,
  type NotifyItem,
  type Transaction,
} from '@scenebridge/db';
import type { Actor } from '../context.js';
import { exceptActor, groupBy, titleLines } from '../notifications/index.js';
import type { DomainEvent, Subscriber } from '../shared/index.js';

interface Corrected {
  seq: number;
  toVersion: number;
}

async function correctionNotes(tx: Transaction, actor: Actor | null, corrected: readonly DomainEvent[]): Promise<NotifyItem[]> {
  const notes: NotifyItem[] = [];
  for (const e of corrected) {
    const { seq, toVersion } = e.data as Corrected;
    const entry = await findCurrentEntry(tx, e.entityId, seq);
    if (!entry) continue;
    const [item] = await submissionsForNotice(tx, [entry.submissionId]);
    if (!item) continue;
    const batch = await findBatch(tx, e.entityId);
    const users = exceptActor(actor, await usersOfOrganizations(tx, [item.organizationId]));
    for (const u of users) {
      notes.push({
        userId: u.id,
        kind: 'entry.corrected',
        title: `您的「${entry.name}」已勘误`,
        body: [
          `${batch ? `《${batch.title}》` : '已发布清单'}第${seq}项已更正（第${toVersion}版）。`,
          e.reason ? `勘误说明：${e.reason}` : null,
        ]
          .filter((l): l is string => !!l)
          .join('\n'),
        link: `/submissions/${entry.submissionId}`,
        data: { batchId: e.entityId, seq, version: toVersion, submissionId: entry.submissionId, reason: e.reason ?? null },
        // Each version is written once: a retry of the same correction says nothing twice.
        dedupeKey: `entry.corrected:${e.entityId}:${seq}:${toVersion}:${u.id}`,
        email: emailByDefault('entry.corrected'),
      });
    }
  }
  return notes;
}

export const publicationNotifications: Subscriber = async (events, { tx, actor }) => {
  const corrected = events.filter((e) => e.action === 'batch.entry_corrected');
  if (corrected.length > 0) await notifyUsers(tx, await correctionNotes(tx, actor, corrected));
  const published = events.filter((e) => e.action === 'submission.publish');
  if (published.length === 0) return;
  const batchTitles = new Map(
    events.filter((e) => e.action === 'batch.published').map((e) => [e.entityId, (e.data as { title: string }).title]),
  );
  const ids = published.map((e) => e.entityId);
  const items = new Map((await submissionsForNotice(tx, ids)).map((s) => [s.id, s]));
  // One read of the owners' users for the whole run, however many organisations it touches.
  const usersOf = groupBy(
    exceptActor(actor, await usersOfOrganizations(tx, [...new Set([...items.values()].map((s) => s.organizationId))])),
    (u) => u.organizationId,
  );
  const notes: NotifyItem[] = [];
  for (const [batchId, ofBatch] of groupBy(published, (e) => (e.data as { batchId: string }).batchId)) {
    const batch = batchTitles.get(batchId) ?? '发布批次';
    for (const [organizationId, mine] of groupBy(ofBatch, (e) => items.get(e.entityId)!.organizationId)) {
      const titles = mine.map((e) => items.get(e.entityId)!.title);
      for (const u of usersOf.get(organizationId) ?? []) {
        notes.push({
          userId: u.id,
          kind: 'submission.published',
          title: mine.length === 1 ? `您的「${titles[0]}」已发布` : `您的${mine.length}个项目已发布`,
          body: `已列入《${batch}》并公开发布。\n${titleLines(titles)}`,
          link: mine.length === 1 ? `/submissions/${mine[0]!.entityId}` : '/submissions',
          data: { batchId, submissionIds: mine.map((e) => e.entityId) },
          dedupeKey: `submission.published:${batchId}:${u.id}`,
          email: emailByDefault('submission.published'),
        });
      }
    }
  }
  await notifyUsers(tx, notes);
};
