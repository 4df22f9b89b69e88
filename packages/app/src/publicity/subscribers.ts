/**
 * What follows from an objection, in its transaction: the operators hear of each new objection;
 * when it is decided, the lodging organisation's users and the item owner's users hear the
 * decision with its reason. The owner is not told who objected (operators only see that).
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  findObjection,
  findPublicity,
  findPublicityItem,
  notifyUsers,
  usersOfOrganizations,
  usersWithRole,
  type NotifyItem,
} from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const DECIDED = new Set(['objection.dismiss', 'objection.uphold']);

export const publicityNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => e.action === 'objection.lodged' || DECIDED.has(e.action));
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    const o = (await findObjection(tx, e.entityId))!;
    const p = (await findPublicity(tx, o.publicityId))!;
    const item = (await findPublicityItem(tx, o.itemId))!;
    const link = `/publicity/${p.id}`;
    if (e.action === 'objection.lodged') {
      for (const op of exceptActor(actor, await usersWithRole(tx, 'operator'))) {
        notes.push({
          userId: op.id,
          kind: 'publicity.objection_lodged',
          title: `新的公示异议：${item.name}`,
          body: `「${p.title}」收到一条针对「${item.name}」的异议，请处理。`,
          link,
          data: { publicityId: p.id, objectionId: o.id },
          email: emailByDefault('publicity.objection_lodged'),
        });
      }
      continue;
    }
    const upheld = e.action === 'objection.uphold';
    const outcome = upheld ? '异议成立，该条目已撤销' : '异议不成立，已驳回';
    const toLodger = exceptActor(actor, await usersOfOrganizations(tx, [o.organizationId]));
    const toOwner = item.organizationId ? exceptActor(actor, await usersOfOrganizations(tx, [item.organizationId])) : [];
    const told = new Set<string>();
    for (const u of toLodger) {
      told.add(u.id);
      notes.push({
        userId: u.id,
        kind: 'publicity.objection_decided',
        title: `您提出的公示异议已处理：${item.name}`,
        body: `${outcome}。处理理由：${o.decisionReason ?? ''}`,
        link,
        data: { publicityId: p.id, objectionId: o.id, outcome: o.status },
        email: emailByDefault('publicity.objection_decided'),
      });
    }
    for (const u of toOwner) {
      if (told.has(u.id)) continue;
      notes.push({
        userId: u.id,
        kind: 'publicity.objection_decided',
        title: `公示期间针对您的条目的异议已处理：${item.name}`,
        body: `${outcome}。处理理由：${o.decisionReason ?? ''}`,
        link,
        data: { publicityId: p.id, objectionId: o.id, outcome: o.status },
        email: emailByDefault('publicity.objection_decided'),
      });
    }
  }
  await notifyUsers(tx, notes);
};
