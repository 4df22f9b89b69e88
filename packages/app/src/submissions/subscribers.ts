/**
 * What follows for an item's owner from a decision about it, in its transaction: the users of
 * the owning organisation hear that it was selected, not selected, or returned for revision.
 * A decision about many items at once is one notification per user, listing their items.
 */
import { emailByDefault, type NotificationKind } from '@scenebridge/contract/notifications/labels';
import { notifyUsers, submissionsForNotice, usersOfOrganizations, type NotifyItem } from '@scenebridge/db';
import { exceptActor, groupBy, titleLines } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';
import { itemSetKey } from './expire-by-clock.js';

const DECISIONS: Record<string, { kind: NotificationKind; title: (what: string) => string; next: string }> = {
  'submission.select': { kind: 'submission.selected', title: (w) => `${w}已入选`, next: '入选项目将在发布批次后公开。' },
  'submission.reject': { kind: 'submission.rejected', title: (w) => `${w}未入选`, next: '' },
  'submission.return_for_revision': {
    kind: 'submission.returned',
    title: (w) => `${w}被退回修改`,
    next: '请按意见修改后重新提交。',
  },
};

export const submissionDecisionNotifications: Subscriber = async (events, { tx, actor }) => {
  const decided = events.filter((e) => e.action in DECISIONS);
  if (decided.length === 0) return;
  const ids = decided.map((e) => e.entityId);
  const items = new Map((await submissionsForNotice(tx, ids)).map((s) => [s.id, s]));
  // One read of the owners' users for the whole run, however many organisations it touches.
  const usersOf = groupBy(
    exceptActor(actor, await usersOfOrganizations(tx, [...new Set([...items.values()].map((s) => s.organizationId))])),
    (u) => u.organizationId,
  );
  const notes: NotifyItem[] = [];
  for (const [action, ofAction] of groupBy(decided, (e) => e.action)) {
    const d = DECISIONS[action]!;
    for (const [organizationId, mine] of groupBy(ofAction, (e) => items.get(e.entityId)!.organizationId)) {
      const titles = mine.map((e) => items.get(e.entityId)!.title);
      const reasons = [...new Set(mine.map((e) => e.reason).filter((r): r is string => !!r))];
      const what = mine.length === 1 ? `您的「${titles[0]}」` : `您的${mine.length}个项目`;
      const body = [titleLines(titles), reasons.length ? `原因：${reasons.join('；')}` : '', d.next].filter(Boolean).join('\n');
      for (const u of usersOf.get(organizationId) ?? []) {
        notes.push({
          userId: u.id,
          kind: d.kind,
          title: d.title(what),
          body,
          link: mine.length === 1 ? `/submissions/${mine[0]!.entityId}` : '/submissions',
          data: { submissionIds: mine.map((e) => e.entityId) },
          email: emailByDefault(d.kind),
        });
      }
    }
  }
  await notifyUsers(tx, notes);
};

/**
 * Listings expired by the clock (`submission.expire`): the users of each owning organisation get
 * one notification for the run, listing their items; the dedupe key names the set, so a retried
 * run writes nothing twice.
 */
export const expiryNotifications: Subscriber = async (events, { tx, actor }) => {
  const expired = events.filter((e) => e.action === 'submission.expire');
  if (expired.length === 0) return;
  const items = new Map(
    (
      await submissionsForNotice(
        tx,
        expired.map((e) => e.entityId),
      )
    ).map((s) => [s.id, s]),
  );
  const byOrg = groupBy(expired, (e) => items.get(e.entityId)!.organizationId);
  const usersOf = groupBy(exceptActor(actor, await usersOfOrganizations(tx, [...byOrg.keys()])), (u) => u.organizationId);
  const notes: NotifyItem[] = [];
  for (const [organizationId, mine] of byOrg) {
    const ids = mine.map((e) => e.entityId);
    const titles = ids.map((id) => items.get(id)!.title);
    const what = mine.length === 1 ? `您的「${titles[0]}」` : `您的${mine.length}个已发布项目`;
    const body = [
      titleLines(titles),
      '有效期已届满，已不再出现在检索和匹配中；已发布的清单批次仍保留原条目。如仍有需求，可在新的征集中重新填报。',
    ].join('\n');
    for (const u of usersOf.get(organizationId) ?? []) {
      notes.push({
        userId: u.id,
        kind: 'submission.expired',
        title: `${what}已过期`,
        body,
        link: mine.length === 1 ? `/submissions/${ids[0]}` : '/submissions',
        data: { submissionIds: ids },
        dedupeKey: `submission.expired:${itemSetKey(ids)}:${u.id}`,
        email: emailByDefault('submission.expired'),
      });
    }
  }
  await notifyUsers(tx, notes);
};
