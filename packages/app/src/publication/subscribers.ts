/**
 * What follows from a published batch, in its transaction: the users of each organisation with
 * items in it hear once per batch, with their items listed.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { notifyUsers, submissionsForNotice, usersOfOrganizations, type NotifyItem } from '@scenebridge/db';
import { exceptActor, groupBy, titleLines } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

export const publicationNotifications: Subscriber = async (events, { tx, actor }) => {
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
