/** A declined interest tells the users of the organisation that expressed it, with the reason. */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { notifyUsers, usersOfOrganizations } from '@scenebridge/db';
import type { Subscriber } from '../shared/index.js';
import type { InterestDeclined } from './decline-interest.js';

export const interestDeclinedNotifications: Subscriber = async (events, { tx, actor }) => {
  for (const e of events) {
    if (e.action !== 'interest.decline') continue;
    const d = e.data as InterestDeclined;
    const senders = await usersOfOrganizations(tx, [d.fromOrganizationId]);
    const mine = d.fromSide === 'capability' ? d.capabilityId : d.needId;
    const theirs = d.fromSide === 'capability' ? `需求「${d.needTitle}」` : `能力「${d.capabilityTitle}」`;
    await notifyUsers(
      tx,
      senders.map((u) => ({
        userId: u.id,
        kind: 'interest.declined',
        title: `${actor?.organizationName ?? '对方'}婉拒了您对${theirs}的对接意向`,
        body: `原因：${e.reason ?? ''}`,
        link: `/listings/${mine}`,
        data: { interestId: e.entityId, needId: d.needId, capabilityId: d.capabilityId },
        dedupeKey: `interest-declined:${e.entityId}:${u.id}`,
        email: emailByDefault('interest.declined'),
      })),
    );
  }
};
