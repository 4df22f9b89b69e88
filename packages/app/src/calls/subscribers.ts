/**
 * What follows from a call's move, in its transaction: once a call closes (by the clock or by
 * another operator) the operators hear that its submitted items wait for review to start; once
 * a call is cancelled, the users of every organisation with items in it (drafts, as a call is
 * cancelled before it opens) hear that it will not take place, with the reason.
 * Single submissions tell no one: the operators act per call, not per item.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  findCall,
  listSubmissionsOfCallInStates,
  notifyUsers,
  usersOfOrganizations,
  usersWithRole,
  type NotifyItem,
  type Transaction,
} from '@scenebridge/db';
import type { Actor } from '../context.js';
import { exceptActor, groupBy, titleLines } from '../notifications/index.js';
import type { DomainEvent, Subscriber } from '../shared/index.js';

/** The items a cancelled call leaves behind: everything its organisations started and did not delete. */
const CANCELLED_WITH = ['draft', 'submitted', 'returned_for_revision'];

async function closedNotes(tx: Transaction, actor: Actor | null, closed: readonly DomainEvent[]): Promise<NotifyItem[]> {
  if (closed.length === 0) return [];
  const operators = exceptActor(actor, await usersWithRole(tx, 'operator'));
  if (operators.length === 0) return [];
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
  return notes;
}

async function cancelledNotes(tx: Transaction, actor: Actor | null, cancelled: readonly DomainEvent[]): Promise<NotifyItem[]> {
  const notes: NotifyItem[] = [];
  for (const e of cancelled) {
    const call = (await findCall(tx, e.entityId))!;
    const items = await listSubmissionsOfCallInStates(tx, call.id, CANCELLED_WITH);
    if (items.length === 0) continue;
    const byOrg = groupBy(items, (s) => s.organizationId);
    const usersOf = groupBy(exceptActor(actor, await usersOfOrganizations(tx, [...byOrg.keys()])), (u) => u.organizationId);
    const reason = e.reason?.trim();
    for (const [organizationId, mine] of byOrg) {
      const titles = mine.map((s) => s.title || '（未命名）');
      for (const u of usersOf.get(organizationId) ?? []) {
        notes.push({
          userId: u.id,
          kind: 'call.cancelled',
          title: `征集已取消：${call.title}`,
          body: [
            `该征集已取消，不再接受填报，您单位在其中的${mine.length}个项目不会进入评审。`,
            reason ? `原因：${reason}` : null,
            titleLines(titles),
          ]
            .filter((l): l is string => !!l)
            .join('\n'),
          link: mine.length === 1 ? `/submissions/${mine[0]!.id}` : '/submissions',
          data: { callId: call.id, submissionIds: mine.map((s) => s.id), reason: reason ?? null },
          // A cancelled call stays cancelled: it is told once.
          dedupeKey: `call.cancelled:${call.id}:${u.id}`,
          email: emailByDefault('call.cancelled'),
        });
      }
    }
  }
  return notes;
}

export const callNotifications: Subscriber = async (events, { tx, actor }) => {
  const closed = events.filter((e) => e.action === 'call.close');
  const cancelled = events.filter((e) => e.action === 'call.cancel');
  if (closed.length === 0 && cancelled.length === 0) return;
  await notifyUsers(tx, [...(await closedNotes(tx, actor, closed)), ...(await cancelledNotes(tx, actor, cancelled))]);
};
