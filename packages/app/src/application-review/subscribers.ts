/**
 * What follows in a challenge's review from a recorded event, in its transaction: a reviewer
 * hears of new application reviews (one notification per reviewer per run), and everyone
 * concerned by a defence slot (each heard application's lead and member organisations' users,
 * and its reviewers) hears it was scheduled, changed or cancelled.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { defenceAudience, findChallenge, findDefenceSlot, notifyUsers, usersOfOrganizations, type NotifyItem } from '@scenebridge/db';
import { exceptActor, groupBy } from '../notifications/index.js';
import { shanghaiDateTime, type Subscriber } from '../shared/index.js';

const ASSIGNED = new Set(['application_review.assigned', 'application_review.assigned_manually']);
const DEFENCE = {
  'defence.scheduled': 'defence.scheduled',
  'defence.rescheduled': 'defence.changed',
  'defence.cancelled': 'defence.cancelled',
} as const;
type DefenceAction = keyof typeof DEFENCE;

interface Assigned {
  reviewId: string;
  reviewerUserId: string;
  challengeId: string;
}
interface DefenceData {
  challengeId: string;
  applicationIds: string[];
  removedApplicationIds?: string[];
}

export const applicationReviewNotifications: Subscriber = async (events, { tx, actor }) => {
  const notes: NotifyItem[] = [];
  const assigned = events.filter((e) => ASSIGNED.has(e.action)).map((e) => e.data as Assigned);
  for (const [userId, mine] of groupBy(assigned, (a) => a.reviewerUserId)) {
    if (!exceptActor(actor, [{ id: userId }]).length) continue;
    const challenge = (await findChallenge(tx, mine[0]!.challengeId))!;
    const ids = mine.map((a) => a.reviewId).sort();
    notes.push({
      userId,
      kind: 'application_review.assigned',
      title: `「${challenge.title}」有${mine.length}份揭榜申报待评审`,
      body: '请在揭榜评审中按评审指标打分；如与申报单位或联合体成员存在利益关系，请声明回避。',
      link: '/application-reviews',
      data: { challengeId: challenge.id, reviewIds: ids },
      dedupeKey: `application_review.assigned:${ids[0]}:${userId}`,
      email: emailByDefault('application_review.assigned'),
    });
  }
  for (const e of events.filter((x): x is typeof x & { action: DefenceAction } => x.action in DEFENCE)) {
    const data = e.data as DefenceData;
    const slot = (await findDefenceSlot(tx, e.entityId))!;
    const challenge = (await findChallenge(tx, data.challengeId))!;
    const audience = await defenceAudience(tx, [...data.applicationIds, ...(data.removedApplicationIds ?? [])]);
    const orgUsers = await usersOfOrganizations(tx, audience.organizationIds);
    const userIds = [...new Set([...orgUsers.map((u) => u.id), ...audience.reviewerUserIds])];
    const kind = DEFENCE[e.action];
    const when = `${shanghaiDateTime(slot.startsAt)} 至 ${shanghaiDateTime(slot.endsAt).slice(11)}`;
    const where = [slot.room, slot.onlineLink].filter(Boolean).join('；');
    const title = {
      'defence.scheduled': `答辩/路演安排：${challenge.title}`,
      'defence.changed': `答辩/路演安排有变更：${challenge.title}`,
      'defence.cancelled': `答辩/路演已取消：${challenge.title}`,
    }[kind];
    const body =
      kind === 'defence.cancelled'
        ? `原定${when}（${where}）的答辩已取消。原因：${e.reason ?? '（未填写）'}`
        : `时间：${when}（北京时间）\n地点：${where}${slot.note ? `\n说明：${slot.note}` : ''}`;
    for (const u of exceptActor(
      actor,
      userIds.map((id) => ({ id })),
    )) {
      notes.push({
        userId: u.id,
        kind,
        title,
        body,
        data: { challengeId: challenge.id, slotId: slot.id },
        dedupeKey: `${kind}:${slot.id}:${slot.version}:${u.id}`,
        email: emailByDefault(kind),
      });
    }
  }
  await notifyUsers(tx, notes);
};
