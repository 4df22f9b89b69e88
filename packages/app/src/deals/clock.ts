/**
 * The deals' clock jobs (docs/deals.md):
 * - dormancy: an open, active deal without activity for N days (setting `deals.dormant_after_days`,
 *   default 30) goes dormant by the system (dealActivityMachine go_dormant, audited); its broker and
 *   parties are told (deal.dormant).
 * - reminders: an open next step due today or before (Asia/Shanghai), not yet reminded, is
 *   reminded once to the deal's broker, or to whoever logged it when the deal has no broker.
 */
import {
  findDeal,
  getSetting,
  listDealsToGoDormant,
  listUnremindedDueNextSteps,
  markNextStepReminded,
  notifyUsers,
  updateDeal,
} from '@scenebridge/db';
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { dealActivityMachine, decide, DEAL_DORMANT_AFTER_DAYS_DEFAULT, isDealOpen, shanghaiDate } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { inTransaction } from '../shared/index.js';

const SYSTEM = { userId: null, label: 'system' } as const;
export const DORMANT_AFTER_DAYS_SETTING = 'deals.dormant_after_days';
const DAY_MS = 86_400_000;

export async function dormantAfterDays(services: Services): Promise<number> {
  const v = await getSetting<unknown>(services.db, DORMANT_AFTER_DAYS_SETTING);
  const n = typeof v === 'number' ? v : typeof v === 'object' && v && 'days' in v ? Number((v as { days: unknown }).days) : NaN;
  return Number.isInteger(n) && n > 0 ? n : DEAL_DORMANT_AFTER_DAYS_DEFAULT;
}

/** Marks quiet deals dormant; answers how many. Each deal in its own transaction. */
export async function markDormantDeals({ services }: { services: Services }): Promise<number> {
  const days = await dormantAfterDays(services);
  const now = services.now();
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let moved = 0;
  for (const candidate of await listDealsToGoDormant(services.db, cutoff)) {
    const done = await inTransaction(services, null, async (tx, events) => {
      const d = await findDeal(tx, candidate.id, { forUpdate: true });
      if (!d || d.activity !== 'active' || !isDealOpen(d.status) || d.lastActivityAt >= cutoff) return false;
      const t = decide(dealActivityMachine, { from: 'active', action: 'go_dormant', actors: ['system'] });
      if (!(await updateDeal(tx, d.id, d.version, { activity: t.to, dormantSince: now, updatedAt: now }))) return false;
      await events.record({
        action: 'deal.go_dormant',
        entityType: 'deal',
        entityId: d.id,
        fromState: 'active',
        toState: t.to,
        reason: `${days}天无跟进`,
        data: { code: d.code, lastActivityAt: d.lastActivityAt.toISOString(), days },
        actedBy: SYSTEM,
      });
      return true;
    });
    if (done) moved++;
  }
  return moved;
}

/** Reminds each due next step once; answers how many reminders went out. */
export async function remindDueNextSteps({ services }: { services: Services }): Promise<number> {
  const now = services.now();
  const today = shanghaiDate(now);
  let sent = 0;
  for (const { activity, deal } of await listUnremindedDueNextSteps(services.db, today)) {
    const to = deal.brokerUserId ?? activity.createdBy;
    const ok = await inTransaction(services, null, async (tx) => {
      if (!(await markNextStepReminded(tx, activity.id, now))) return false;
      if (!to) return true;
      const overdue = activity.nextStepDueOn! < today;
      await notifyUsers(tx, [
        {
          userId: to,
          kind: 'deal.next_step_due',
          title: `${overdue ? '跟进已逾期' : '今日待跟进'}：${deal.title}`,
          body: `对接项目${deal.code}「${deal.title}」的下一步「${activity.nextStep}」${overdue ? '已于' : '应于'}${activity.nextStepDueOn}完成。`,
          link: `/deals/${deal.id}`,
          data: { dealId: deal.id, activityId: activity.id },
          dedupeKey: `deal.next_step_due:${activity.id}`,
          email: emailByDefault('deal.next_step_due'),
        },
      ]);
      return true;
    });
    if (ok && to) sent++;
  }
  return sent;
}
