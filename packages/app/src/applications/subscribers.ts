/**
 * What follows from an application's consortium moves, in their transaction: an invited member's
 * admins hear they were named (application.member_invited); the lead's users hear a member's
 * answer (application.member_confirmed / application.member_declined).
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { findApplication, findOrganization, notifyUsers, usersOfOrganizations, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const MINE = new Set(['application.member_invited', 'application.member_confirm', 'application.member_decline']);

export const applicationNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => MINE.has(e.action));
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    const app = (await findApplication(tx, e.entityId))!;
    const memberId = (e.data as { organizationId: string }).organizationId;
    const link = `/applications/${app.id}`;
    if (e.action === 'application.member_invited') {
      const admins = (await usersOfOrganizations(tx, [memberId])).filter((u) => u.roles.includes('org_admin'));
      for (const u of exceptActor(actor, admins)) {
        notes.push({
          userId: u.id,
          kind: 'application.member_invited',
          title: `${app.leadOrganizationName}邀请贵单位作为联合体成员揭榜：${app.challengeTitle}`,
          body: '请查看申报内容，确认或拒绝加入联合体。成员全部确认后，牵头单位方可提交申报。',
          link,
          data: { applicationId: app.id, challengeId: app.challengeId },
          email: emailByDefault('application.member_invited'),
        });
      }
      continue;
    }
    const confirmed = e.action === 'application.member_confirm';
    const member = await findOrganization(tx, memberId);
    const kind = confirmed ? 'application.member_confirmed' : 'application.member_declined';
    for (const u of exceptActor(actor, await usersOfOrganizations(tx, [app.leadOrganizationId]))) {
      notes.push({
        userId: u.id,
        kind,
        title: `${member?.name ?? '联合体成员'}${confirmed ? '已确认加入联合体' : '拒绝加入联合体'}：${app.challengeTitle}`,
        body: confirmed ? undefined : `原因：${e.reason ?? '（未填写）'}\n请调整联合体成员后再提交。`,
        link,
        data: { applicationId: app.id, challengeId: app.challengeId, organizationId: memberId },
        email: emailByDefault(kind),
      });
    }
  }
  await notifyUsers(tx, notes);
};
