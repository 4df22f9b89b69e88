/**
 * What follows from a call's move, in its transaction: once a call closes (by the clock or by
 * another operator) the operators hear that its submitted items wait for review to start.
 * Single submissions tell no one: the operators act per call, not per item.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { findCall, listSubmissionsOfCallInStates, notifyUsers, usersWithRole, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

export const callNotifications: Subscriber = async (events, { tx, actor }) => {
  const closed = events.filter((e) => e.action === 'call.close');
  if (closed.length === 0) return;
  const operators = exceptActor(actor, await usersWithRole(tx, 'operator'));
  if (operators.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of closed) {
    const call = (await findCall(tx, e.entityId))!;
    const waiting = (await listSubmissionsOfCallInStates(tx, call.id, ['submitted'])).length;
    for (const op of operators) {
      notes.push({
        userId: op.id,
        kind: 'call.closed',
        title: `征集已截止：${call.title}`,
        body: waiting > 0 ? `共${waiting}个项目已提交，可开始评审。` : '没有已提交的项目。',
        link: `/calls/${call.id}/review`,
        data: { callId: call.id, submitted: waiting },
        // A call closes once: a retried clock run writes nothing twice.
        dedupeKey: `call.closed:${call.id}:${op.id}`,
        email: emailByDefault('call.closed'),
      });
    }
  }
  await notifyUsers(tx, notes);
};
