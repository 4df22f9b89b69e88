/**
 * The daily reminder (a job, docs/contracts.md): registrations under way whose statutory last day
 * is within the due-soon window (≤ 3 working days left, or overdue) are named to the registrars
 * (or the operators when there is none) once per registration and day.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { contractsDueBetween, notifyUsers, type NotifyItem } from '@scenebridge/db';
import { addWorkingDays, deadlineState, shanghaiDate } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { presentContext } from './context.js';
import { CONTRACT_QUEUE_STATUSES } from './list-contracts.js';
import { contractHandlers } from './subscribers.js';

export async function remindDueContracts({ services }: { services: Services }): Promise<{ notified: number }> {
  const now = services.now();
  const today = shanghaiDate(now);
  const ctx = await presentContext(services.db, null, now);
  let until = today;
  try {
    until = addWorkingDays(today, ctx.rules.dueSoonWorkingDays, ctx.calendar).lastDay;
  } catch {
    // A year the calendar lacks: remind only what is due today or overdue.
  }
  const due = await contractsDueBetween(services.db, CONTRACT_QUEUE_STATUSES, '0001-01-01', until);
  if (due.length === 0) return { notified: 0 };
  const handlers = await contractHandlers(services.db);
  const notes: NotifyItem[] = [];
  for (const c of due) {
    const s = deadlineState(c.dueOn!, now, ctx.calendar, ctx.rules);
    const when = s.overdue
      ? `已超过法定办结日${-s.workingDaysLeft}个工作日`
      : s.workingDaysLeft === 0
        ? '今天是法定办结日'
        : `距法定办结日还有${s.workingDaysLeft}个工作日`;
    for (const u of handlers) {
      notes.push({
        userId: u.id,
        kind: 'contract.due_soon',
        title: `技术合同登记${s.overdue ? '已超期' : '即将到期'}：${c.projectName}`,
        body: `${when}（${c.dueOn}）。`,
        link: `/contracts/${c.id}`,
        data: { contractId: c.id, dueOn: c.dueOn },
        dedupeKey: `contract.due_soon:${c.id}:${u.id}:${today}`,
        email: emailByDefault('contract.due_soon'),
      });
    }
  }
  await notifyUsers(services.db, notes);
  return { notified: notes.length };
}
