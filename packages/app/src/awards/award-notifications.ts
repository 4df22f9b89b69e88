/**
 * What follows from an award, in its transaction: the users of each winner (the lead and its
 * confirmed consortium members) hear they won, with the 任务书 number and amount; the challenge
 * owner's users hear who won. Those not awarded read it on their application (its status and reason).
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  findChallenge,
  listAwardsOfChallenge,
  listParticipants,
  notifyUsers,
  usersOfOrganizations,
  type NotifyItem,
} from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

type Created = { challengeId: string; applicationId: string; organizationName: string; agreementNo: string; amountFen: number };

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

export const awardCreatedNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => e.action === 'award.created' || e.action === 'challenge.award');
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    if (e.action === 'challenge.award') {
      const c = (await findChallenge(tx, e.entityId))!;
      const names = (await listAwardsOfChallenge(tx, c.id)).map((a) => a.organizationName).join('、');
      for (const u of exceptActor(actor, await usersOfOrganizations(tx, [c.organizationId]))) {
        notes.push({
          userId: u.id,
          kind: 'challenge.awarded',
          title: `榜单中榜结果已确定：${c.title}`,
          body: `中榜公示期满，中榜单位：${names}。请与中榜单位启动任务书。`,
          link: `/challenges/${c.id}`,
          data: { challengeId: c.id },
          email: emailByDefault('challenge.awarded'),
        });
      }
      continue;
    }
    const d = e.data as Created;
    const c = (await findChallenge(tx, d.challengeId))!;
    const orgs = (await listParticipants(tx, d.applicationId))
      .filter((p) => p.active && (p.role === 'lead' || p.status === 'confirmed'))
      .map((p) => p.organizationId);
    for (const u of exceptActor(actor, await usersOfOrganizations(tx, orgs))) {
      notes.push({
        userId: u.id,
        kind: 'award.won',
        title: `恭喜中榜：${c.title}`,
        body: `中榜公示期满，贵单位中榜（牵头单位：${d.organizationName}）。任务书编号${d.agreementNo}，金额${yuan(d.amountFen)}。`,
        link: `/awards/${e.entityId}`,
        data: { challengeId: c.id, awardId: e.entityId, applicationId: d.applicationId },
        email: emailByDefault('award.won'),
      });
    }
  }
  await notifyUsers(tx, notes);
};
