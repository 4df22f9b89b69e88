/**
 * What follows in matching from a recorded event, in its transaction: an interest (意向) tells
 * the users of the other side's organisation and the brokers (notification and email).
 */
import { listingsByIds, notifyUsers, usersOfOrganizations, usersWithRole } from '@scenebridge/db';
import type { Subscriber } from '../shared/index.js';
import type { InterestExpressed } from './express-interest.js';

export const interestNotifications: Subscriber = async (events, { tx, actor }) => {
  for (const e of events) {
    if (e.action !== 'match.interest') continue;
    const { needId, capabilityId, fromSide, message } = e.data as InterestExpressed;
    const interestId = e.entityId;
    const rows = await listingsByIds(tx, [needId, capabilityId]);
    const need = rows.find((r) => r.id === needId)!,
      cap = rows.find((r) => r.id === capabilityId)!;
    const other = fromSide === 'capability' ? need : cap;
    const from = actor?.organizationName ?? '';
    const otherUsers = await usersOfOrganizations(tx, [other.organizationId]);
    const brokers = await usersWithRole(tx, 'broker');
    const title =
      fromSide === 'capability' ? `「${from}」对您的需求「${need.title}」表达了合作意向` : `「${from}」希望采用您的能力「${cap.title}」`;
    const body = `${fromSide === 'capability' ? `对方能力：${cap.title}` : `对方需求：${need.title}`}${message ? `\n留言：${message}` : ''}`;
    await notifyUsers(tx, [
      ...otherUsers.map((u) => ({
        userId: u.id,
        kind: 'interest.received',
        title,
        body,
        link: `/listings/${other.id}`,
        data: { interestId, needId, capabilityId },
        dedupeKey: `interest:${interestId}:${u.id}`,
        email: true,
      })),
      ...brokers
        .filter((b) => !otherUsers.some((u) => u.id === b.id))
        .map((b) => ({
          userId: b.id,
          kind: 'interest.broker',
          title: `新的对接意向：${need.title} × ${cap.title}`,
          body: `${from} 发起（${fromSide === 'capability' ? '能力方' : '需求方'}）${message ? `，留言：${message}` : ''}`,
          link: `/listings/${needId}`,
          data: { interestId, needId, capabilityId },
          dedupeKey: `interest:${interestId}:${b.id}`,
          email: true,
        })),
    ]);
  }
};
