/**
 * What follows from a merge of duplicates, in its transaction: the users of every organisation
 * whose item was kept or merged are told (notification and email).
 */
import { lockSubmissionsWithOwners, notifyUsers, usersOfOrganizations } from '@scenebridge/db';
import type { Subscriber } from '../shared/index.js';

export const mergeNotifications: Subscriber = async (events, { tx }) => {
  for (const e of events) {
    if (e.action !== 'submission.merged_in') continue;
    const keepId = e.entityId,
      reason = e.reason ?? '';
    const { mergedIds: merged } = e.data as { mergedIds: string[] };
    const ids = [keepId, ...merged];
    // Already locked by the merge: this reads them again in its transaction.
    const byId = new Map((await lockSubmissionsWithOwners(tx, ids)).map((r) => [r.submission.id, r.submission]));
    const orgs = [...new Set(ids.map((id) => byId.get(id)!.organizationId))];
    const recipients = await usersOfOrganizations(tx, orgs);
    const keptTitle = byId.get(keepId)!.title;
    await notifyUsers(
      tx,
      recipients.map((u) => {
        const own = ids.filter((id) => byId.get(id)!.organizationId === u.organizationId);
        const keptOwn = own.includes(keepId);
        return {
          userId: u.id,
          kind: 'submission.merged',
          title: keptOwn ? `您的「${keptTitle}」已合并了${merged.length}条相似条目` : `您的条目已并入「${keptTitle}」`,
          body: `运营方认定以下条目为重复项并予以合并。原因：${reason}\n${own.map((id) => `· ${byId.get(id)!.title}`).join('\n')}`,
          link: `/submissions/${keptOwn ? keepId : own[0]}`,
          data: { keepId, mergedIds: merged },
          dedupeKey: `merge:${keepId}:${merged.join(',')}:${u.id}`,
          email: true,
        };
      }),
    );
  }
};
