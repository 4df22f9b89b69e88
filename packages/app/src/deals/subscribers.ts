/**
 * Who hears of a deal, in its transaction (docs/notifications.md): a new deal → the parties'
 * users and its broker; a broker assigned or claiming → that broker and the parties; a stage
 * move → the parties and the broker; gone dormant → the broker and the parties. The one who
 * acted is not told of their own act.
 */
import { emailByDefault, type NotificationKind } from '@scenebridge/contract/notifications/labels';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import { findDeal, notifyUsers, usersOfOrganizations, type NotifyItem } from '@scenebridge/db';
import type { DealState } from '@scenebridge/domain';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const STAGE_MOVES = new Set(['deal.express_intent', 'deal.schedule_meeting', 'deal.negotiate', 'deal.sign', 'deal.decline']);
const MINE = new Set(['deal.created', 'deal.assign_broker', 'deal.claim', 'deal.go_dormant', ...STAGE_MOVES]);

export const dealNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => MINE.has(e.action));
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    const d = await findDeal(tx, e.entityId);
    if (!d) continue;
    const parties = await usersOfOrganizations(tx, [d.demandOrganizationId, d.supplyOrganizationId]);
    const brokerIds = d.brokerUserId ? [{ id: d.brokerUserId }] : [];
    const ref = `对接项目${d.code}「${d.title}」`;
    const push = (ids: readonly { id: string }[], kind: NotificationKind, title: string, body: string) => {
      const seen = new Set<string>();
      for (const u of exceptActor(actor, ids)) {
        if (seen.has(u.id)) continue;
        seen.add(u.id);
        notes.push({ userId: u.id, kind, title, body, link: `/deals/${d.id}`, data: { dealId: d.id }, email: emailByDefault(kind) });
      }
    };
    if (e.action === 'deal.created') {
      push(
        [...parties, ...brokerIds],
        'deal.created',
        `新的对接项目：${d.title}`,
        `${ref}已建立（${d.demandOrganizationName} × ${d.supplyOrganizationName}）。`,
      );
    } else if (e.action === 'deal.assign_broker' || e.action === 'deal.claim') {
      push(
        [...brokerIds, ...parties],
        'deal.broker_assigned',
        `技术经理人：${d.brokerName ?? ''}`,
        `${ref}由技术经理人${d.brokerName ?? ''}负责跟进。`,
      );
    } else if (e.action === 'deal.go_dormant') {
      push([...brokerIds, ...parties], 'deal.dormant', `对接项目进入休眠：${d.title}`, `${ref}${e.reason ?? '长期无跟进'}，已标记为休眠。`);
    } else {
      const stage = DEAL_STATE_LABELS[(e.toState ?? d.status) as DealState];
      const why = e.reason ? `原因：${e.reason}` : '';
      push(
        [...parties, ...brokerIds],
        'deal.stage_changed',
        `对接项目进入「${stage}」：${d.title}`,
        `${ref}已进入「${stage}」阶段。${why}`,
      );
    }
  }
  await notifyUsers(tx, notes);
};
