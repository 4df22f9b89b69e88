/**
 * What follows from a challenge's move, in its transaction: the operators hear that a challenge
 * waits for their review (sent for review, or edited while open); the owner's users hear that it
 * was approved (now public) or returned, with the reason; whoever is applying to an open
 * challenge that was edited hears what changed (the owner's note and the changed parts).
 */
import { CHALLENGE_FIELD_LABELS } from '@scenebridge/contract/challenges/labels';
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { findChallenge, notifyUsers, organizationsApplyingTo, usersOfOrganizations, usersWithRole, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const TO_REVIEW = new Set(['challenge.submit_for_review', 'challenge.revise']);

export const challengeNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => TO_REVIEW.has(e.action) || e.action === 'challenge.approve' || e.action === 'challenge.return');
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    const c = (await findChallenge(tx, e.entityId))!;
    const link = `/challenges/${c.id}`;
    if (TO_REVIEW.has(e.action)) {
      const revised = e.action === 'challenge.revise';
      for (const op of exceptActor(actor, await usersWithRole(tx, 'operator'))) {
        notes.push({
          userId: op.id,
          kind: 'challenge.pending_review',
          title: `${revised ? '榜单修改待审核' : '新榜单待审核'}：${c.title}`,
          body: revised
            ? `${c.organizationName}修改了揭榜中的榜单，修改说明：${e.reason ?? ''}`
            : `${c.organizationName}提交了榜单，请审核。`,
          link,
          data: { challengeId: c.id },
          email: emailByDefault('challenge.pending_review'),
        });
      }
      if (revised)
        notes.push(...(await applicantsTold(tx, c, e.reason ?? '', (e.data as { fields?: string[] } | undefined)?.fields ?? [])));
      continue;
    }
    const approved = e.action === 'challenge.approve';
    for (const u of exceptActor(actor, await usersOfOrganizations(tx, [c.organizationId]))) {
      notes.push({
        userId: u.id,
        kind: approved ? 'challenge.approved' : 'challenge.returned',
        title: `${approved ? '榜单已通过审核并发布' : '榜单被退回修改'}：${c.title}`,
        body: approved ? '榜单已公开发布，揭榜单位可在截止前申报。' : `原因：${e.reason ?? ''}\n请修改后重新提交审核。`,
        link,
        data: { challengeId: c.id, reason: e.reason ?? null },
        email: emailByDefault(approved ? 'challenge.approved' : 'challenge.returned'),
      });
    }
  }
  await notifyUsers(tx, notes);
};

async function applicantsTold(
  tx: Parameters<Subscriber>[1]['tx'],
  c: { id: string; title: string },
  note: string,
  fields: string[],
): Promise<NotifyItem[]> {
  const orgs = await organizationsApplyingTo(tx, c.id);
  if (orgs.length === 0) return [];
  const parts = fields.map((f) => CHALLENGE_FIELD_LABELS[f] ?? f).join('、');
  return (await usersOfOrganizations(tx, orgs)).map((u) => ({
    userId: u.id,
    kind: 'challenge.changed',
    title: `您申报的榜单已修改：${c.title}`,
    body: `发榜单位修改了榜单${parts ? `（${parts}）` : ''}，修改说明：${note}\n榜单重新审核通过前暂停接受申报，请核对您的申报内容。`,
    link: `/challenges/${c.id}`,
    data: { challengeId: c.id, fields },
    email: emailByDefault('challenge.changed'),
  }));
}
